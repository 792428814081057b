import type { Agreement } from '../../core/agreement/agreement';
import type { SceneView } from '../../protocol/view';

/** A calm pair agreement and a view of it, for the console's pure tests. */
export const agreement: Agreement = {
  version: 1,
  mode: 'pair',
  participants: [
    { id: 'd', name: 'Alex', role: 'dominant' },
    { id: 's', name: 'Sam', role: 'submissive' },
  ],
  outputs: { vibrate: { ceiling: 0.8 } },
  rampFullScaleSeconds: 20,
  warmUp: { seconds: 60, ceiling: 0.3 },
  play: { ceiling: 0.7, maxSeconds: 900 },
  orgasm: { max: 1, notBeforeSeconds: 120, early: 'post-orgasm', phaseSeconds: 10 },
  postOrgasm: { maxSeconds: 60, ceiling: 0.5 },
  checkIn: { intervalSeconds: 60, answerTimeoutSeconds: 15, onMissed: 'pause' },
  yellow: { factor: 0.5 },
  signals: { holdToContinue: null, tapPattern: { taps: 3, withinMs: 1500, action: 'red' } },
  panel: { heartbeatTimeoutSeconds: 5 },
  restraint: { used: false, checkIntervalSeconds: null },
  aftercare: { minutes: 10, items: ['water', 'a warm blanket'] },
  plan: null,
};

export function makeView(over: Partial<SceneView> = {}): SceneView {
  return {
    sceneId: 'scene-1',
    mode: 'pair',
    agreement,
    agreementHash: 'hash',
    devices: [{ id: 'wand', name: 'Wand', features: [{ id: 'v', kind: 'vibrate' }] }],
    now: 10_000,
    phase: 'play',
    phaseSince: 5_000,
    startedAt: 1_000,
    firstOrgasmAt: null,
    postOrgasmEndsAt: null,
    orgasms: 0,
    limits: {
      outputCeilings: { vibrate: 0.8 },
      phaseCeilings: { 'warm-up': 0.3, play: 0.7, orgasm: 0.7, 'post-orgasm': 0.5 },
      rampPerMs: 1 / 20_000,
      postOrgasmMaxMs: 60_000,
      orgasmsMax: 1,
    },
    stop: null,
    paused: null,
    yellow: false,
    edging: false,
    requested: {},
    applied: {},
    lostDevices: [],
    checkIn: { nextDueAt: 61_000, promptedAt: null },
    restraintCheckAt: null,
    lastHeartbeatAt: 9_500,
    setup: {
      checklist: ['lubricant', 'water', 'blanket'],
      checked: [],
      testStop: null,
      missing: [],
    },
    presence: { console: true, panel: true },
    heartRate: null,
    ...over,
  };
}
