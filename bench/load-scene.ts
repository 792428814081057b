import type { ReadingBatcher } from '../src/server/scenes/reading-batcher';
import type { CreatedEvent } from '../src/core';
import type { DevicePort } from '../src/devices/port';
import type { ClientFrameBody, Role } from '../src/protocol/frames';
import type { ServerFrame } from '../src/protocol/view';
import type { EventLog } from '../src/server/event-log';
import { createSceneClock } from '../src/server/scene-clock';
import {
  createSceneRuntime,
  VIEW_EVERY_MS,
  type SceneRuntime,
} from '../src/server/scenes/scene-runtime';
import { frameText } from '../src/server/ws/frame-text';
import type { Store } from '../src/server/store/store';
import { devices, pairAgreement } from '../test/fixtures/agreements';

/** What every simulated scene adds to, for the phase's figures. */
export type LoadCounters = {
  /** Frames of scenes in play; a scene's set-up frames are `setupFrames`. */
  frames: number;
  setupFrames: number;
  pressure: number;
  /** Events staged for the store's group commit. */
  appends: number;
  /** Group commits (decision 0017), their rows, the time inside them (ms), and each one's duration while `commitTimes` is set. */
  commits: number;
  commitRows: number;
  commitMs: number;
  commitTimes: number[] | null;
  /** Each commit's [start, end] on `performance.now()` while `commitTimes` is set. */
  commitSpans: [number, number][];
  readings: number;
  /** Time inside the history's reading inserts, and serialising frames to the screens (ms). */
  readingMs: number;
  serialiseMs: number;
  stopTimings: number;
  setOutputs: number;
  /** stopAll calls while no red was waiting for one (a lost panel, a missed check-in). */
  unexpectedStops: number;
  refused: Map<string, number>;
  checkInsAnswered: number;
  serverFrames: number;
  serverBytes: number;
};

export const newCounters = (): LoadCounters => ({
  frames: 0,
  setupFrames: 0,
  pressure: 0,
  appends: 0,
  commits: 0,
  commitRows: 0,
  commitMs: 0,
  commitTimes: null,
  commitSpans: [],
  readings: 0,
  readingMs: 0,
  serialiseMs: 0,
  stopTimings: 0,
  setOutputs: 0,
  unexpectedStops: 0,
  refused: new Map(),
  checkInsAnswered: 0,
  serverFrames: 0,
  serverBytes: 0,
});

export type LoadScene = {
  readonly runtime: SceneRuntime;
  /** Sends one frame as the role's screen would (the same object a validated frame is). */
  send(role: Role, body: ClientFrameBody): void;
  /** The dominant moves the next output's slider (20 Hz across the scene's outputs). */
  output(): void;
  /** One pressure reading from the scene's sensor (50 Hz). */
  sample(): void;
  /** Sends red from the panel; returns when `handle` was called and when `stopAll` ran. */
  red(): { calledAt: number; stoppedAt: number | null };
  dispose(): void;
};

const WARM_UP_END = pairAgreement.warmUp.seconds * 1000;
const CHECK_IN_MS = pairAgreement.checkIn.intervalSeconds * 1000;
/** Heartbeats while passing the warm-up in scene time: inside the panel's timeout. */
const JUMP_MS = 4000;
const FEATURES = devices.flatMap((d) =>
  d.features
    .filter((f) => f.kind in pairAgreement.outputs)
    .map((f) => ({
      device: d.id,
      feature: f.id,
      ceiling: pairAgreement.outputs[f.kind]?.ceiling ?? 0,
    })),
);

/**
 * One simulated scene on the server's own path: the store's scene row and log (the registry's
 * wiring), a real `createSceneRuntime`, a console and a panel screen that serialise every frame
 * they get as the WebSocket would, and an in-process device port that records stops. It goes
 * through the set-up as the screens do (heartbeat, checklist, test stop, start), then passes the
 * agreed warm-up in scene time (the scene clock jumps ahead, a heartbeat every 4 s, the first
 * check-in answered) and runs in play on real time, its next check-in due `checkInDueInMs`
 * after it is ready (or, with null, runs in its warm-up on real time).
 */
export async function createLoadScene(options: {
  store: Store;
  /** Every scene's readings, written once a second in one transaction, as the registry does. */
  readings: ReadingBatcher;
  sceneId: string;
  counters: LoadCounters;
  /** When its next check-in falls due once it is in play; null: it stays in its warm-up. */
  checkInDueInMs: number | null;
}): Promise<LoadScene> {
  const { store, sceneId, counters } = options;
  const created: CreatedEvent = {
    type: 'scene.created',
    at: 0,
    sceneId,
    agreement: pairAgreement,
    devices,
  };
  store.createScene({
    created,
    createdWallMs: Date.now(),
    participants: [
      { role: 'dominant', secretHash: `${sceneId}-dominant` },
      { role: 'submissive', secretHash: `${sceneId}-submissive` },
    ],
  });
  // As the registry: events go to the store's group commit, acks and views wait for it.
  const stored = store.eventLog(sceneId);
  const log: EventLog = {
    append(event, frame) {
      stored.stage(event, frame);
      counters.appends += 1;
    },
    settled(done) {
      stored.settled(done);
    },
  };
  const failed = (error: Error) => {
    console.error(`scene ${sceneId}: ${error.message}`);
  };
  let closedMarked = false;
  let redPending = false;
  let stoppedAt: number | null = null;
  const port: DevicePort = {
    stopAll() {
      if (redPending) {
        stoppedAt ??= performance.now();
        return;
      }
      counters.unexpectedStops += 1;
    },
    setOutput() {
      counters.setOutputs += 1;
    },
  };
  let offset = 0;
  let live = true;
  const seq: Record<Role, number> = { dominant: 0, submissive: 0 };
  let runtime: SceneRuntime | null = null;
  let ready = false;
  const answerTimers = new Set<ReturnType<typeof setTimeout>>();

  /** One for the scene's frames, as the socket session has one per screen (not one per frame). */
  const reply = (frame: ServerFrame) => {
    serialise(frame);
    if (frame.type === 'error')
      counters.refused.set(frame.message, (counters.refused.get(frame.message) ?? 0) + 1);
  };
  const send = (role: Role, body: ClientFrameBody) => {
    if (runtime === null) return;
    seq[role] += 1;
    if (ready) counters.frames += 1;
    else counters.setupFrames += 1;
    const withEvent = runtime.handle(role, { ...body, seq: seq[role] }, reply);
    // As the socket session: a frame's number is stored with its event, or else on its own.
    if (!withEvent) store.stageLastSeq(sceneId, role, seq[role], failed);
  };
  const serialise = (frame: ServerFrame) => {
    // What the WebSocket route does with every frame for a screen (src/server/http/app.ts): a
    // broadcast's text is made once and reused for the other screen.
    const from = performance.now();
    const text = frameText(frame);
    counters.serialiseMs += performance.now() - from;
    counters.serverFrames += 1;
    counters.serverBytes += text.length;
  };
  /** While the warm-up is passed in scene time, a check-in is answered at the next heartbeat. */
  const during = { promptSeen: false };
  /** In play, the panel answers a check-in green after a person's pause (1–3 s, inside the 10 s). */
  const panel = {
    send(frame: ServerFrame) {
      serialise(frame);
      if (frame.type !== 'view') return;
      if (!frame.effects.some((e) => e.type === 'prompt' && e.prompt === 'check-in')) return;
      if (!ready) {
        during.promptSeen = true;
        return;
      }
      const timer = setTimeout(
        () => {
          answerTimers.delete(timer);
          if (!live) return;
          counters.checkInsAnswered += 1;
          send('submissive', { type: 'checkin', answer: 'green' });
        },
        1000 + Math.random() * 2000,
      );
      answerTimers.add(timer);
    },
    close: () => undefined,
  };
  const console_ = { send: serialise, close: () => undefined };

  runtime = createSceneRuntime({
    created,
    log,
    devices: port,
    confirmStop: () => Promise.resolve({ ok: true }),
    // As the registry does with the adapter's confirmStop: the stop goes out through it.
    sendStop: () => {
      port.stopAll();
      return Promise.resolve({ ok: true });
    },
    traces: {
      reading: (reading) => {
        options.readings.add(sceneId, reading);
        counters.readings += 1;
      },
      flush: () => {
        options.readings.flush(sceneId);
      },
      stopTiming: (timing) => {
        store.history.stageStopTiming(sceneId, timing, failed);
        counters.stopTimings += 1;
      },
    },
    devicesConnected: () => true,
    otherSceneActive: () => false,
    viewEveryMs: VIEW_EVERY_MS,
    clock: createSceneClock(() => performance.now() + offset),
    report: (message) => {
      console.error(`scene ${sceneId}: ${message}`);
    },
    onStep: (state) => {
      if (state.phase !== 'closed' || closedMarked) return;
      closedMarked = true;
      store.stageStatus(sceneId, 'closed', failed);
    },
  });
  runtime.attach('dominant', console_);
  runtime.attach('submissive', panel);

  // The set-up, as the screens do it.
  send('submissive', { type: 'heartbeat' });
  for (const item of ['lubricant', 'restraint-release', 'water', 'blanket'] as const)
    send('dominant', { type: 'setup.check', item, done: true });
  send('submissive', { type: 'stop.test' });
  await Promise.resolve();
  send('dominant', { type: 'start' });
  for (const f of FEATURES)
    send('dominant', { type: 'intensity', device: f.device, feature: f.feature, value: 0.3 });

  // The warm-up in scene time; the first check-in is answered at the next heartbeat. A scene
  // that replaces a stopped one (checkInDueInMs null) stays in its warm-up on real time instead:
  // the same work per event, without 20 set-up heartbeats per red.
  if (options.checkInDueInMs !== null) {
    const firstAnswer = Math.ceil(CHECK_IN_MS / JUMP_MS) * JUMP_MS;
    const readyAt = Math.max(
      WARM_UP_END + 1000,
      firstAnswer + CHECK_IN_MS - options.checkInDueInMs,
    );
    const base = performance.now();
    for (let at = JUMP_MS; at < readyAt; at += JUMP_MS) {
      offset = at - (performance.now() - base);
      send('submissive', { type: 'heartbeat' });
      if (during.promptSeen) {
        during.promptSeen = false;
        send('submissive', { type: 'checkin', answer: 'green' });
      }
    }
    offset = readyAt - (performance.now() - base);
    send('submissive', { type: 'heartbeat' });
  }
  const phase = runtime.state().phase;
  const expected = options.checkInDueInMs === null ? 'warm-up' : 'play';
  if (phase !== expected) throw new Error(`load scene ${sceneId} is in ${phase}, not ${expected}`);
  ready = true;

  let next = 0;
  let samples = 0;
  const scene: LoadScene = {
    runtime,
    send,
    output() {
      const f = FEATURES[next % FEATURES.length];
      next += 1;
      if (f === undefined) return;
      const wave = Math.sin((2 * Math.PI * performance.now()) / 5000 + next);
      const value = Math.round(f.ceiling * (0.55 + 0.45 * wave) * 100) / 100;
      send('dominant', { type: 'intensity', device: f.device, feature: f.feature, value });
    },
    sample() {
      samples += 1;
      counters.pressure += 1;
      // A resting pelvic-floor pressure with sensor noise and breathing: no orgasm in it.
      const value = 600 + 15 * Math.sin(samples / 40) + (Math.random() - 0.5) * 6;
      scene.runtime.pressure(Math.round(value));
    },
    red() {
      redPending = true;
      stoppedAt = null;
      const calledAt = performance.now();
      send('submissive', { type: 'safeword', word: 'red' });
      return { calledAt, stoppedAt };
    },
    dispose() {
      live = false;
      for (const t of answerTimers) clearTimeout(t);
      answerTimers.clear();
      scene.runtime.dispose();
      // A stopped scene closes after its aftercare, and the store then lets its log go; a scene
      // replaced here closes at once, or a long run would count logs kept for gone scenes.
      if (!closedMarked) {
        closedMarked = true;
        store.stageStatus(sceneId, 'closed', failed);
      }
    },
  };
  return scene;
}
