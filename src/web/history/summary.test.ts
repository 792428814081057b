import { describe, expect, it } from 'vitest';
import { soloAgreement } from '../../../test/fixtures/agreements';
import { foldLog, type FoldedStep } from './fold';
import { sampleEvents, sampleHistory } from './history.test-support';
import { newestFirst, type Loaded } from './stored-history';
import { summarize } from './summary';
import { eventLogJson, TRACE_HEADER, traceCsv } from './trace-csv';

const steps = (events = sampleEvents()): readonly FoldedStep[] => {
  const f = foldLog(events);
  if (!f.ok) throw new Error(f.error);
  return f.steps;
};

describe('a scene’s summary', () => {
  it('names both partners, the length from start to stop, the orgasms and why it stopped', () => {
    const s = summarize(sampleHistory(), steps(), 'en-GB');
    expect(s).toMatchObject({
      names: 'Alex and Sam',
      mode: 'pair',
      duration: '0:49',
      orgasms: 0,
      stop: 'Sam called red.',
    });
    expect(s.date).toMatch(/2026/);
  });

  it('says when a scene ended before it started, and names a solo player', () => {
    const [created] = sampleEvents();
    if (created?.type !== 'scene.created') throw new Error('no creation');
    const solo = { ...created, agreement: soloAgreement };
    const s = summarize(sampleHistory({ mode: 'solo', agreement: soloAgreement }), steps([solo]));
    expect(s.names).toBe('Rin');
    expect(s.duration).toBe('0:00');
    expect(s.stop).toBe('The scene ended before it started.');
  });

  it('lists newest first, and what could not be read last', () => {
    const one = (sceneId: string, createdWallMs: number): Loaded => ({
      ok: true,
      history: sampleHistory({ sceneId }),
      summary: { ...summarize(sampleHistory(), steps()), sceneId, createdWallMs },
    });
    const broken: Loaded = { ok: false, sceneId: 'x', message: 'gone' };
    const order = newestFirst([one('old', 1), broken, one('new', 2)]).map((l) =>
      l.ok ? l.summary.sceneId : l.sceneId,
    );
    expect(order).toEqual(['new', 'old', 'x']);
  });
});

describe('the downloads', () => {
  it('writes the traces as Redline’s plain CSV: readings where taken, the output held', () => {
    const h = sampleHistory();
    const lines = traceCsv(steps(), h.readings).trimEnd().split('\n');
    expect(lines[0]).toBe(TRACE_HEADER);
    expect(lines).toContain('10000,,88,0.3');
    expect(lines).toContain('10200,1500,,0.3');
    expect(lines).toContain('3000,,,0.1');
    expect(lines.at(-1)).toBe('50500,,,0');
  });

  it('writes the event log as a JSON array of the events as stored', () => {
    const events = sampleEvents();
    expect(JSON.parse(eventLogJson(events))).toEqual(events);
  });
});
