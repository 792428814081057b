import type { Agreement } from '../agreement/agreement';
import { agreementHash } from '../agreement/hash';
import type { FeatureKey, GovernedFeature, GovernedLevel } from '../governor/governor';
import { limitsFromAgreement, type Limits } from '../governor/limits';
import type { TestPulse } from '../governor/test-pulse';
import type { Actor, CreatedEvent, DeviceSpec } from './events';
import type { PauseCause, Phase, StopCause } from './phases';

export type StopRecord = Readonly<{ cause: StopCause; by: Actor; at: number }>;

/** Everything a scene is at one moment: the fold of its events so far (S7). */
export type SceneState = Readonly<{
  sceneId: string;
  agreement: Agreement;
  agreementHash: string;
  devices: readonly DeviceSpec[];
  features: readonly GovernedFeature[];
  createdAt: number;
  /** The time of the last event folded in; the core's only clock. */
  now: number;
  phase: Phase;
  phaseSince: number;
  startedAt: number | null;
  firstOrgasmAt: number | null;
  orgasms: number;
  limits: Limits;
  /** Set once by the first stop and never cleared (S1, S6). */
  stop: StopRecord | null;
  paused: PauseCause | null;
  yellow: boolean;
  yellowCaps: Readonly<Record<FeatureKey, number>>;
  edging: boolean;
  targets: Readonly<Record<FeatureKey, number>>;
  applied: Readonly<Record<FeatureKey, GovernedLevel>>;
  appliedAt: number;
  lostDevices: readonly string[];
  /** The set-up's test pulse (device.tested), until it ends; null otherwise. */
  testPulse: TestPulse | null;
  lastHeartbeatAt: number | null;
  checkIn: Readonly<{ nextDueAt: number | null; promptedAt: number | null }>;
  restraintCheckAt: number | null;
  /** When the next lubricant reminder is due (agreement.lubricant), or null. */
  lubricantCheckAt: number | null;
  signal: Readonly<{ held: boolean; releasedAt: number | null; taps: readonly number[] }>;
  /** Index of the next plan step in the current phase's plan. */
  planStep: number;
  /** How many events have been folded in, the creation included. */
  eventCount: number;
}>;

export type Draft = { -readonly [K in keyof SceneState]: SceneState[K] };

export function initialState(created: CreatedEvent): SceneState {
  const agreement: Agreement = created.agreement;
  const features: GovernedFeature[] = created.devices.flatMap((d) =>
    d.features.map((feature) => ({ device: d.id, feature })),
  );
  return {
    sceneId: created.sceneId,
    agreement,
    agreementHash: agreementHash(agreement),
    devices: created.devices,
    features,
    createdAt: created.at,
    now: created.at,
    phase: 'setup',
    phaseSince: created.at,
    startedAt: null,
    firstOrgasmAt: null,
    orgasms: 0,
    limits: limitsFromAgreement(agreement),
    stop: null,
    paused: null,
    yellow: false,
    yellowCaps: {},
    edging: false,
    targets: {},
    applied: {},
    appliedAt: created.at,
    lostDevices: [],
    testPulse: null,
    lastHeartbeatAt: null,
    checkIn: { nextDueAt: null, promptedAt: null },
    restraintCheckAt: null,
    lubricantCheckAt: null,
    signal: { held: false, releasedAt: null, taps: [] },
    planStep: 0,
    eventCount: 1,
  };
}

/**
 * A copy of `s` to build the next state in, field by field. A spread (`{ ...s }`) does the same,
 * but once states of a few shapes have passed through it V8 copies them the slow, generic way:
 * with it a step made about 2.1 KB of garbage, with this 1.2 KB, and `npm run bench -- fold` went
 * from 720,000 to 1,260,000 events a second (issue 8). A field added to `SceneState` and not here
 * fails to compile.
 */
export function draftOf(s: SceneState): Draft {
  return {
    sceneId: s.sceneId,
    agreement: s.agreement,
    agreementHash: s.agreementHash,
    devices: s.devices,
    features: s.features,
    createdAt: s.createdAt,
    now: s.now,
    phase: s.phase,
    phaseSince: s.phaseSince,
    startedAt: s.startedAt,
    firstOrgasmAt: s.firstOrgasmAt,
    orgasms: s.orgasms,
    limits: s.limits,
    stop: s.stop,
    paused: s.paused,
    yellow: s.yellow,
    yellowCaps: s.yellowCaps,
    edging: s.edging,
    targets: s.targets,
    applied: s.applied,
    appliedAt: s.appliedAt,
    lostDevices: s.lostDevices,
    testPulse: s.testPulse,
    lastHeartbeatAt: s.lastHeartbeatAt,
    checkIn: s.checkIn,
    restraintCheckAt: s.restraintCheckAt,
    lubricantCheckAt: s.lubricantCheckAt,
    signal: s.signal,
    planStep: s.planStep,
    eventCount: s.eventCount,
  };
}

/** The moment the post-orgasm time runs out, or null before any orgasm. */
export function postOrgasmEndsAt(s: SceneState): number | null {
  return s.firstOrgasmAt === null ? null : s.firstOrgasmAt + s.limits.postOrgasmMaxMs;
}
