import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCoverage, params } from '../../../test/support/property';
import { createContractionFinder } from './contractions';
import { createOutputWatch } from './output-watch';
import { createSlowBaseline } from './slow-baseline';

/**
 * The detector's per-sample parts keep running windows (a queue of minima, a scan that stops at
 * the window's start) rather than rescanning everything they hold. These properties hold each
 * against the plain definition it replaced, over random inputs, so the detector decides exactly
 * what it decided before.
 */

/**
 * Times that increase in steps from a small set (so two points are often exactly a window
 * apart), each value held for a run of points (plateaus, so ties and long holds are common).
 */
const series = <T>(value: fc.Arbitrary<T>, longestRun: number) =>
  fc
    .array(fc.tuple(value, fc.integer({ min: 1, max: longestRun })), {
      minLength: 5,
      maxLength: 40,
    })
    .chain((runs) => {
      const values = runs.flatMap(([v, n]) => Array.from({ length: n }, () => v));
      return fc
        .array(fc.constantFrom(20, 50, 100, 250, 500), {
          minLength: values.length,
          maxLength: values.length,
        })
        .map((steps) => {
          let t = 0;
          return values.map((v, i) => ({ t: (t += steps[i] ?? 50), v }));
        });
    });

/** The output watch as first written: the lowest output of the last second, by a full scan. */
function plainOutputWatch() {
  let previous: number | undefined;
  let recent: { t: number; output: number }[] = [];
  const changes: number[] = [];
  return {
    push(t: number, output: number) {
      recent = recent.filter((r) => r.t >= t - 1000);
      const low = recent.reduce((m, r) => Math.min(m, r.output), output);
      const started = previous !== undefined && previous <= 0 && output > 0;
      if (started || output - low >= 0.15) {
        const last = changes[changes.length - 1];
        if (last === undefined || t - last > 200) changes.push(t);
        else changes[changes.length - 1] = t;
        if (changes.length > 8) changes.shift();
        recent = [];
      }
      recent.push({ t, output });
      previous = output;
    },
    lastChange: () => changes[changes.length - 1],
    suspect: (t: number) => changes.some((c) => t >= c - 300 && t < c + 3500),
  };
}

/** The slow baseline as first written: a sorted copy of its last 32 block means, every block. */
function plainBaseline() {
  let blocks: number[] = [];
  let blockEnd: number | undefined;
  let sum = 0;
  let count = 0;
  let level: number | undefined;
  return {
    push(t: number, value: number) {
      blockEnd ??= t + 250;
      if (t >= blockEnd) {
        if (count > 0) {
          blocks = [...blocks, sum / count].slice(-32);
          const sorted = [...blocks].sort((x, y) => x - y);
          level = sorted[Math.floor(0.25 * (sorted.length - 1))];
        }
        sum = 0;
        count = 0;
        blockEnd = Math.max(blockEnd + 250, t + 1);
      }
      sum += value;
      count += 1;
    },
    level: () => (blocks.length >= 16 ? level : undefined),
  };
}

/** The finder's trough as first written: the earliest lowest point since `from`, by a full scan. */
function plainTrough(history: readonly { t: number; x: number }[], from: number) {
  const now = history[history.length - 1];
  if (now === undefined) return undefined;
  let low = now;
  for (const p of history) if (p.t >= from && p.x < low.x) low = p;
  return low;
}

describe('detector hot path', () => {
  it('the output watch sees the same changes as a full scan of its window', () => {
    const level = fc.constantFrom(0, 0.1, 0.2, 0.25, 0.4, 0.5, 0.7, 1);
    fc.assert(
      fc.property(series(level, 4), (steps) => {
        const watch = createOutputWatch();
        const plain = plainOutputWatch();
        for (const { t, v } of steps) {
          watch.push(t, v);
          plain.push(t, v);
          expect(watch.lastChange()).toBe(plain.lastChange());
          expect(watch.suspect(t + 50)).toBe(plain.suspect(t + 50));
        }
      }),
      params(300),
    );
  });

  it('a jump is measured against the whole last second, its first millisecond included', () => {
    const watch = createOutputWatch();
    watch.push(0, 0.1);
    watch.push(1000, 0.25);
    expect(watch.lastChange()).toBe(1000);
    const later = createOutputWatch();
    later.push(0, 0.1);
    later.push(1001, 0.25);
    expect(later.lastChange()).toBeUndefined();
  });

  it('the contraction finder arms on the trough a full scan of its history finds', () => {
    // The finder's one scan is its trough search. A reference that keeps the same history (6 s,
    // cut to 0.6 s after "held") and rescans it all must agree on every finding: none while it
    // is not armed, a peak's trough level, and "held" exactly 4 s after the trough's time.
    const x = fc.constantFrom(0, 10, 20, 30, 45, 60);
    const run = params(300);
    let peaks = 0;
    let held = 0;
    fc.assert(
      fc.property(series(x, 60), fc.integer({ min: 5, max: 30 }), (steps, threshold) => {
        const finder = createContractionFinder();
        let history: { t: number; x: number }[] = [];
        let trough: { t: number; x: number } | null = null;
        let lastPeak = -Infinity;
        for (const { t, v } of steps) {
          const finding = finder.point(t, v, threshold);
          history.push({ t, x: v });
          history = history.filter((p) => p.t >= t - 6000);
          if (trough === null) {
            expect(finding).toBeUndefined();
            const low = plainTrough(history, Math.max(t - 1200, lastPeak));
            if (low !== undefined && v - low.x >= threshold) trough = low;
            continue;
          }
          if (finding === undefined) expect(t - trough.t).toBeLessThanOrEqual(4000);
          else if (finding.kind === 'peak') {
            peaks += 1;
            expect(finding.peak.troughLevel).toBe(trough.x);
            expect(finding.peak.onset_ms).toBeGreaterThanOrEqual(trough.t);
            lastPeak = finding.peak.t_ms;
            trough = null;
          } else {
            held += 1;
            expect(t - trough.t).toBeGreaterThan(4000);
            history = history.filter((p) => p.t > t - 600);
            trough = null;
          }
        }
      }),
      run,
    );
    // Not vacuous: the runs found peaks, several per run.
    expectCoverage('peaks found', peaks, run, 0.3);
    expectCoverage('troughs held', held, run, 0.3);
  });

  it('the slow baseline’s level is the quartile a sort of its last 32 blocks gives', () => {
    // Levels from a small set, held for runs: equal block means (ties) come and go often.
    const level = fc.constantFrom(590, 600, 600, 605, 612, 640);
    const run = params(300);
    let ready = 0;
    fc.assert(
      fc.property(series(level, 30), (steps) => {
        const baseline = createSlowBaseline();
        const plain = plainBaseline();
        for (const { t, v } of steps) {
          baseline.push(t, v);
          plain.push(t, v);
          expect(baseline.level()).toBe(plain.level());
          if (plain.level() !== undefined) ready += 1;
        }
      }),
      run,
    );
    expectCoverage('readings with a baseline', ready, run, 20);
  });
});
