import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../src/core';
import { createMemoryEventLog } from '../../src/server/event-log';
import { createSceneSensors } from '../../src/server/scenes/sensors';
import { DETECT_RUN, DETECT_WAIT_MS } from '../../src/server/scenes/scene-runtime';
import { pairAgreement } from '../fixtures/agreements';
import { params } from '../support/property';
import { recordingRuntime } from '../support/recording-runtime';
import { orgasmTrace } from './pressure-feed';

/**
 * Pressure readings reach the orgasm detector in runs (decision 0022). A run may hold a
 * decision back a little, never change it: a live scene stores the orgasm the detector finds
 * reading by reading, stamped with the time of the reading that decided it, and stores it before
 * `DETECT_RUN` more readings have come or `DETECT_WAIT_MS` more have passed.
 */

const agreement: Agreement = {
  ...pairAgreement,
  restraint: { used: false, checkIntervalSeconds: null },
  detection: { sensorOrgasm: 'ask-dominant', distress: null },
};

const yieldOnce = () => new Promise((resolve) => setTimeout(resolve, 0));

/** When the detector, fed reading by reading, first decides: the index of that reading. */
function decidedAt(readings: readonly Reading[], outputs: readonly number[]): number {
  const sensors = createSceneSensors(agreement);
  return readings.findIndex(
    ({ at, value }, i) => sensors.pressure(value, at, outputs[i] ?? 0) !== null,
  );
}

type Reading = Readonly<{ at: number; value: number }>;
/** The dominant moves an output before the reading this far through the trace (0–1). */
type Move = Readonly<{ when: number; feature: 0 | 1 | 2; value: number }>;

const FEATURES = [
  { device: 'wand', feature: 'vibrate' },
  { device: 'duo', feature: 'vibrate' },
  { device: 'duo', feature: 'rotate' },
] as const;

/**
 * A running scene fed `readings` at their times (the scene clock moved by hand, a heartbeat
 * every second of it) while the dominant makes `moves`, recording the highest output level at
 * each reading and after which reading its log first held an orgasm.
 */
async function feed(readings: readonly Reading[], moves: readonly Move[]) {
  const log = createMemoryEventLog();
  const { runtime, advance } = recordingRuntime(log, agreement);
  let seq = 0;
  const send = async (body: Parameters<typeof runtime.handle>[1]) => {
    const dominant = body.type === 'start' || body.type === 'intensity';
    runtime.handle(dominant ? 'dominant' : 'submissive', body, () => undefined);
    await yieldOnce();
  };
  await send({ type: 'heartbeat', seq: ++seq });
  for (const item of runtime.view().setup.checklist)
    runtime.handle(
      'dominant',
      { type: 'setup.check', item, done: true, seq: ++seq },
      () => undefined,
    );
  await send({ type: 'stop.test', seq: ++seq });
  await send({ type: 'start', seq: ++seq });
  if (runtime.state().phase !== 'warm-up') throw new Error('the scene did not start');
  const orgasm = () => log.events().find((e) => e.type === 'orgasm.detected');
  let now = runtime.view().now;
  let lastBeat = now;
  let seenAfter: number | null = null;
  const outputs: number[] = [];
  for (const [i, reading] of readings.entries()) {
    advance(reading.at - now);
    now = reading.at;
    if (now - lastBeat >= 1000) {
      lastBeat = now;
      await send({ type: 'heartbeat', seq: ++seq });
    }
    for (const move of moves.filter((m) => Math.floor(m.when * readings.length) === i)) {
      const { device, feature } = FEATURES[move.feature];
      await send({ type: 'intensity', device, feature, value: move.value, seq: ++seq });
    }
    outputs.push(Math.max(0, ...Object.values(runtime.state().applied)));
    runtime.pressure(reading.value);
    if (seenAfter === null && orgasm() !== undefined) seenAfter = i;
  }
  const found = orgasm();
  runtime.dispose();
  return {
    found,
    seenAfter,
    outputs,
    all: log.events().filter((e) => e.type === 'orgasm.detected'),
  };
}

/** An orgasm trace, its times moved to start just after the scene's own start. */
function readingsOf(sampleRateHz: number, seed: number) {
  const { samples } = orgasmTrace(sampleRateHz, 4000, seed);
  const first = samples[0]?.t_ms ?? 0;
  return samples.map((s) => ({ at: 1000 + Math.round(s.t_ms - first), value: s.pressure }));
}

describe('pressure readings reach the detector in runs', () => {
  it('store the orgasm the detector decides reading by reading, at its reading’s time, at most a run later', async () => {
    const run = params(40);
    let checked = 0;
    /** Runs in which the dominant had an output running before the decision. */
    let moved = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(10, 25, 50, 60),
        fc.integer({ min: 1, max: 1000 }),
        fc.array(
          fc.record({
            when: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
            feature: fc.constantFrom(0 as const, 1 as const, 2 as const),
            value: fc.constantFrom(0, 0.1, 0.2, 0.3),
          }),
          { maxLength: 12 },
        ),
        async (hz, seed, moves) => {
          const readings = readingsOf(hz, seed);
          const { found, seenAfter, outputs, all } = await feed(readings, moves);
          const decided = decidedAt(readings, outputs);
          fc.pre(decided !== -1);
          checked += 1;
          if (outputs.slice(0, decided + 1).some((o) => o > 0)) moved += 1;
          const deciding = readings[decided];
          expect(all).toHaveLength(1);
          expect(found).toMatchObject({ type: 'orgasm.detected', at: deciding?.at, by: 'sensor' });
          // Held back by the run: never stored before its reading, and at most a run later.
          expect(seenAfter).not.toBeNull();
          const later = (seenAfter ?? 0) - decided;
          expect(later).toBeGreaterThanOrEqual(0);
          expect(later).toBeLessThanOrEqual(DETECT_RUN - 1);
          const waited = (readings[seenAfter ?? 0]?.at ?? 0) - (deciding?.at ?? 0);
          expect(waited).toBeLessThan(DETECT_WAIT_MS + 1000 / hz);
        },
      ),
      run,
    );
    // Not vacuous: most traces are decided, most of them with an output running.
    expect(checked).toBeGreaterThan(run.numRuns / 2);
    expect(moved).toBeGreaterThan(run.numRuns / 4);
  });
});
