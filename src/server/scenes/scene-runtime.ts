import {
  isActive,
  nextWakeAt,
  senderRefusal,
  type CreatedEvent,
  type Effect,
  type SceneEvent,
  type SceneState,
} from '../../core';
import type { StopConfirmation } from '../../devices/adapter';
import type { DevicePort } from '../../devices/port';
import type { ChecklistItem, ClientFrame, ErrorCode, Role } from '../../protocol/frames';
import { sceneView, type SceneView, type ServerFrame, type SetupView } from '../../protocol/view';
import type { EventLog } from '../event-log';
import type { SceneClock } from '../scene-clock';
import { createSceneLoop } from '../scene-loop';
import { frameEvent, isLocalFrame, type LocalFrame } from './frame-events';
import { createSceneSensors } from './sensors';
import { checklistFor, setupMissing } from './setup';
import { createStopTimer } from './stop-timer';
import { sharedViewPacer, type ViewPacer } from './view-pacer';
import { createTraceRecorder, type SceneTraces } from './trace-recorder';

/**
 * How often a live scene's screens get a view that only moves outputs (10 a second): smooth to
 * the eye, and at 20 slider moves a second half the views to write out (decision 0017).
 */
export const VIEW_EVERY_MS = 100;

/**
 * Pressure readings reach the orgasm detector in runs (decision 0022): once this many wait, or
 * once the oldest waiting is this old when another comes. Each keeps its own time and output
 * level, so the detector decides exactly what it decided reading by reading, at most a run later
 * (100 ms at 50 a second). With 1,000 scenes a detector's state is out of the processor's caches
 * by its scene's next reading; a run pays for that once instead of five times.
 */
export const DETECT_RUN = 5;
export const DETECT_WAIT_MS = 100;

/** One connected screen: where its frames go, and how to close it. */
export type Screen = Readonly<{
  send(frame: ServerFrame): void;
  /**
   * `replaced`: another screen took this role (the screen should not come back by itself).
   * `ended`: the scene is over for this server (closed, or stopped and left): coming back only
   * hears that again.
   */
  close(reason: string, why: 'replaced' | 'going-away' | 'ended'): void;
}>;
export type Reply = (frame: ServerFrame) => void;

export type SceneRuntimeOptions = Readonly<{
  created: CreatedEvent;
  /** The events after `created` already stored (a restarted server). */
  stored?: readonly SceneEvent[];
  log: EventLog;
  devices: DevicePort;
  /** Stops every device and resolves once the device side confirmed it (the set-up's test). */
  confirmStop(): Promise<StopConfirmation>;
  /**
   * Sends a stop exactly as `devices.stopAll()` does (written before it returns) and resolves once
   * the device side confirmed it: the adapter's `confirmStop`. When given, the scene's stops go
   * out through it so the history can say how fast each reached the toys.
   */
  sendStop?(): Promise<StopConfirmation>;
  /** Where readings and stop timings go for the scene's history; written after any stop. */
  traces?: SceneTraces;
  devicesConnected(): boolean;
  otherSceneActive(): boolean;
  clock: SceneClock;
  /** A line for the server's own output; never a secret. */
  report(message: string): void;
  /** Once, when the log could not store an event (the scene is being stopped for it). */
  onStorageFailed?(): void;
  /** After every step, for whoever tracks scenes (which holds the toys, which is closed). */
  onStep?(state: SceneState): void;
  /**
   * Views that only move outputs (or show presence and set-up) go out at most this often (ms,
   * default 0: every commit); any other change goes at once. Screens redraw at a person's pace.
   */
  viewEveryMs?: number;
  /** Runs the paced views (default: the process's one pacer for every scene). */
  viewPacer?: ViewPacer;
}>;

export type SceneRuntime = Readonly<{
  sceneId: string;
  state(): SceneState;
  view(): SceneView;
  /** Connects a screen in a role; a second screen in the same role replaces the first. */
  attach(role: Role, screen: Screen): () => void;
  /**
   * Carries out one validated frame from `role`; answers `ack` or `error` through `reply`. True
   * when the frame became a scene event whose row keeps the frame's number (the replay guard
   * needs no write of its own); false when the caller must record the number itself.
   */
  handle(role: Role, frame: ClientFrame, reply: Reply): boolean;
  /** An event from the server itself (a lost device): through the same stop-first path. */
  submit(event: SceneEvent): void;
  /** A pressure reading from one of the scene's devices (raw counts), for the orgasm detector. */
  pressure(value: number): void;
  /**
   * A partner withdrew the agreement this scene runs under (the negotiation's withdraw): the
   * same stop as the withdraw frame, sent by that partner's role.
   */
  withdrawConsent(by: Role): void;
  /** Stops the scene for good (the server is going away): stop first, then recorded. */
  interrupt(): void;
  /** How many screens are attached. */
  screens(): number;
  /**
   * The server lets go of a scene that is over (closed, or stopped and no longer watched): what
   * is waiting for the log still goes out, then every screen is told the scene has ended and
   * closed. No timer of the scene's runs after this.
   */
  end(): void;
  dispose(): void;
}>;

/**
 * One live scene on the server: its loop (the core, the devices, the log), its timers, its set-up
 * and the screens watching it. A frame becomes a scene event and goes through the loop's
 * `submit`, so a stop reaches the toys before anything else (S1); it is acknowledged only after
 * the loop stored it (S7).
 */
export function createSceneRuntime(options: SceneRuntimeOptions): SceneRuntime {
  const { clock } = options;
  const screens = new Map<Role, Screen>();
  const checked = new Set<ChecklistItem>();
  let testStop: { at: number; ok: boolean; message: string } | null = null;
  let heartRate: { bpm: number; at: number } | null = null;
  let lastCheckIn: { at: number; answer: 'green' | 'yellow' | 'red' } | null = null;
  /**
   * Events waiting for their step, and who to acknowledge: rarely more than one (a frame's event
   * is stepped before `handle` returns, unless a step was under way), so a list searched by
   * identity, not a map that has to hash every event.
   */
  type Awaiting = { event: SceneEvent; role: Role; seq: number; reply: Reply };
  const awaiting: Awaiting[] = [];
  const awaitingFor = (event: SceneEvent): Awaiting | undefined => {
    for (const entry of awaiting) if (entry.event === event) return entry;
    return undefined;
  };
  const forget = (entry: Awaiting) => {
    const at = awaiting.indexOf(entry);
    if (at !== -1) awaiting.splice(at, 1);
  };
  /**
   * Events the log could not store, from the log's `append` to their step's listener, which
   * marks their reply: an error, never an ack (S7).
   */
  const unstored = new Set<SceneEvent>();
  let storageBroken = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  /** Set by `end`: once the outbox is empty, the screens are closed as ended. */
  let ending = false;

  /**
   * What the screens get waits until every event before it is on disk (decision 0017): replies
   * in the order they were made, then one view carrying the effects of every step since the
   * last. An ack therefore never overtakes its event's write (S7), and no screen is shown a
   * scene its log could not replay. A log without `settled` is durable at once: nothing waits.
   */
  type Outgoing =
    | { reply: Reply; frame: ServerFrame }
    /**
     * A frame's event, answered once the log is on disk: `stored` is false once the log could not
     * store it. (The event itself is not kept: at 1,000 scenes whatever waits for the sync lives
     * long enough to be copied by a young-generation GC.)
     */
    | { reply: Reply; seq: number; stored: boolean; refusal: string | null };
  const outbox: Outgoing[] = [];
  let viewEffects: Effect[] | null = null;
  let waitingForLog = false;

  /** Set when a view waits for its turn with the pacer (views are paced: see `viewEveryMs`). */
  let viewWaiting = false;
  const viewPacer = options.viewPacer ?? sharedViewPacer;
  /** Set by the pacer: the waiting view's turn has come, whatever this process's clock says. */
  let viewTurnCame = false;
  /** The pacer's call when a waiting view's turn comes: one function for the scene. */
  const viewTurn = () => {
    viewWaiting = false;
    viewTurnCame = true;
    post();
  };
  const stopWaitingForView = () => {
    if (!viewWaiting) return;
    viewWaiting = false;
    viewPacer.cancel(viewTurn);
  };
  let lastViewAt = -Infinity;
  const viewEveryMs = options.viewEveryMs ?? 0;

  const deliver = () => {
    sendReplies();
    sendView();
    if (ending && outbox.length === 0 && viewEffects === null) endScreens();
  };
  const endScreens = () => {
    const leaving = [...screens.values()];
    screens.clear();
    for (const screen of leaving) screen.close(ENDED, 'ended');
  };
  const sendReplies = () => {
    const items = outbox.splice(0);
    for (const item of items) {
      if ('frame' in item) item.reply(item.frame);
      else {
        if (!item.stored)
          item.reply({
            type: 'error',
            code: 'internal',
            message: 'Redline could not store this, so the scene was stopped',
            seq: item.seq,
          });
        else if (item.refusal !== null)
          item.reply({ type: 'error', code: 'refused', message: item.refusal, seq: item.seq });
        else item.reply({ type: 'ack', seq: item.seq });
      }
    }
  };
  const sendView = () => {
    const effects = viewEffects;
    if (effects === null || viewWaiting) return;
    // Only outputs moving (or presence, set-up): at most one view per `viewEveryMs`. Anything
    // else — a stop, a pause, a prompt, a phase — goes out with this commit, as does the last.
    const routine = effects.length === 0 && !ending;
    const wait = lastViewAt + viewEveryMs - performance.now();
    if (routine && wait > 0 && !viewTurnCame) {
      viewWaiting = true;
      viewPacer.wait(viewTurn, lastViewAt + viewEveryMs);
      return;
    }
    viewEffects = null;
    viewTurnCame = false;
    lastViewAt = performance.now();
    if (screens.size === 0) return;
    const frame: ServerFrame = { type: 'view', view: view(), effects };
    for (const screen of screens.values()) screen.send(frame);
  };
  /** The log's answer to `post`: one function for the scene, not one made per wait. */
  const settled = (error: Error | null) => {
    waitingForLog = false;
    if (error !== null) storageFailed(error);
    deliver();
  };
  const post = () => {
    if (waitingForLog) return;
    waitingForLog = true;
    if (options.log.settled === undefined) settled(null);
    else options.log.settled(settled);
  };
  const send = (reply: Reply, frame: ServerFrame) => {
    outbox.push({ reply, frame });
    post();
  };
  const refuse = (reply: Reply, code: ErrorCode, message: string, seq: number) => {
    send(reply, { type: 'error', code, message, seq });
  };
  /**
   * A view follows these steps. Their outputs are not sent as effects: the view's levels
   * (`applied`) show where the outputs are, and 20 output effects a second per scene were most of
   * a view's text (docs/protocol.md lists what a view's effects are).
   */
  const broadcast = (effects: readonly Effect[]) => {
    const shown = (viewEffects ??= []);
    const before = shown.length;
    for (const effect of effects) if (effect.type !== 'output') shown.push(effect);
    // Something that matters cannot wait for the paced view.
    if (shown.length > before) stopWaitingForView();
    post();
  };

  /** A scene must not run unrecorded: stop the toys now, then stop the scene itself. */
  const storageFailed = (error: Error) => {
    if (storageBroken) return;
    storageBroken = true;
    options.devices.stopAll();
    // Whatever still waits for the log was in the write that failed: none of it is acknowledged.
    for (const item of outbox) if (!('frame' in item)) item.stored = false;
    options.report(`could not store the scene, so it was stopped: ${error.message}`);
    options.onStorageFailed?.();
    // After this step, but before any timer: the stop recorded is the store's, not a timer's
    // that fell due while the write waited out a lock.
    queueMicrotask(() => {
      loop.submit({ type: 'scene.interrupted', at: clock.now(), by: 'system' });
    });
  };

  const log: EventLog = {
    append(event) {
      if (storageBroken) {
        unstored.add(event);
        return;
      }
      try {
        const from = awaitingFor(event);
        // The entry carries the frame's role and number: it is the frame origin stored.
        if (from === undefined) options.log.append(event);
        else options.log.append(event, from);
      } catch (error) {
        unstored.add(event);
        storageFailed(error as Error);
      }
    },
  };
  /** The last pressure reading, as numbers: 50 a second per scene, so no object each. */
  let pressureValue = 0;
  let pressureAt: number | null = null;
  const stops = createStopTimer({ devices: options.devices, send: options.sendStop });
  const traces = createTraceRecorder({
    traces: options.traces,
    report: options.report,
    live: () => !disposed,
  });
  const loop = createSceneLoop(options.created, { devices: stops.port, log }, options.stored);
  const agreement = loop.state.agreement;
  const checklist = checklistFor(agreement);
  const sensors = createSceneSensors(agreement);
  /**
   * Readings waiting for the detector: time, value and output level, three numbers each. Two
   * runs take turns, so a reading that comes while a run is being detected waits for the next.
   */
  let waiting = { readings: new Float64Array(3 * DETECT_RUN), count: 0 };
  let detecting = { readings: new Float64Array(3 * DETECT_RUN), count: 0 };
  const detect = () => {
    const run = waiting;
    waiting = detecting;
    detecting = run;
    const r = run.readings;
    for (let i = 0; i < 3 * run.count; i += 3)
      fromSensor(sensors.pressure(r[i + 1] ?? 0, r[i] ?? 0, r[i + 2] ?? 0));
    run.count = 0;
  };
  const takePressure = (value: number) => {
    const at = clock.now();
    pressureValue = value;
    pressureAt = at;
    // The output level is the one at the reading's time, as if it were detected at once.
    const r = waiting.readings;
    const k = 3 * waiting.count;
    r[k] = at;
    r[k + 1] = value;
    r[k + 2] = highestOutput;
    waiting.count += 1;
    if (waiting.count >= DETECT_RUN || at - (r[0] ?? at) >= DETECT_WAIT_MS) stops.entering(detect);
    // Stored thinned, after any run this reading completed was detected (and any stop went out).
    if (!closed) traces.pressure(at, value);
  };
  /**
   * What a reading needs of the scene, noted as each step lands (its state is at hand then;
   * 50 readings a second per scene need not each look it up): the highest output the governor
   * let through, for the detector, and whether the scene has closed.
   */
  let highestOutput = 0;
  let closed = false;
  let levelsSeen: SceneState['applied'] | null = null;
  const noteStep = (state: SceneState) => {
    closed = state.phase === 'closed';
    if (state.applied === levelsSeen) return;
    levelsSeen = state.applied;
    // By key, not Object.values: no array made 20 times a second per scene.
    const levels: Readonly<Record<string, number>> = state.applied;
    let highest = 0;
    for (const key in levels) highest = Math.max(highest, levels[key] ?? 0);
    highestOutput = highest;
  };
  noteStep(loop.state);
  /** A sensor's event goes through the same stop-first path as everything else. */
  const fromSensor = (event: SceneEvent | null) => {
    if (event !== null && loop.state.phase !== 'closed') loop.submit(event);
  };

  const missing = (): readonly string[] =>
    loop.state.phase !== 'setup'
      ? NOTHING_MISSING
      : setupMissing({
          mode: agreement.mode,
          checklist,
          checked,
          // The core also wants a recent heartbeat: a panel that is connected but silent is no stop.
          panelConnected: screens.has('submissive') && heartbeatFresh(loop.state, clock.now()),
          testStopOk: testStop?.ok === true,
          devicesConnected: options.devicesConnected(),
          lostDevices: loop.state.lostDevices,
          otherSceneActive: options.otherSceneActive(),
        });

  /** The set-up as last shown: the same object while nothing in it changed (frame-text.ts). */
  let shownSetup: SetupView | null = null;
  const setupView = (): SetupView => {
    const gaps = missing();
    if (
      shownSetup?.testStop !== testStop ||
      !sameItems(shownSetup.checked, checked) ||
      !sameItems(shownSetup.missing, gaps)
    )
      shownSetup = { checklist, checked: [...checked], testStop, missing: gaps };
    return shownSetup;
  };

  const view = (): SceneView =>
    sceneView(loop.state, {
      now: clock.now(),
      setup: setupView(),
      presence: { console: screens.has('dominant'), panel: screens.has('submissive') },
      heartRate,
      pressure: pressureAt === null ? null : { value: pressureValue, at: pressureAt },
      lastCheckIn,
    });

  /** When the armed timer wakes the scene (scene time), or null. */
  let armedFor: number | null = null;
  const arm = () => {
    const wake = disposed || loop.state.phase === 'closed' ? null : nextWakeAt(loop.state);
    // Most steps leave the next wake where it was: the timer stands.
    if (wake === armedFor) return;
    clearTimeout(timer);
    armedFor = wake;
    if (wake === null) return;
    timer = setTimeout(
      () => {
        armedFor = null;
        stops.entering(() => {
          loop.submit({ type: 'tick', at: clock.now() });
        });
      },
      Math.max(0, wake - clock.now()),
    );
  };

  loop.subscribe(({ event, effects, state }) => {
    noteStep(state);
    const waiting = awaitingFor(event);
    if (waiting !== undefined) {
      forget(waiting);
      const rejected = effects.find((e) => e.type === 'rejected' && e.event === event.type);
      outbox.push({
        reply: waiting.reply,
        seq: waiting.seq,
        stored: !unstored.has(event),
        refusal: rejected?.type === 'rejected' ? rejected.reason : null,
      });
    }
    unstored.delete(event);
    const accepted = !effects.some((e) => e.type === 'rejected' && e.event === event.type);
    if (event.type === 'checkin.answered' && accepted)
      lastCheckIn = { at: event.at, answer: event.answer };
    options.onStep?.(state);
    broadcast(effects);
    arm();
    // The history's part comes last: the stop went out before this step was even folded.
    const stopped = effects.find((e) => e.type === 'stop');
    if (stopped !== undefined) {
      traces.flush();
      void stops.takeLast()?.then((ms) => {
        if (ms !== null) traces.stopTiming(stopped.at, ms);
      });
    }
  });

  const handleLocal = (role: Role, frame: LocalFrame, reply: Reply) => {
    const setupRole: Role = agreement.mode === 'solo' ? 'submissive' : 'dominant';
    switch (frame.type) {
      case 'setup.check':
        if (role !== setupRole) {
          refuse(reply, 'forbidden', `the ${setupRole} ticks the checklist`, frame.seq);
          return;
        }
        if (loop.state.phase !== 'setup') {
          refuse(reply, 'refused', 'the checklist belongs to the set-up', frame.seq);
          return;
        }
        if (!checklist.includes(frame.item)) {
          refuse(reply, 'refused', `${frame.item} is not on this scene's checklist`, frame.seq);
          return;
        }
        if (frame.done) checked.add(frame.item);
        else checked.delete(frame.item);
        send(reply, { type: 'ack', seq: frame.seq });
        broadcast([]);
        return;
      case 'stop.test':
        if (role !== 'submissive') {
          refuse(reply, 'forbidden', 'the test stop is the receiver’s', frame.seq);
          return;
        }
        if (loop.state.phase !== 'setup') {
          refuse(reply, 'refused', 'the test stop belongs to the set-up', frame.seq);
          return;
        }
        send(reply, { type: 'ack', seq: frame.seq });
        void options.confirmStop().then((result) => {
          testStop = {
            at: clock.now(),
            ok: result.ok,
            message: result.ok ? 'every device confirmed the stop' : result.error,
          };
          broadcast([]);
        });
        return;
      case 'reading':
        if (role !== 'submissive') {
          refuse(reply, 'forbidden', 'heart rate comes from the panel', frame.seq);
          return;
        }
        heartRate = { bpm: frame.bpm, at: clock.now() };
        send(reply, { type: 'ack', seq: frame.seq });
        broadcast([]);
        fromSensor(sensors.heartRate(frame.bpm, heartRate.at));
        if (loop.state.phase !== 'closed') traces.heartRate(heartRate.at, frame.bpm);
        return;
    }
  };

  const handleFrame = (role: Role, frame: ClientFrame, reply: Reply): boolean => {
    if (isLocalFrame(frame)) {
      handleLocal(role, frame, reply);
      return false;
    }
    const event = frameEvent(frame, role, clock.now());
    if (event.type !== 'scene.created' && event.type !== 'tick') {
      const refusal = senderRefusal(agreement.mode, event.type, role);
      if (refusal !== null) {
        refuse(reply, 'forbidden', refusal, frame.seq);
        return false;
      }
    }
    if (event.type === 'device.tested' && options.otherSceneActive()) {
      refuse(reply, 'refused', 'another scene is running on these toys', frame.seq);
      return false;
    }
    if (event.type === 'scene.start') {
      const gaps = missing();
      if (gaps.length > 0) {
        refuse(reply, 'not-ready', `not ready to start: ${gaps.join('; ')}`, frame.seq);
        return false;
      }
    }
    // A frame the scene's rules refuse now changes nothing, not even the log: the loop takes the
    // core's step and keeps it only if the event was accepted. (A certain stop is never refused.)
    const entry: Awaiting = { event, role, seq: frame.seq, reply };
    awaiting.push(entry);
    const refusal = loop.offer(event);
    if (refusal === null) return true;
    forget(entry);
    refuse(reply, 'refused', refusal, frame.seq);
    return false;
  };
  const handle = (role: Role, frame: ClientFrame, reply: Reply): boolean =>
    stops.entering(() => handleFrame(role, frame, reply));

  arm();
  return {
    sceneId: loop.state.sceneId,
    state: () => loop.state,
    view,
    attach(role, screen) {
      if (ending) {
        screen.close(ENDED, 'ended');
        return () => undefined;
      }
      const before = screens.get(role);
      screens.set(role, screen);
      if (before !== undefined && before !== screen)
        before.close('another screen took over this role', 'replaced');
      broadcast([]);
      return () => {
        if (screens.get(role) !== screen) return;
        screens.delete(role);
        broadcast([]);
      };
    },
    handle,
    submit: (event) => {
      stops.entering(() => {
        loop.submit(event);
      });
    },
    pressure(value) {
      // Only a run of readings reaching the detector can lead to a stop: it alone is timed.
      takePressure(value);
    },
    withdrawConsent(by) {
      stops.entering(() => {
        if (loop.state.phase !== 'closed')
          loop.submit({ type: 'consent.withdrawn', at: clock.now(), by });
      });
    },
    interrupt() {
      stops.entering(() => {
        if (loop.state.stop === null)
          loop.submit({ type: 'scene.interrupted', at: clock.now(), by: 'system' });
        loop.flush();
      });
    },
    screens: () => screens.size,
    end() {
      if (ending) return;
      ending = true;
      disposed = true;
      clearTimeout(timer);
      armedFor = null;
      stopWaitingForView();
      traces.flush();
      // Through the log's turn, as every reply and view: nothing overtakes what is still queued.
      post();
    },
    dispose() {
      traces.flush();
      disposed = true;
      clearTimeout(timer);
      stopWaitingForView();
      armedFor = null;
      for (const screen of screens.values()) screen.close('the server is stopping', 'going-away');
      screens.clear();
    },
  };
}

const NOTHING_MISSING: readonly string[] = [];
/** What a screen of a scene that is over is told (its `bye`). */
export const ENDED = 'this scene has ended; its debrief and history are still there';

/** Whether `shown` lists exactly `now`'s items, in order (a view made per view, not per check). */
function sameItems(
  shown: readonly string[],
  now: ReadonlySet<string> | readonly string[],
): boolean {
  if (shown.length !== ('size' in now ? now.size : now.length)) return false;
  let i = 0;
  for (const item of now) if (shown[i++] !== item) return false;
  return true;
}

function heartbeatFresh(s: SceneState, now: number): boolean {
  const beat = s.lastHeartbeatAt;
  return beat !== null && now - beat < s.agreement.panel.heartbeatTimeoutSeconds * 1000;
}

/** True while a scene may drive its toys. */
export const holdsDevices = (state: SceneState): boolean =>
  isActive(state.phase) || state.testPulse !== null;
