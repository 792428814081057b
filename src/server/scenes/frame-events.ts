import type { Actor, SceneEvent } from '../../core';
import type { ClientFrame } from '../../protocol/frames';

/** Frames that are not scene events: the server handles them itself. */
export type LocalFrame = Extract<ClientFrame, { type: 'setup.check' | 'stop.test' | 'reading' }>;

export function isLocalFrame(frame: ClientFrame): frame is LocalFrame {
  return frame.type === 'setup.check' || frame.type === 'stop.test' || frame.type === 'reading';
}

/** The scene event a frame stands for, sent by `by` at `at` (scene clock). */
export function frameEvent(
  frame: Exclude<ClientFrame, LocalFrame>,
  by: Actor,
  at: number,
): SceneEvent {
  switch (frame.type) {
    case 'heartbeat':
      return { type: 'panel.heartbeat', at, by };
    case 'start':
      return { type: 'scene.start', at, by };
    case 'device.test':
      return { type: 'device.tested', at, by, device: frame.device, feature: frame.feature };
    case 'intensity':
      return {
        type: 'intensity.requested',
        at,
        by,
        device: frame.device,
        feature: frame.feature,
        value: frame.value,
      };
    case 'orgasm':
      return { type: 'orgasm.marked', at, by };
    case 'edge':
      return { type: frame.edging ? 'edge.started' : 'edge.ended', at, by };
    case 'phase.next':
      return { type: 'phase.next', at, by };
    case 'end':
      return { type: 'scene.end', at, by };
    case 'safeword':
      return { type: 'safeword', at, by, word: frame.word };
    case 'checkin':
      return { type: 'checkin.answered', at, by, answer: frame.answer };
    case 'signal':
      return { type: `signal.${frame.action}`, at, by };
    case 'limit.lower':
      return { type: 'limit.lowered', at, by, limit: frame.limit };
    case 'withdraw':
      return { type: 'consent.withdrawn', at, by };
  }
}
