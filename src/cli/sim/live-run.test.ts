import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pairAgreement } from '../../../test/fixtures/agreements';
import {
  startButtplugSimServer,
  type ButtplugSimServer,
  type ReceivedFrame,
} from '../../devices/buttplug-sim/server';
import type { ClientMessage } from '../../devices/buttplug-sim/protocol';
import { captureIo } from '../capture-io';
import { main } from '../main';
import type { SignalSource, StopSignal } from '../signals';
import { runOverButtplug } from './live-run';
import { loadScenario } from './load-scenario';

/**
 * `sim --buttplug` end to end: real sockets on 127.0.0.1, the simulated Buttplug v4 server (which
 * checks every frame against the official schema), and scenarios of a second or two, in real time.
 */
const dir = mkdtempSync(join(tmpdir(), 'redline-live-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const docs = readFileSync(fileURLToPath(new URL('../../../docs/cli.md', import.meta.url)), 'utf8');

/** Warm-up's ceiling 0.5 is the lowest that applies: on a Lush ([0, 20]) at most 10. */
const CEILING = 0.5;
const RANGE_END = 20;
function scenarioFile(name: string, extra: Record<string, unknown> = {}): string {
  const path = join(dir, `${name}.json`);
  const scenario = {
    name: 'A short live scene',
    agreement: {
      ...pairAgreement,
      rampFullScaleSeconds: 1,
      warmUp: { seconds: 5, ceiling: CEILING },
    },
    tickMs: 100,
    panel: { heartbeatEveryMs: 500 },
    untilMs: 10_000,
    timeline: [
      { t: 100, do: 'start' },
      { t: 100, do: 'intensity', device: 'wand', feature: 'vibrate', value: 0.9 },
      { t: 1500, do: 'safeword', word: 'red' },
    ],
    ...extra,
  };
  writeFileSync(path, JSON.stringify(scenario));
  return path;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simServer(): Promise<ButtplugSimServer & { frames: ReceivedFrame[] }> {
  const server = await startButtplugSimServer({ port: 0 });
  cleanups.push(() => server.close());
  const frames: ReceivedFrame[] = [];
  server.onFrame((frame) => frames.push(frame));
  return Object.assign(server, { frames });
}

async function run(...argv: string[]) {
  const capture = captureIo();
  const status = await main(argv, capture.io);
  return { status, capture };
}

const messages = (frames: readonly ReceivedFrame[]): ClientMessage[] =>
  frames.flatMap((f) => [...(f.messages ?? [])]);
const outputValues = (frames: readonly ReceivedFrame[]) =>
  messages(frames).flatMap((m) =>
    'OutputCmd' in m ? Object.values(m.OutputCmd.Command).map((c) => c.Value) : [],
  );
const everyOutputAtZero = (server: ButtplugSimServer) =>
  server.outputs().every((o) => o.value === 0);

/** What a record says, without its time: real time differs from the simulated clock. */
function gist(record: Record<string, unknown>): string {
  const kept = Object.entries(record).filter(([key]) => key !== 't' && key !== 'detail');
  return JSON.stringify(Object.fromEntries(kept));
}

describe('redline sim --buttplug', () => {
  it('[S1][S2] runs in real time: governed frames, then a stop, every output at zero at the end', async () => {
    const server = await simServer();
    const path = scenarioFile('live');
    const log = join(dir, 'live.jsonl');
    const live = await run(
      'sim',
      '--scenario',
      path,
      '--buttplug',
      server.url,
      '--json',
      '--log',
      log,
    );
    expect(live.capture.stderr()).toBe('');
    expect(live.status).toBe(0);

    expect(server.frames.length).toBeGreaterThan(0);
    expect(server.frames.filter((f) => f.problem !== null)).toEqual([]);
    const values = outputValues(server.frames);
    expect(Math.max(...values)).toBe(Math.floor(CEILING * RANGE_END));
    const all = messages(server.frames);
    const firstStop = all.findIndex((m) => 'StopCmd' in m);
    expect(firstStop).toBeGreaterThan(0);
    expect(outputValues(server.frames.slice(firstStop)).filter((v) => v > 0)).toEqual([]);
    expect(everyOutputAtZero(server)).toBe(true);

    const records = live.capture.records();
    const deviceMap = {
      t: 0,
      type: 'device-map',
      device: 'wand',
      feature: 'vibrate',
      to: { device: 'lovense-lush-0', feature: 'vibrate-0' },
    };
    expect(records.slice(0, 2).map((r) => r.type)).toEqual(['scene', 'device-map']);
    expect(records[1]).toEqual(deviceMap);
    expect(docs).toContain(JSON.stringify(deviceMap));
    for (const r of records.filter((x) => x.type === 'output'))
      expect(r.value).toBeLessThanOrEqual(CEILING);

    // The same scene as the in-process simulation, up to the stop, where the live run ends.
    const simulated = (await run('sim', '--scenario', path, '--json')).capture.records();
    const steps = (rs: typeof records) =>
      rs.filter((r) => !['device-map', 'output', 'end'].includes(r.type)).map(gist);
    const liveSteps = steps(records);
    expect(liveSteps).toEqual(steps(simulated).slice(0, liveSteps.length));
    expect(liveSteps.at(-1)).toBe(gist({ type: 'phase', phase: 'stopped', from: 'warm-up' }));
    expect(records.at(-1)).toMatchObject({
      type: 'end',
      phase: 'stopped',
      stop: { cause: 'red', by: 'submissive' },
    });
    expect(simulated.at(-1)).toMatchObject({ stop: { cause: 'red', by: 'submissive' } });

    // [S7] The log is the scene: its replay prints the same lines, less the map.
    const replayed = (await run('replay', log, '--json')).capture.records();
    expect(replayed).toEqual(records.filter((r) => r.type !== 'device-map'));
  });

  it('[S1][S5] the server dropping its client stops the scene: device-lost, exit 0', async () => {
    const server = await simServer();
    server.onOutput((change) => {
      if (change.value > 0) server.dropClient();
    });
    const live = await run(
      'sim',
      '--scenario',
      scenarioFile('drop'),
      '--buttplug',
      server.url,
      '--json',
    );
    expect(live.status).toBe(0);
    expect(live.capture.stderr()).toContain('the connection to the device server was lost');
    const records = live.capture.records();
    expect(records).toContainEqual(
      expect.objectContaining({ type: 'stop', cause: 'device-lost', by: 'system' }),
    );
    expect(records.at(-1)).toMatchObject({ type: 'end', stop: { cause: 'device-lost' } });
    expect(records.filter((r) => r.type === 'action').map((r) => r.do)).toEqual([
      'start',
      'intensity',
      'device-lost',
    ]);
    expect(everyOutputAtZero(server)).toBe(true);
    expect(server.frames.filter((f) => f.problem !== null)).toEqual([]);
  });

  it('when untilMs passes without a stop, Redline stops every device itself', async () => {
    const server = await simServer();
    const timeline = [
      { t: 100, do: 'start' },
      { t: 100, do: 'intensity', device: 'wand', feature: 'vibrate', value: 0.9 },
    ];
    const path = scenarioFile('until', { untilMs: 600, timeline });
    const live = await run('sim', '--scenario', path, '--buttplug', server.url, '--json');
    expect(live.status).toBe(0);
    expect(live.capture.records().at(-1)).toMatchObject({
      type: 'end',
      phase: 'warm-up',
      stop: null,
    });
    expect(Math.max(...outputValues(server.frames))).toBeGreaterThan(0);
    expect(messages(server.frames).some((m) => 'StopCmd' in m)).toBe(true);
    expect(everyOutputAtZero(server)).toBe(true);
  });

  it('exits 2 and runs nothing when the server’s devices do not fit, naming the need', async () => {
    const server = await simServer();
    const devices = [
      { id: 'wand', name: 'Wand', features: [{ id: 'vibrate', kind: 'vibrate' }] },
      { id: 'cuff', name: 'Cuff', features: [{ id: 'squeeze', kind: 'constrict' }] },
    ];
    const live = await run(
      'sim',
      '--scenario',
      scenarioFile('misfit', { devices }),
      '--buttplug',
      server.url,
    );
    expect(live.status).toBe(2);
    expect(live.capture.stdout()).toBe('');
    expect(live.capture.stderr()).toContain(
      'redline sim:   no device on the server is left for cuff (constrict)\n',
    );
    expect(live.capture.stderr()).toContain('the scenario needs: wand (vibrate); cuff (constrict)');
    expect(outputValues(server.frames)).toEqual([]);
  });

  it('exits 3 when nothing answers at the address', async () => {
    const gone = await startButtplugSimServer({ port: 0 });
    await gone.close();
    const live = await run('sim', '--scenario', scenarioFile('nobody'), '--buttplug', gone.url);
    expect(live.status).toBe(3);
    expect(live.capture.stdout()).toBe('');
    expect(live.capture.stderr()).toContain(
      `redline sim: cannot connect to the device server at ${gone.url}`,
    );
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('[S1] %s stops every device first, closes, and exits %i', async (signal, status) => {
    const server = await simServer();
    let send: ((s: StopSignal) => void) | undefined;
    const signals: SignalSource = (listener) => {
      send = listener;
      return () => {
        send = undefined;
      };
    };
    server.onOutput((change) => {
      if (change.value > 0) send?.(signal);
    });
    const scenario = loadScenario(scenarioFile(`signal-${signal}`));
    if (!scenario.ok) throw new Error(scenario.errors.join('\n'));
    const capture = captureIo();
    const options = { json: true, logPath: undefined, prefix: 'redline sim', url: server.url };
    const result = await runOverButtplug(scenario.value, 'signal', capture.io, {
      ...options,
      scanMs: 0,
      signals,
    });
    expect(result).toBe(status);
    expect(capture.stderr()).toContain(`stopped by ${signal}`);
    expect(capture.records().at(-1)).toMatchObject({ type: 'end', stop: null });
    expect(messages(server.frames).some((m) => 'StopCmd' in m)).toBe(true);
    expect(everyOutputAtZero(server)).toBe(true);
    expect(send).toBeUndefined(); // it stopped listening
  });
});
