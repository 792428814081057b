import type { Agreement } from '../../core';
import type { SceneView } from '../../protocol/view';

/** A calm pair agreement with both non-verbal signals, and a view of it, for pure tests. */
export const agreement: Agreement = {
  version: 1,
  mode: 'pair',
  participants: [
    { id: 'd', name: 'Robin', role: 'dominant' },
    { id: 's', name: 'Kai', role: 'submissive' },
  ],
  outputs: { vibrate: { ceiling: 0.8 } },
  rampFullScaleSeconds: 20,
  warmUp: { seconds: 60, ceiling: 0.3 },
  play: { ceiling: 0.7, maxSeconds: 900 },
  orgasm: { max: 2, notBeforeSeconds: 120, early: 'post-orgasm', phaseSeconds: 10 },
  postOrgasm: { maxSeconds: 90, ceiling: 0.5 },
  checkIn: { intervalSeconds: 60, answerTimeoutSeconds: 15, onMissed: 'pause' },
  yellow: { factor: 0.5 },
  signals: {
    holdToContinue: { graceMs: 2000, action: 'red' },
    tapPattern: { taps: 3, withinMs: 1500, action: 'yellow' },
  },
  panel: { heartbeatTimeoutSeconds: 6 },
  restraint: { used: true, checkIntervalSeconds: 300 },
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
      postOrgasmMaxMs: 90_000,
      orgasmsMax: 2,
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
    setup: { checklist: ['water'], checked: [], testStop: null, missing: [] },
    presence: { console: true, panel: true },
    heartRate: null,
    pressure: null,
    lastCheckIn: null,
    testPulse: null,
    ...over,
  };
}
