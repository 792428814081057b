import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceSpec, GovernedLevel } from '../core';
import type { DeviceAdapterEvent, DeviceAdapterListener, StopConfirmation } from './adapter';
import type { DevicePort } from './port';

/**
 * The rules every device adapter keeps, as one suite each adapter's tests run against it
 * (STYLE.md: one contract suite for every adapter). In-process adapters are checked at once;
 * wire adapters (a socket between Redline and the toy) are checked until their toy catches up,
 * and also keep the wire-only rules: loss is reported, bad frames are refused.
 */
export type AdapterUnderTest = Readonly<{
  port: DevicePort;
  /** What reached the toy, in the toy's own unit (see `expected`); may be read asynchronously. */
  levelOf(device: string, feature: string): number | Promise<number>;
  /** The outputs the adapter offers; defaults to the specs the suite passed to `make`. */
  devices?: readonly DeviceSpec[];
  /** The toy's value for a level: identity by default; floor(level × 255) on an Edge-o-Matic. */
  expected?: (level: number) => number;
  /** Required when the suite runs with `{ wire: true }`. */
  wire?: WireHooks;
  /** Closes sockets and servers after each case. */
  dispose?: () => Promise<void>;
}>;

export type WireHooks = Readonly<{
  /** The adapter's events. */
  on(listener: DeviceAdapterListener): () => void;
  /** Cuts the connection from the device side. */
  loseConnection(): void | Promise<void>;
  /** Makes the device side send a frame the adapter must refuse. */
  sendBadFrame(): void | Promise<void>;
  /** The adapter's `confirmStop()`: the set-up's test stop. */
  confirmStop(): Promise<StopConfirmation>;
  /** The adapter's request timeout: `confirmStop()` settles within it. */
  requestTimeoutMs: number;
  /**
   * Makes the device side hang: it keeps the connection and takes frames, but carries nothing
   * out and answers nothing.
   */
  stopAnswering(): void | Promise<void>;
  /** How long an output may still be on its way (rate limit, network): after it, nothing moves. */
  settleMs: number;
  /** How long to wait for the toy to catch up before failing. */
  timeoutMs: number;
}>;

/** In process: everything lands before the call returns. Wire: it lands soon, over a socket. */
export type ContractScope = Readonly<{ wire: boolean }>;

export const contractDevices: DeviceSpec[] = [
  { id: 'wand', name: 'Wand', features: [{ id: 'vibrate', kind: 'vibrate' }] },
  {
    id: 'duo',
    name: 'Duo',
    features: [
      { id: 'vibrate', kind: 'vibrate' },
      { id: 'rotate', kind: 'rotate' },
    ],
  },
];

/** Tests may make levels by hand; in the product only the governor does. */
const level = (value: number) => value as GovernedLevel;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Levels whose 0–255 image does not depend on floating-point rounding. */
const LEVELS = [0.25, 0.001, 0.999, 1, 0.3, 0.5, 0];

type Outputs = { device: string; feature: string }[];

export function devicePortContract(
  name: string,
  make: (specs: DeviceSpec[]) => AdapterUnderTest | Promise<AdapterUnderTest>,
  scope: ContractScope = { wire: false },
) {
  const wireOnly = `[wire only: an in-process adapter has no connection to lose or frames to refuse]`;
  const disposals: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const dispose of disposals.splice(0)) await dispose();
  });

  async function setUp() {
    const made = await make(contractDevices);
    if (made.dispose !== undefined) disposals.push(made.dispose);
    const expected = made.expected ?? ((value: number) => value);
    const outputs: Outputs = (made.devices ?? contractDevices).flatMap((d) =>
      d.features.map((f) => ({ device: d.id, feature: f.id })),
    );
    const first = outputs[0];
    if (first === undefined) throw new Error('the adapter under test offers no outputs');
    /** In process: the toy shows it now. Over a wire: it shows it within the timeout. */
    const expectLevel = async (device: string, feature: string, value: number) => {
      const check = async () => {
        expect(await made.levelOf(device, feature), `${device}/${feature}`).toBe(value);
      };
      if (!scope.wire) await check();
      else await vi.waitFor(check, { timeout: wireOf(made).timeoutMs, interval: 5 });
    };
    return { ...made, expected, outputs, first, expectLevel };
  }

  function wireOf(made: AdapterUnderTest): WireHooks {
    if (made.wire === undefined)
      throw new Error(`${name} runs as a wire adapter but gave no wire hooks`);
    return made.wire;
  }

  describe(`${name} keeps the device port contract`, () => {
    it('S2: sets each output to the level it is given, mapped to the toy, and nothing else', async () => {
      const { port, outputs, first, expected, expectLevel } = await setUp();
      for (const value of LEVELS) {
        port.setOutput(first.device, first.feature, level(value));
        await expectLevel(first.device, first.feature, expected(value));
      }
      port.setOutput(first.device, first.feature, level(0.25));
      await expectLevel(first.device, first.feature, expected(0.25));
      for (const other of outputs.slice(1)) await expectLevel(other.device, other.feature, 0);
    });

    it('S1: stopAll brings every output to zero at once, without a promise to await', async () => {
      const { port, outputs, expectLevel } = await setUp();
      outputs.forEach(({ device, feature }, i) => {
        port.setOutput(device, feature, level(0.6 - i * 0.1));
      });
      // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression -- the point: nothing, no promise, comes back
      const returned: unknown = port.stopAll();
      expect(returned).toBeUndefined();
      for (const { device, feature } of outputs) await expectLevel(device, feature, 0);
    });

    it('S1: no level set before a stop reaches the toy after it', async () => {
      const { port, outputs, first, expected, expectLevel, wire } = await setUp();
      port.setOutput(first.device, first.feature, level(0.5));
      await expectLevel(first.device, first.feature, expected(0.5));
      // Quick successive levels that a wire adapter may hold back (rate limit), then a stop.
      port.setOutput(first.device, first.feature, level(0.6));
      port.setOutput(first.device, first.feature, level(0.7));
      port.stopAll();
      await sleep(wire?.settleMs ?? 0);
      for (const { device, feature } of outputs) await expectLevel(device, feature, 0);
    });

    it('S1: stopAll is safe to repeat and when everything is already at zero', async () => {
      const { port, first, expectLevel } = await setUp();
      port.stopAll();
      port.stopAll();
      await expectLevel(first.device, first.feature, 0);
    });

    it('takes new levels after a stop (the scene decides whether any are allowed)', async () => {
      const { port, first, expected, expectLevel } = await setUp();
      port.setOutput(first.device, first.feature, level(0.5));
      port.stopAll();
      port.setOutput(first.device, first.feature, level(0.1));
      await expectLevel(first.device, first.feature, expected(0.1));
    });

    it.skipIf(!scope.wire)(
      `S1: a lost connection is reported as an event ${wireOnly}`,
      async () => {
        const made = await setUp();
        const wire = wireOf(made);
        const events: DeviceAdapterEvent[] = [];
        wire.on((event) => events.push(event));
        await wire.loseConnection();
        await vi.waitFor(
          () => {
            expect(events.map((e) => e.type)).toContain('connection-lost');
          },
          { timeout: wire.timeoutMs, interval: 5 },
        );
      },
    );

    it.skipIf(!scope.wire)(
      `S1: confirmStop sends the stop at once and resolves ok only when every output is at zero at the device ${wireOnly}`,
      async () => {
        const made = await setUp();
        const { outputs, expected, expectLevel } = made;
        const wire = wireOf(made);
        const on = (i: number) => [0.5, 0.25, 0.999][i % 3] ?? 1;
        outputs.forEach(({ device, feature }, i) => {
          made.port.setOutput(device, feature, level(on(i)));
        });
        for (const [i, { device, feature }] of outputs.entries())
          await expectLevel(device, feature, expected(on(i)));
        const result = await wire.confirmStop();
        expect(result).toStrictEqual({ ok: true });
        // Confirmed means the toy is at zero already, not soon.
        for (const { device, feature } of outputs)
          expect(await made.levelOf(device, feature), `${device}/${feature}`).toBe(0);
      },
    );

    it.skipIf(!scope.wire)(
      `S1: with the device side answering nothing, confirmStop resolves ok: false within the request timeout, never rejecting ${wireOnly}`,
      async () => {
        const made = await setUp();
        const wire = wireOf(made);
        await wire.stopAnswering();
        const started = performance.now();
        const result = await wire.confirmStop();
        const took = performance.now() - started;
        expect(result.ok).toBe(false);
        expect(result.ok ? '' : result.error).toMatch(/\S/);
        // A timer firing late on a busy machine is allowed for; a wait of its own is not.
        expect(took).toBeLessThan(wire.requestTimeoutMs + 500);
      },
    );

    it.skipIf(!scope.wire)(
      `confirmStop without a connection resolves ok: false at once ${wireOnly}`,
      async () => {
        const made = await setUp();
        const wire = wireOf(made);
        const results: Promise<StopConfirmation>[] = [];
        // Asked the moment the loss is known, before any reconnect could begin.
        wire.on((event) => {
          if (event.type === 'connection-lost') results.push(wire.confirmStop());
        });
        await wire.loseConnection();
        await vi.waitFor(
          () => {
            expect(results).toHaveLength(1);
          },
          { timeout: wire.timeoutMs, interval: 5 },
        );
        const result = await results[0];
        expect(result?.ok).toBe(false);
        expect(result?.ok === false ? result.error : '').toMatch(/^not connected to /);
      },
    );

    it.skipIf(!scope.wire)(
      `a bad frame from the device is refused with an error event and changes nothing ${wireOnly}`,
      async () => {
        const made = await setUp();
        const { port, first, expected, expectLevel } = made;
        const wire = wireOf(made);
        port.setOutput(first.device, first.feature, level(0.25));
        await expectLevel(first.device, first.feature, expected(0.25));
        const events: DeviceAdapterEvent[] = [];
        wire.on((event) => events.push(event));
        await wire.sendBadFrame();
        await vi.waitFor(
          () => {
            expect(events.filter((e) => e.type === 'error')).toHaveLength(1);
          },
          { timeout: wire.timeoutMs, interval: 5 },
        );
        await sleep(wire.settleMs);
        const others = events.filter((e) => e.type !== 'error' && e.type !== 'reading');
        expect(others).toEqual([]);
        await expectLevel(first.device, first.feature, expected(0.25));
        // Still in service after refusing it.
        port.setOutput(first.device, first.feature, level(0.5));
        await expectLevel(first.device, first.feature, expected(0.5));
      },
    );
  });
}
