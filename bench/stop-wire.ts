import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ButtplugClient,
  ButtplugNodeWebsocketClientConnector,
  DeviceOutputCommand,
  OutputType,
  type IButtplugClientDeviceFeature,
} from 'buttplug';
import { WebSocket } from 'ws';
import type { CreatedEvent, DeviceSpec, SceneEvent } from '../src/core';
import type { DeviceAdapter } from '../src/devices/adapter';
import { createButtplugAdapter } from '../src/devices/buttplug/buttplug-adapter';
import { openStore, type Store } from '../src/server/store/store';
import { createSceneLoop, type SceneLoop } from '../src/server/scene-loop';
import { pairAgreement } from '../test/fixtures/agreements';
import { summarize, type Summary } from './stats';
import type { EchoReply, FromServers, ToServers } from './stop-wire-protocol';
import { withTimeout } from '../src/devices/buttplug/timeout';

/**
 * S1 over the wire: from a red entering a busy scene loop to the StopCmd frame arriving at a
 * Buttplug server in another process, beside the same measure for a bare `buttplug` client
 * calling `stopAllDevices()` — same machine, same run, same load, samples interleaved.
 *
 * - Redline side: per scene, a scene loop (pair fixture agreement, the devices the adapter
 *   reports) whose DevicePort is `createButtplugAdapter`, connected over a real WebSocket to its
 *   own simulated Buttplug v4 server (one client per server).
 * - Bare side: per client, `ButtplugClient` + `ButtplugNodeWebsocketClientConnector` to its own
 *   server, sending OutputCmd frames at the rate the Redline scenes were measured to send them.
 * - Servers: all in one child process (stop-wire-servers.ts), so server work never runs on the
 *   clients' event loop. The server stamps each frame as it arrives, before parsing.
 * - Clock: both sides are compared on `performance.timeOrigin + performance.now()`. In Node that
 *   is the wall clock read once at process start plus the monotonic clock since, so the two
 *   processes agree to within how far the wall clock moved against the monotonic one between
 *   their two starts (microseconds, unless NTP steps the clock in between). The difference is
 *   computed as (child timeOrigin − ours) + (child now − our now): the same quantity, without
 *   the 0.24 µs rounding of a double near 1.7e12 ms. An echo over a WebSocket to the child checks
 *   the assumption: every one-way time must come out ≥ 0 (one-way ≤ round trip), and the
 *   smallest one-way times bound the offset θ between the clocks: −minBackward < θ < minForward.
 * - What counts: everything from just before `loop.submit(red)` (or `stopAllDevices()`) to the
 *   server's stamp, including work this process does after writing the frame: on a small
 *   machine the kernel often wakes the server on the client's own CPU, where it waits for the
 *   client to go idle (bench/README.md).
 */

export type StopWirePhase = Readonly<{
  /** Concurrent Redline scenes, and as many bare clients. */
  scenes: number;
  /** Samples of each kind taken and thrown away first (JIT, caches). */
  warmUp: number;
  /** Samples of each kind kept. */
  samples: number;
}>;

export type StopWireOptions = Readonly<{
  phases: readonly StopWirePhase[];
  /** Each scene's (and bare client's) timer period: ticks, intensity changes, heartbeats. */
  tickMs?: number;
  /** A random pause between two samples, so samples land anywhere in the scenes' ticks. */
  pauseMs?: readonly [number, number];
  /** How long all scenes run before the output rates are calibrated and sampling starts. */
  settleMs?: number;
  /** How long the Redline output rate is measured to set the bare clients' rate. */
  calibrateMs?: number;
  /** Echo probes for the clock check (before the first phase and after the last). */
  echoProbes?: number;
  /** Called with progress lines. */
  progress?: (line: string) => void;
  /** Hears every kept sample: its side, and when it started and arrived (our performance.now()). */
  trace?: (side: Side, scenes: number, start: number, arrived: number) => void;
}>;

export type Side = 'redline' | 'bare';

export type Ratio = Readonly<{ p50: number; p99: number }>;

export type StopWirePhaseResult = Readonly<{
  scenes: number;
  redline: Summary;
  bare: Summary;
  /** Redline / bare, at p50 and at p99. */
  ratio: Ratio;
  /**
   * The synchronous part in this process, until the call returned (the frame was written
   * during it): `loop.submit(red)` for Redline, `stopAllDevices()` for the bare client.
   */
  inProcess: Readonly<{ redline: Summary; bare: Summary }>;
  /** OutputCmd frames per second per connection while sampling: the load each side made. */
  outputFramesPerSecond: Readonly<{ redline: number; bare: number }>;
  /** StopCmd frames no sample was waiting for (should be 0), and adapter/client errors. */
  unexpectedStops: number;
  errors: number;
}>;

export type ClockCheck = Readonly<{
  probes: number;
  /** Round trip p50 and the smallest one-way time each way (ms). */
  roundTripP50: number;
  minForward: number;
  minBackward: number;
  /** Probes where a one-way time came out negative, i.e. longer than the round trip (should be 0). */
  violations: number;
}>;

export type StopWireResult = Readonly<{
  phases: readonly StopWirePhaseResult[];
  clock: Readonly<{ before: ClockCheck; after: ClockCheck }>;
  /** Invalid spec v4 frames the servers received (should be 0). */
  invalidFrames: number;
}>;

const SERVERS_ENTRY = fileURLToPath(new URL('./stop-wire-servers.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/** A small deterministic PRNG (mulberry32), so runs pause the same way. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The child process holding the servers, and the StopCmd arrivals it reports. */
class ServerProcess {
  readonly child: ChildProcess;
  private readonly stopWaiters = new Map<
    number,
    { resolve: (at: number) => void; reject: (error: Error) => void }
  >();
  private readonly replyWaiters: ((message: FromServers) => void)[] = [];
  private failure: Error | null = null;
  /**
   * The child's timeOrigin minus ours: a child `performance.now()` plus this is the same moment
   * on our `performance.now()` scale (the shared wall clock, minus our timeOrigin).
   */
  private shift = 0;
  unexpectedStops = 0;

  constructor() {
    this.child = fork(SERVERS_ENTRY, [], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: FromServers) => {
      if (message.type === 'stop') {
        const waiter = this.stopWaiters.get(message.server);
        if (waiter === undefined) this.unexpectedStops += 1;
        else {
          this.stopWaiters.delete(message.server);
          waiter.resolve(message.at + this.shift);
        }
        return;
      }
      if (message.type === 'error') this.failure = new Error(`server process: ${message.message}`);
      for (const waiter of this.replyWaiters.splice(0)) waiter(message);
    });
    this.child.on('error', (error) => {
      this.failure ??= new Error(`server process: ${error.message}`);
    });
    this.child.on('exit', (code, signal) => {
      const failure = (this.failure ??= new Error(
        `the server process exited (${signal ?? `code ${code}`})`,
      ));
      for (const waiter of this.replyWaiters.splice(0)) waiter({ type: 'closed' });
      for (const waiter of this.stopWaiters.values()) waiter.reject(failure);
      this.stopWaiters.clear();
    });
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  private request<T extends FromServers['type']>(
    message: ToServers,
    type: T,
    ms: number,
  ): Promise<Extract<FromServers, { type: T }>> {
    if (this.failure !== null || !this.child.connected)
      return Promise.reject(this.failure ?? new Error('the server process is gone'));
    const reply = new Promise<Extract<FromServers, { type: T }>>((resolve, reject) => {
      const wait = (m: FromServers) => {
        if (m.type === type) resolve(m as Extract<FromServers, { type: T }>);
        else if (m.type === 'error' || m.type === 'closed')
          reject(this.failure ?? new Error(`the server process answered ${m.type}`));
        else this.replyWaiters.push(wait);
      };
      this.replyWaiters.push(wait);
    });
    this.child.send(message);
    return withTimeout(reply, ms, `server process, ${message.type}`);
  }

  async start(servers: number) {
    const ready = await this.request({ type: 'start', servers }, 'ready', 60_000);
    this.shift = ready.timeOrigin - performance.timeOrigin;
    return ready;
  }

  /** A child `performance.now()` reading on our `performance.now()` scale. */
  toLocal(childNow: number): number {
    return childNow + this.shift;
  }

  counts() {
    return this.request({ type: 'counts' }, 'counts', 5000);
  }

  /** Resolves with the arrival of the next StopCmd at this server, on our performance.now() scale. */
  nextStop(server: number, ms = 2000): Promise<number> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return withTimeout(
      new Promise<number>((resolve, reject) => {
        this.stopWaiters.set(server, { resolve, reject });
      }),
      ms,
      `StopCmd at server ${server}`,
    ).finally(() => this.stopWaiters.delete(server));
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const exited = once(this.child, 'exit');
    if (this.child.connected) this.child.send({ type: 'close' } satisfies ToServers);
    try {
      await withTimeout(exited, 5000, 'server process exit');
    } catch {
      this.child.kill('SIGKILL');
      await exited;
    }
  }
}

/** One Redline scene: a scene loop driving a Buttplug adapter, kept busy by its own timer. */
type RedlineSlot = {
  server: number;
  /** Where its scenes' events go: SQLite, as on the real server (decision 0007). */
  store: Store;
  adapter: DeviceAdapter;
  devices: readonly DeviceSpec[];
  live: LiveScene | null;
  scenes: number;
};
type LiveScene = {
  loop: SceneLoop;
  /** Scene time = round(performance.now() + offset). */
  offset: number;
  timer: NodeJS.Timeout | null;
  ticks: number;
  lastGreen: number;
};

/** One bare client: the official client only, sending outputs at a set rate. */
type BareSlot = {
  server: number;
  client: ButtplugClient;
  outputs: readonly { feature: IButtplugClientDeviceFeature; type: OutputType; max: number }[];
  timer: NodeJS.Timeout | null;
  credit: number;
  sent: number;
};

const WARM_UP_END = 60_000;
const PLAY_FROM = WARM_UP_END + 1000;

/**
 * Starts a fresh scene on the slot's adapter and brings it into play at once: the agreed
 * warm-up is passed in scene time (heartbeats, a check-in answered), not waited out.
 */
function startScene(slot: RedlineSlot, tickMs: number, phase: number): LiveScene {
  slot.scenes += 1;
  const created: CreatedEvent = {
    type: 'scene.created',
    at: 0,
    sceneId: `bench-${slot.server}-${slot.scenes}`,
    agreement: pairAgreement,
    devices: [...slot.devices],
  };
  slot.store.createScene({ created, createdWallMs: Date.now(), participants: [] });
  const loop = createSceneLoop(created, {
    devices: slot.adapter,
    log: slot.store.eventLog(created.sceneId),
  });
  loop.dispatch({ type: 'panel.heartbeat', at: 0, by: 'submissive' });
  loop.dispatch({ type: 'scene.start', at: 0, by: 'dominant' });
  for (const d of slot.devices)
    for (const f of d.features)
      loop.dispatch({
        type: 'intensity.requested',
        at: 0,
        by: 'dominant',
        device: d.id,
        feature: f.id,
        value: 0.5,
      });
  for (let at = 4000; at <= PLAY_FROM; at += 4000) {
    loop.dispatch({ type: 'panel.heartbeat', at, by: 'submissive' });
    if (at === 48_000)
      loop.dispatch({ type: 'checkin.answered', at, by: 'submissive', answer: 'green' });
  }
  loop.dispatch({ type: 'panel.heartbeat', at: PLAY_FROM, by: 'submissive' });
  if (loop.state.phase !== 'play')
    throw new Error(`a bench scene is ${loop.state.phase}, not play`);
  const live: LiveScene = {
    loop,
    offset: PLAY_FROM - performance.now(),
    timer: null,
    ticks: 0,
    lastGreen: 48_000,
  };
  const features = slot.devices.flatMap((d) => d.features.map((f) => [d.id, f.id] as const));
  const tick = () => {
    const at = Math.round(performance.now() + live.offset);
    live.ticks += 1;
    if (live.ticks % Math.round(1000 / tickMs) === 0)
      loop.dispatch({ type: 'panel.heartbeat', at, by: 'submissive' });
    if (at - live.lastGreen >= 30_000) {
      live.lastGreen = at;
      loop.dispatch({ type: 'checkin.answered', at, by: 'submissive', answer: 'green' });
    }
    if (live.ticks % 2 === 0) {
      // The dominant moves one output's slider every other tick: a slow wave, 0.1–0.8.
      const k = (live.ticks / 2) % features.length;
      const [device, feature] = features[k] ?? ['', ''];
      const value = 0.45 + 0.35 * Math.sin((2 * Math.PI * at) / 5000 + k + slot.server);
      loop.dispatch({ type: 'intensity.requested', at, by: 'dominant', device, feature, value });
    } else loop.dispatch({ type: 'tick', at });
  };
  // Spread the scenes' ticks over the period.
  live.timer = setTimeout(
    () => {
      live.timer = setInterval(tick, tickMs);
    },
    Math.floor(phase * tickMs),
  );
  return live;
}

function stopScene(live: LiveScene | null): void {
  if (live === null) return;
  if (live.timer !== null) clearInterval(live.timer);
  live.timer = null;
}

async function connectRedline(server: number, url: string, store: Store, onError: () => void) {
  const adapter = createButtplugAdapter({
    url,
    clientName: 'Redline bench',
    scanMs: 0,
    reconnect: false,
  });
  adapter.on((event) => {
    if (event.type === 'error' || event.type === 'connection-lost' || event.type === 'device-lost')
      onError();
  });
  const connected = await adapter.connect();
  if (!connected.ok) throw new Error(connected.error);
  const slot: RedlineSlot = {
    server,
    store,
    adapter,
    devices: connected.devices,
    live: null,
    scenes: 0,
  };
  return slot;
}

async function connectBare(server: number, url: string): Promise<BareSlot> {
  const client = new ButtplugClient('bare bench client');
  await withTimeout(
    client.connect(new ButtplugNodeWebsocketClientConnector(url)),
    5000,
    `bare client to ${url}`,
  );
  const outputs: BareSlot['outputs'][number][] = [];
  for (const device of client.devices.values())
    for (const feature of device.features.values())
      for (const output of feature.outputs.values())
        if (output.type === OutputType.Vibrate || output.type === OutputType.Rotate)
          outputs.push({ feature, type: output.type, max: output.valueRange[1] });
  if (outputs.length === 0) throw new Error('the bare client found no outputs');
  return { server, client, outputs, timer: null, credit: 0, sent: 0 };
}

function runBare(
  slot: BareSlot,
  tickMs: number,
  phase: number,
  rate: () => number,
  onError: () => void,
) {
  const tick = () => {
    slot.credit += (rate() * tickMs) / 1000;
    while (slot.credit >= 1) {
      slot.credit -= 1;
      const output = slot.outputs[slot.sent % slot.outputs.length];
      slot.sent += 1;
      if (output === undefined) continue;
      const value = 1 + ((slot.sent * 7) % Math.max(1, Math.floor(output.max * 0.8)));
      output.feature.runOutput(DeviceOutputCommand.createValue(output.type, value)).catch(onError);
    }
  };
  slot.timer = setTimeout(
    () => {
      slot.timer = setInterval(tick, tickMs);
    },
    Math.floor(phase * tickMs),
  );
}

function stopBare(slot: BareSlot): void {
  // clearInterval clears a pending setTimeout as well (both are Node Timeouts).
  if (slot.timer !== null) clearInterval(slot.timer);
  slot.timer = null;
}

/** Echo probes to the server process: checks the shared-clock assumption. */
async function checkClock(
  url: string,
  probes: number,
  toLocal: (childNow: number) => number,
): Promise<ClockCheck> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  try {
    await withTimeout(once(socket, 'open'), 5000, 'echo server');
    const forward: number[] = [];
    const backward: number[] = [];
    const roundTrip: number[] = [];
    let violations = 0;
    for (let i = 0; i < probes; i++) {
      const reply = once(socket, 'message');
      const sent = performance.now();
      socket.send(JSON.stringify({ sent }));
      const [data] = (await withTimeout(reply, 2000, 'echo reply')) as [Buffer];
      const back = performance.now();
      const received = toLocal((JSON.parse(data.toString('utf8')) as EchoReply).received);
      forward.push(received - sent);
      backward.push(back - received);
      roundTrip.push(back - sent);
      if (received < sent || back < received) violations += 1;
      await sleep(1);
    }
    return {
      probes,
      roundTripP50: summarize(roundTrip).p50,
      minForward: Math.min(...forward),
      minBackward: Math.min(...backward),
      violations,
    };
  } finally {
    socket.terminate();
  }
}

const ratioOf = (redline: Summary, bare: Summary): Ratio => ({
  p50: redline.p50 / bare.p50,
  p99: redline.p99 / bare.p99,
});

export async function stopOverWire(options: StopWireOptions): Promise<StopWireResult> {
  const tickMs = options.tickMs ?? 100;
  const [pauseMin, pauseMax] = options.pauseMs ?? [10, 30];
  const settleMs = options.settleMs ?? 1500;
  const calibrateMs = options.calibrateMs ?? 2000;
  const echoProbes = options.echoProbes ?? 200;
  const progress = options.progress ?? (() => undefined);
  const most = Math.max(...options.phases.map((p) => p.scenes));
  const rand = random(20260429);

  const servers = new ServerProcess();
  const dataDir = mkdtempSync(join(tmpdir(), 'redline-bench-'));
  const store = openStore({ path: join(dataDir, 'redline.sqlite') });
  const redline: RedlineSlot[] = [];
  const bare: BareSlot[] = [];
  let errors = 0;
  const onError = () => {
    errors += 1;
  };
  let bareRate = 10;
  try {
    // Servers 0..most-1 take Redline scenes, most..2*most-1 bare clients.
    const { urls, echoUrl } = await servers.start(most * 2);
    const toLocal = (t: number) => servers.toLocal(t);
    const before = await checkClock(echoUrl, echoProbes, toLocal);
    const phases: StopWirePhaseResult[] = [];

    for (const phase of options.phases) {
      progress(`stop: ${phase.scenes} scene(s): connecting`);
      while (redline.length < phase.scenes) {
        const i = redline.length;
        redline.push(await connectRedline(i, urls[i] ?? '', store, onError));
        bare.push(await connectBare(most + i, urls[most + i] ?? ''));
      }
      redline.forEach((slot, i) => {
        stopScene(slot.live);
        slot.live = startScene(slot, tickMs, i / redline.length);
      });
      bare.forEach((slot, i) => {
        stopBare(slot);
        runBare(slot, tickMs, (i + 0.5) / bare.length, () => bareRate, onError);
      });
      await sleep(settleMs);

      // OutputCmd frames per second per connection, each side, while `during` runs.
      const rates = async (during: () => Promise<void>) => {
        const from = await servers.counts();
        const started = performance.now();
        await during();
        const to = await servers.counts();
        const seconds = (performance.now() - started) / 1000;
        const per = (lo: number) => {
          let sum = 0;
          for (let i = 0; i < phase.scenes; i++)
            sum += (to.outputs[lo + i] ?? 0) - (from.outputs[lo + i] ?? 0);
          return sum / phase.scenes / seconds;
        };
        return { redline: per(0), bare: per(most) };
      };
      // A first guess for the bare clients' rate: the scenes' steady rate.
      bareRate = (await rates(() => sleep(calibrateMs))).redline;

      /** [start, returned, arrived], on our performance.now() scale. */
      type Sample = [number, number, number];
      const sampleRedline = async (i: number): Promise<Sample> => {
        const slot = redline[i % phase.scenes];
        const live = slot?.live;
        if (slot === undefined || live == null) throw new Error('no scene to stop');
        const red: SceneEvent = {
          type: 'safeword',
          at: Math.round(performance.now() + live.offset),
          by: 'submissive',
          word: 'red',
        };
        const arrival = servers.nextStop(slot.server);
        const start = performance.now();
        // The live entry, as a real-time scene uses it: the stop goes out, the fold follows.
        live.loop.submit(red);
        const returned = performance.now();
        const arrived = await arrival;
        live.loop.flush();
        if (live.loop.state.stop?.cause !== 'red') throw new Error('the red did not stop a scene');
        // Red is final for a scene (S6): the next sample on this slot gets a fresh one.
        stopScene(live);
        slot.live = startScene(slot, tickMs, rand());
        return [start, returned, arrived];
      };
      const sampleBare = async (i: number): Promise<Sample> => {
        const slot = bare[i % phase.scenes];
        if (slot === undefined) throw new Error('no bare client');
        const arrival = servers.nextStop(slot.server);
        const start = performance.now();
        slot.client.stopAllDevices().catch(onError);
        const returned = performance.now();
        return [start, returned, await arrival];
      };

      const kept = { redline: [] as number[], bare: [] as number[] };
      const sync = { redline: [] as number[], bare: [] as number[] };
      const sampleRound = async (from: number, to: number, keep: boolean) => {
        for (let i = from; i < to; i++) {
          // Alternate which side goes first, so drift and order affect both alike.
          const sides: readonly Side[] = i % 2 === 0 ? ['redline', 'bare'] : ['bare', 'redline'];
          for (const side of sides) {
            await sleep(pauseMin + rand() * (pauseMax - pauseMin));
            const [start, returned, arrived] =
              side === 'redline' ? await sampleRedline(i) : await sampleBare(i);
            if (!keep) continue;
            kept[side].push(arrived - start);
            sync[side].push(returned - start);
            options.trace?.(side, phase.scenes, start, arrived);
          }
        }
      };

      // Warm-up samples, thrown away: JIT, and the Redline output rate while sampling, which
      // includes the outputs of each fresh scene replacing a stopped one. The bare clients then
      // send at that rate while the kept samples are taken.
      progress(`stop: ${phase.scenes} scene(s): warming up`);
      bareRate = (await rates(() => sampleRound(0, phase.warmUp, false))).redline;
      progress(
        `stop: ${phase.scenes} scene(s): sampling; bare clients send ${bareRate.toFixed(1)} OutputCmd/s each`,
      );
      const unexpectedBefore = servers.unexpectedStops;
      const errorsBefore = errors;
      const load = await rates(() => sampleRound(phase.warmUp, phase.warmUp + phase.samples, true));
      const r = summarize(kept.redline);
      const b = summarize(kept.bare);
      phases.push({
        scenes: phase.scenes,
        redline: r,
        bare: b,
        ratio: ratioOf(r, b),
        inProcess: { redline: summarize(sync.redline), bare: summarize(sync.bare) },
        outputFramesPerSecond: load,
        unexpectedStops: servers.unexpectedStops - unexpectedBefore,
        errors: errors - errorsBefore,
      });
    }

    const after = await checkClock(echoUrl, echoProbes, toLocal);
    const { invalid } = await servers.counts();
    return { phases, clock: { before, after }, invalidFrames: invalid };
  } finally {
    for (const slot of redline) stopScene(slot.live);
    for (const slot of bare) stopBare(slot);
    await Promise.allSettled([
      ...redline.map((slot) => withTimeout(slot.adapter.close(), 2000, 'adapter close')),
      ...bare.map((slot) => withTimeout(slot.client.disconnect(), 2000, 'client disconnect')),
    ]);
    await servers.close();
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
