import type { MarkKind } from './marks';

/** Each marker's colour and name in the plot's legend (the event list says it in words). */
export const MARK_STYLE: Readonly<Record<MarkKind, Readonly<{ colour: string; name: string }>>> = {
  phase: { colour: '#6b7682', name: 'phase change' },
  'checkin-asked': { colour: '#8fb8ff', name: 'check-in asked' },
  'checkin-answered': { colour: '#2e9d5c', name: 'check-in answered' },
  'checkin-missed': { colour: '#ff9f43', name: 'check-in missed' },
  signal: { colour: '#b48cff', name: 'signal' },
  safeword: { colour: '#f2b705', name: 'safeword' },
  orgasm: { colour: '#ff9fb2', name: 'orgasm' },
  pause: { colour: '#ffd166', name: 'pause or resume' },
  limit: { colour: '#5ad1c8', name: 'limit lowered' },
  device: { colour: '#ff6b81', name: 'toy lost' },
  sensor: { colour: '#ff6b81', name: 'sensor' },
  stop: { colour: '#ff4d5e', name: 'stop' },
};
