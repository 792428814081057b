import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetectionEvent, Detector, Sample } from '../../core';
import { createCsvTraceParser } from './csv-trace';
import { eventLine, MIN_SAMPLES, runDetection } from './run-detection';

const dir = mkdtempSync(join(tmpdir(), 'redline-run-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Records what it was fed, and fires an orgasm at every sample whose pressure is 9. */
function recordingDetector() {
  const seen: Sample[] = [];
  const detector: Detector = {
    push(sample) {
      seen.push(sample);
      return sample.pressure === 9 ? [{ t_ms: sample.t_ms, type: 'orgasm', confidence: 0.5 }] : [];
    },
  };
  return { detector, seen };
}

const csv = (pressures: readonly number[], stepMs = 100) =>
  `t_ms,pressure\n${pressures.map((p, i) => `${i * stepMs},${p}`).join('\n')}\n`;

describe('runDetection', () => {
  it('feeds every sample in file order and keeps the events in order', async () => {
    const { detector, seen } = recordingDetector();
    const path = file('ok.csv', csv([1, 1, 9, 1, 1, 1, 9, 1, 1, 1, 1]));
    const run = await runDetection(path, createCsvTraceParser(), detector);
    expect(seen.map((s) => s.t_ms)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(run).toMatchObject({
      ok: true,
      value: {
        samples: 11,
        first_ms: 0,
        last_ms: 1000,
        rateHz: 10,
        events: [
          { t_ms: 200, type: 'orgasm', confidence: 0.5 },
          { t_ms: 600, type: 'orgasm', confidence: 0.5 },
        ],
      },
    });
  });

  it('leaves gaps out of the sampling rate', async () => {
    const text = `t_ms,pressure\n${[0, 20, 40, 60, 5000, 5020, 5040, 5060, 5080, 5100].map((t) => `${t},1`).join('\n')}\n`;
    const run = await runDetection(
      file('gap.csv', text),
      createCsvTraceParser(),
      recordingDetector().detector,
    );
    expect(run).toMatchObject({ ok: true, value: { rateHz: 50 } });
  });

  it('returns no events when the file is refused, even after some were detected', async () => {
    const { detector, seen } = recordingDetector();
    const path = file('late.csv', `${csv([9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])}50,1\n`);
    const run = await runDetection(path, createCsvTraceParser(), detector);
    expect(run).toEqual({
      ok: false,
      errors: [`${path}: line 13: t_ms 50 is not after the previous 1000`],
    });
    expect(seen).toHaveLength(11);
  });

  it(`needs at least ${MIN_SAMPLES} samples`, async () => {
    const { detector } = recordingDetector();
    const few = file('few.csv', csv([1, 1, 1]));
    expect(await runDetection(few, createCsvTraceParser(), detector)).toEqual({
      ok: false,
      errors: [`${few}: too few samples: 3; at least 10 are needed (a second at 10 Hz)`],
    });
    const none = file('none.csv', 't_ms,pressure\n');
    expect(await runDetection(none, createCsvTraceParser(), detector)).toEqual({
      ok: false,
      errors: [`${none}: no samples: the file has no data rows`],
    });
  });

  it('throws when a detector breaks its contract (an event not stamped with the last sample)', async () => {
    const liar: Detector = {
      push: (s): DetectionEvent[] =>
        s.t_ms === 300 ? [{ t_ms: 9999, type: 'orgasm', confidence: 1 }] : [],
    };
    await expect(
      runDetection(file('liar.csv', csv(Array(12).fill(1))), createCsvTraceParser(), liar),
    ).rejects.toThrow('the detector broke its contract');
  });
});

describe('eventLine', () => {
  it('prints exactly t_ms, type and confidence, in that order, whatever else the event holds', () => {
    const event = { confidence: 0.25, extra: 1, type: 'distress', t_ms: 12.5 } as DetectionEvent;
    expect(eventLine(event)).toBe('{"t_ms":12.5,"type":"distress","confidence":0.25}\n');
  });
});
