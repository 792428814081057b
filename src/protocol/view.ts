import {
  postOrgasmEndsAt,
  type Agreement,
  type DeviceSpec,
  type Effect,
  type Limits,
  type Phase,
  type SceneState,
  type StopRecord,
} from '../core';
import type { ChecklistItem, ErrorCode, Role } from './frames';

/** What each screen is shown of a scene: the same facts for both, built from the core's state. */
export type SceneView = Readonly<{
  sceneId: string;
  mode: 'pair' | 'solo';
  agreement: Agreement;
  agreementHash: string;
  devices: readonly DeviceSpec[];
  /** The scene clock (ms since creation) when this view was made. */
  now: number;
  phase: Phase;
  phaseSince: number;
  startedAt: number | null;
  firstOrgasmAt: number | null;
  postOrgasmEndsAt: number | null;
  orgasms: number;
  limits: Limits;
  stop: StopRecord | null;
  paused: string | null;
  yellow: boolean;
  edging: boolean;
  /** What the dominant (or the plan) asked for, per output `device/feature`. */
  requested: Readonly<Record<string, number>>;
  /** What the governor let through to the device, per output. */
  applied: Readonly<Record<string, number>>;
  lostDevices: readonly string[];
  /** The set-up's test pulse on one output (`device/feature`), running until `until`. */
  testPulse: Readonly<{ key: string; until: number }> | null;
  checkIn: Readonly<{ nextDueAt: number | null; promptedAt: number | null }>;
  restraintCheckAt: number | null;
  lastHeartbeatAt: number | null;
  setup: SetupView;
  presence: Readonly<{ console: boolean; panel: boolean }>;
  heartRate: Readonly<{ bpm: number; at: number }> | null;
  /** The last pressure reading from a scene device's sensor (raw counts), if any. */
  pressure: Readonly<{ value: number; at: number }> | null;
  /** The receiver's last accepted check-in answer (or green to resume), if any. */
  lastCheckIn: Readonly<{ at: number; answer: 'green' | 'yellow' | 'red' }> | null;
}>;

/** The set-up before start (DESIGN.md "Set up"): kept by the server, not the core. */
export type SetupView = Readonly<{
  checklist: readonly ChecklistItem[];
  checked: readonly ChecklistItem[];
  /** The last test stop from the panel: when, and whether every device confirmed it. */
  testStop: Readonly<{ at: number; ok: boolean; message: string }> | null;
  /** Empty when the scene may start; otherwise what is missing, in words. */
  missing: readonly string[];
}>;

export type ViewExtras = Readonly<{
  setup: SetupView;
  presence: Readonly<{ console: boolean; panel: boolean }>;
  heartRate: Readonly<{ bpm: number; at: number }> | null;
  pressure: Readonly<{ value: number; at: number }> | null;
  lastCheckIn: Readonly<{ at: number; answer: 'green' | 'yellow' | 'red' }> | null;
  now: number;
}>;

export function sceneView(s: SceneState, extras: ViewExtras): SceneView {
  return {
    sceneId: s.sceneId,
    mode: s.agreement.mode,
    agreement: s.agreement,
    agreementHash: s.agreementHash,
    devices: s.devices,
    now: extras.now,
    phase: s.phase,
    phaseSince: s.phaseSince,
    startedAt: s.startedAt,
    firstOrgasmAt: s.firstOrgasmAt,
    postOrgasmEndsAt: postOrgasmEndsAt(s),
    orgasms: s.orgasms,
    limits: s.limits,
    stop: s.stop,
    paused: s.paused,
    yellow: s.yellow,
    edging: s.edging,
    requested: s.targets,
    applied: s.applied,
    lostDevices: s.lostDevices,
    testPulse: s.testPulse,
    checkIn: s.checkIn,
    restraintCheckAt: s.restraintCheckAt,
    lastHeartbeatAt: s.lastHeartbeatAt,
    setup: extras.setup,
    presence: extras.presence,
    heartRate: extras.heartRate,
    pressure: extras.pressure,
    lastCheckIn: extras.lastCheckIn,
  };
}

/** Everything the server sends. */
export type ServerFrame =
  | { type: 'welcome'; role: Role; sceneId: string; lastSeq: number; view: SceneView }
  /**
   * After the scene's steps are stored (their effects together, in order), and when presence or
   * set-up changes; views that only move outputs at most 10 a second (decision 0017).
   */
  | { type: 'view'; view: SceneView; effects: readonly Effect[] }
  /** The frame `seq` was carried out and, if it was a scene event, stored (S7). */
  | { type: 'ack'; seq: number }
  | { type: 'error'; code: ErrorCode; message: string; seq?: number }
  /** The connection is being closed (another screen took this role, or the server stops). */
  | { type: 'bye'; reason: string };
