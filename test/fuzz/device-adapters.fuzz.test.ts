import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceAdapterEvent } from '../../src/devices/adapter';
import { parseFrame } from '../../src/devices/edge-o-matic/messages';
import { parseServerFrame } from '../../src/devices/buttplug/frames';
import { createEdgeOMaticAdapter } from '../../src/devices/edge-o-matic/edge-o-matic-adapter';
import { startEdgeOMaticSim } from '../../src/devices/edge-o-matic/edge-o-matic-sim';
import type { GovernedLevel } from '../../src/core';
import { createSceneSensors } from '../../src/server/scenes/sensors';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { params, SEED } from '../support/property';
import { coupleAgreement } from '../support/signed-agreement';
import { acked, pairedScene, until } from '../server/scene-setup';
import { comparable, healthy, heapAfterGc, memoryVerdict, storeReader, toys } from './fuzz-kit';

/**
 * Hostile input from the device side (issue 8, item 2): random and near-valid frames from a
 * Buttplug server (through the simulated server's raw socket, into the real Redline), from an
 * Edge-o-Matic (through its simulator, into its adapter), and heart-rate readings out of range
 * from the panel. No crash, a reported error for each frame refused, no device list, toy, or
 * stored row changed, and the adapter still drives its toy afterwards.
 */

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Buttplug frames: junk, and messages the schema almost accepts. */
const arbButtplugFrame: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify([v])),
  fc.constantFrom(
    '[]',
    '[{}]',
    '[{"Ok":{}}]',
    '[{"Ok":{"Id":-1}}]',
    '[{"Ok":{"Id":1},"Ping":{"Id":1}}]',
    '[{"Error":{"Id":1,"ErrorCode":99,"ErrorMessage":"x"}}]',
    '[{"DeviceList":{"Id":0,"Devices":{"0":{"DeviceIndex":"zero"}}}}]',
    '[{"DeviceList":{"Id":0,"Devices":{"0":{"DeviceIndex":0,"DeviceName":1,"DeviceFeatures":{}}}}}]',
    '[{"DeviceAdded":{"Id":0,"DeviceIndex":9}}]',
    '[{"InputReading":{"Id":0,"DeviceIndex":0,"FeatureIndex":0,"Reading":{"Pressure":{"Value":"high"}}}}]',
    '[{"InputReading":{"Id":0,"DeviceIndex":-4,"FeatureIndex":0,"Reading":{}}}]',
    '[{"ServerInfo":{"Id":0,"ServerName":"x","MaxPingTime":-5,"ProtocolVersionMajor":4,"ProtocolVersionMinor":0}}]',
    '[{"ScanningFinished":{}}]',
    '[{"__proto__":{"Ok":{"Id":1}}}]',
  ),
  fc
    .record({ Id: fc.oneof(fc.string(), fc.double(), fc.constant(null)), extra: fc.string() })
    .map((m) => JSON.stringify([{ Ok: m.Id, [m.extra]: 1 }])),
);

/** Edge-o-Matic frames: junk, readings out of range or of the wrong type, odd replies. */
const arbEomFrame: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .record({
      pressure: fc.oneof(
        fc.integer({ min: -1e6, max: -1 }),
        fc.integer({ min: 65_536, max: 1e9 }),
        fc.string(),
      ),
      pavg: fc.integer({ min: 0, max: 4095 }),
      arousal: fc.integer({ min: 0, max: 1000 }),
      motor: fc.oneof(
        fc.integer({ min: 256, max: 1e6 }),
        fc.double({ min: 0.1, max: 254.9, noInteger: true }),
      ),
      millis: fc.oneof(fc.integer({ min: -1e6, max: -1 }), fc.constant('soon')),
    })
    .map((readings) => JSON.stringify({ readings })),
  fc.constantFrom(
    '[1]',
    'null',
    '{"readings":"bad"}',
    '{"readings":{}}',
    '{"setMotor":"x"}',
    '{"error":{"deep":1}}',
  ),
);

describe('hostile frames from the device side', () => {
  let r: TestRedline;
  let reader: ReturnType<typeof storeReader>;
  beforeAll(async () => {
    r = await startTestRedline();
    reader = storeReader(r);
  });
  afterAll(async () => {
    reader.close();
    await r.close();
  });

  it('Buttplug: every refused frame is reported; no device, toy or row changes; the toys still obey', async () => {
    const scene = await pairedScene(r.url);
    const devicesBefore = r.server.hub.devices();
    const toysBefore = toys(r);
    const tablesBefore = reader.tables();
    const heap: number[] = [];
    let refused = 0;
    for (let round = 0; round < 4; round += 1) {
      await fc.assert(
        fc.asyncProperty(arbButtplugFrame, async (text) => {
          const reportsBefore = r.reports.length;
          r.sim.sendRaw(text);
          const bad = !parseServerFrame(text).ok;
          if (bad) {
            refused += 1;
            await until(
              () => r.reports.length > reportsBefore,
              2000,
              `a report of ${text.slice(0, 60)}`,
            );
            expect(r.reports.at(-1)).toMatch(/the device server sent a malformed frame/);
          } else await wait(5);
          expect(r.server.hub.connected(), text).toBe(true);
          expect(r.server.hub.devices(), text).toEqual(devicesBefore);
          expect(toys(r), text).toEqual(toysBefore);
        }),
        { ...params(60), seed: SEED + round },
      );
      heap.push(await heapAfterGc());
    }
    expect(comparable(reader.tables())).toEqual(comparable(tablesBefore));
    expect(await healthy(r)).toBe(true);
    // The adapter still drives the toys: a test pulse runs and ends.
    const device = devicesBefore[0];
    if (device === undefined) throw new Error('no device');
    const seq = scene.console.frame({
      type: 'device.test',
      device: device.id,
      feature: device.features[0]?.id ?? '',
    });
    expect(await acked(scene.console, seq)).toMatchObject({ type: 'ack' });
    await until(() => r.sim.outputs().some((o) => o.value !== 0), 3000, 'the pulse');
    await until(() => r.sim.outputs().every((o) => o.value === 0), 3000, 'the pulse to end');
    const memory = memoryVerdict(heap.slice(1), 16);
    console.info(
      `buttplug frame fuzz: seed ${SEED}+0..3, ${refused} refused; heap ${memory.figures}`,
    );
    expect(memory.flat, memory.figures).toBe(true);
    expect(refused).toBeGreaterThan(100);
    await scene.console.close();
    await scene.panel.close();
  });

  it('heart rate: readings out of range are bad frames and store nothing; the console may send none', async () => {
    const scene = await pairedScene(r.url, {
      detection: {
        sensorOrgasm: 'ask-dominant',
        distress: { hrCeilingBpm: 150, sustainSeconds: 5, action: 'red' },
      },
    });
    const tablesBefore = reader.tables();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: -1e9, max: 19 }),
          fc.integer({ min: 251, max: 1e9 }),
          fc.double({ min: 20.001, max: 249.999, noInteger: true }),
          fc.constantFrom('120', null, true, [], {}, 1e308, -0.5),
        ),
        async (bpm) => {
          const seq = scene.panel.frame({ type: 'reading', kind: 'heart-rate', bpm });
          const answer = await acked(scene.panel, seq);
          expect(answer, JSON.stringify(bpm)).toMatchObject({ type: 'error', code: 'bad-frame' });
        },
      ),
      { ...params(80), seed: SEED },
    );
    const fromConsole = scene.console.frame({ type: 'reading', kind: 'heart-rate', bpm: 200 });
    expect(await acked(scene.console, fromConsole)).toMatchObject({
      type: 'error',
      code: 'forbidden',
    });
    // Only the seqs the frames spent move (the replay guard); no reading is stored.
    expect(
      comparable(reader.tables(), [
        { sceneId: scene.created.sceneId, role: 'submissive', seq: scene.panel.seq() },
        { sceneId: scene.created.sceneId, role: 'dominant', seq: scene.console.seq() },
      ]),
    ).toEqual(
      comparable(tablesBefore, [
        { sceneId: scene.created.sceneId, role: 'submissive', seq: 0 },
        { sceneId: scene.created.sceneId, role: 'dominant', seq: 0 },
      ]),
    );
    expect(r.server.registry.get(scene.created.sceneId)?.view().heartRate).toBeNull();
    await scene.console.close();
    await scene.panel.close();
  });

  it('scene sensors: any number at any time is read without throwing, never out of order', () => {
    const agreement = coupleAgreement([], {
      detection: {
        sensorOrgasm: 'start-post-orgasm',
        distress: { hrCeilingBpm: 120, sustainSeconds: 5, action: 'red' },
      },
    });
    const anyNumber = fc.oneof(
      fc.double(),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(
        fc.array(
          // `at` is the scene clock's (finite, from the server); the values are the device's.
          fc.record({
            pressure: fc.boolean(),
            value: anyNumber,
            at: fc.integer({ min: 0, max: 1e7 }),
            // The output is the governed level (finite, from the core): a NaN there is a broken invariant.
            output: fc.double({ noNaN: true, noDefaultInfinity: true }),
          }),
          { maxLength: 200 },
        ),
        (readings) => {
          const sensors = createSceneSensors(agreement);
          for (const x of readings) {
            const event = x.pressure
              ? sensors.pressure(x.value, x.at, x.output)
              : sensors.heartRate(x.value, x.at);
            if (event !== null) expect(Number.isFinite(event.at)).toBe(true);
          }
        },
      ),
      params(200),
    );
  });

  it('Edge-o-Matic: every refused frame is an error event; no reading, loss or motor change', async () => {
    const sim = await startEdgeOMaticSim({ readings: { pattern: false } });
    const adapter = createEdgeOMaticAdapter({
      url: sim.url,
      connectTimeoutMs: 1000,
      requestTimeoutMs: 500,
      readingsTimeoutMs: 60_000,
      reconnect: false,
      now: () => performance.now(),
    });
    const events: DeviceAdapterEvent[] = [];
    adapter.on((e) => events.push(e));
    try {
      const connected = await adapter.connect();
      if (!connected.ok) throw new Error(connected.error);
      adapter.setOutput('eom', 'motor', 0.5 as GovernedLevel);
      await until(() => sim.motor() === 127, 2000, 'the motor at half');
      const heap: number[] = [];
      let refused = 0;
      for (let round = 0; round < 4; round += 1) {
        await fc.assert(
          fc.asyncProperty(arbEomFrame, async (text) => {
            const from = events.length;
            sim.sendRaw(text);
            const parsed = parseFrame(text);
            if (!parsed.ok) {
              refused += 1;
              await until(
                () => events.length > from,
                2000,
                `an error event for ${text.slice(0, 60)}`,
              );
              expect(
                events.slice(from).map((e) => e.type),
                text,
              ).toEqual(['error']);
            } else await wait(5);
            expect(
              events
                .slice(from)
                .filter(
                  (e) =>
                    e.type === 'device-lost' ||
                    e.type === 'connection-lost' ||
                    e.type === 'reading',
                ),
              text,
            ).toEqual([]);
            expect(sim.motor(), text).toBe(127);
          }),
          { ...params(60), seed: SEED + round },
        );
        heap.push(await heapAfterGc());
      }
      adapter.stopAll();
      await until(() => sim.motor() === 0, 2000, 'the motor stopped');
      const memory = memoryVerdict(heap.slice(1), 16);
      console.info(
        `edge-o-matic frame fuzz: seed ${SEED}+0..3, ${refused} refused; heap ${memory.figures}`,
      );
      expect(memory.flat, memory.figures).toBe(true);
      expect(refused).toBeGreaterThan(100);
    } finally {
      await adapter.close();
      await sim.close();
    }
  });
});
