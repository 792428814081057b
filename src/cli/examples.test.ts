import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureIo } from './capture-io';
import { main } from './main';

/** The examples/ scenarios: each runs cleanly and does what its name says. */
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
type Rec = Record<string, unknown> & { t: number; type: string };

async function simJson(name: string): Promise<Rec[]> {
  const capture = captureIo();
  const status = await main(['sim', '--scenario', `${EXAMPLES}${name}`, '--json'], capture.io);
  expect(capture.stderr()).toBe('');
  expect(status).toBe(0);
  return capture.records();
}

const of = (records: Rec[], type: string) => records.filter((r) => r.type === type);
const phases = (records: Rec[]) => of(records, 'phase').map((r) => r.phase);
const outputs = (records: Rec[]) => of(records, 'output').map((r) => r.value);
const last = (records: Rec[]) => records.at(-1);

describe('examples', () => {
  it('every example is tested here', () => {
    expect(
      readdirSync(EXAMPLES)
        .filter((n) => n.endsWith('.json'))
        .sort(),
    ).toEqual([
      'demo.json',
      'live-demo.json',
      'missed-checkin.json',
      'safeword-post-orgasm.json',
      'solo.json',
      'yellow.json',
    ]);
  });

  it('demo: warm-up, play, orgasm, post-orgasm, ends at the agreed time, aftercare', async () => {
    const r = await simJson('demo.json');
    expect(r[0]).toMatchObject({ t: 0, type: 'scene', sceneId: 'demo', mode: 'pair' });
    expect(phases(r)).toEqual([
      'warm-up',
      'play',
      'orgasm',
      'post-orgasm',
      'stopped',
      'aftercare',
      'debrief',
    ]);
    const orgasm = of(r, 'orgasm')[0];
    expect(orgasm).toMatchObject({ count: 1, early: false });
    // Post-orgasm maxSeconds is 60, counted from the orgasm.
    expect(of(r, 'stop')).toEqual([
      { t: (orgasm?.t ?? 0) + 60_000, type: 'stop', cause: 'time', by: 'system' },
    ]);
    expect(of(r, 'prompt').find((p) => p.prompt === 'aftercare')).toMatchObject({
      to: 'both',
      items: ['water', 'a warm blanket', 'quiet time together'],
    });
    expect(of(r, 'rejected')).toEqual([]);
    expect(last(r)).toMatchObject({ type: 'end', phase: 'debrief', stop: { cause: 'time' } });
  });

  it('live-demo: a short scene through every active phase, ended by the submissive’s red', async () => {
    const r = await simJson('live-demo.json');
    expect(phases(r).slice(0, 5)).toEqual(['warm-up', 'play', 'orgasm', 'post-orgasm', 'stopped']);
    expect(of(r, 'orgasm')).toMatchObject([{ count: 1, early: false }]);
    const [stop] = of(r, 'stop');
    expect(stop).toMatchObject({ cause: 'red', by: 'submissive' });
    // `redline demo` runs it in real time and ends at the stop: keep it short.
    expect(stop?.t).toBeGreaterThanOrEqual(30_000);
    expect(stop?.t).toBeLessThanOrEqual(45_000);
    expect(of(r, 'rejected')).toEqual([]);
    expect(of(r, 'paused')).toEqual([]);
  });

  it('safeword-post-orgasm: the submissive’s red stops the post-orgasm phase at once', async () => {
    const r = await simJson('safeword-post-orgasm.json');
    const stopAt = r.findIndex((x) => x.type === 'stop');
    const stop = r[stopAt];
    expect(stop).toMatchObject({ cause: 'red', by: 'submissive' });
    // The order the loop carried it out: the safeword, stop-all, the zero it caused, the stop.
    expect(r.slice(stopAt - 3, stopAt + 2)).toEqual([
      { t: stop?.t, type: 'action', do: 'safeword' },
      { t: stop?.t, type: 'stop-all', reason: 'stop' },
      { t: stop?.t, type: 'output', device: 'wand', feature: 'vibrate', value: 0 },
      stop,
      { t: stop?.t, type: 'phase', phase: 'stopped', from: 'post-orgasm' },
    ]);
    expect(last(r)).toMatchObject({ phase: 'debrief', stop: { cause: 'red', by: 'submissive' } });
  });

  it('missed-checkin: a missed check-in pauses at zero, green resumes, a later miss pauses again', async () => {
    const r = await simJson('missed-checkin.json');
    const missed = of(r, 'checkin-missed');
    expect(missed.map((m) => m.action)).toEqual(['pause', 'pause']);
    const [first, second] = missed;
    const pauses = of(r, 'stop-all').filter((s) => s.reason === 'pause');
    expect(pauses.map((p) => p.t)).toEqual([first?.t, second?.t]);
    const resumed = of(r, 'resumed');
    expect(resumed).toHaveLength(1);
    const resumedAt = resumed[0]?.t ?? 0;
    // Nothing but zero reaches the toy while paused; output rises again after the green.
    const duringPause = of(r, 'output').filter((o) => o.t > (first?.t ?? 0) && o.t < resumedAt);
    expect(duringPause).toEqual([]);
    expect(of(r, 'output').some((o) => o.t > resumedAt && (o.value as number) > 0)).toBe(true);
    expect(last(r)).toMatchObject({ phase: 'debrief', stop: { cause: 'ended', by: 'dominant' } });
  });

  it('solo: the plan sets the levels, and letting go of hold-to-continue stops the scene', async () => {
    const r = await simJson('solo.json');
    expect(r[0]).toMatchObject({ mode: 'solo' });
    expect(of(r, 'action').map((a) => a.do)).not.toContain('intensity');
    // The plan's levels (warm-up 15% then 30%, play 50% then 60%, post-orgasm 40%) are reached.
    const levels = outputs(r);
    for (const planned of [0.15, 0.3, 0.5, 0.6, 0.4]) expect(levels).toContain(planned);
    const release = of(r, 'action').find((a) => a.do === 'release');
    // The agreed grace is 1500 ms after letting go.
    expect(of(r, 'stop')).toEqual([
      { t: (release?.t ?? 0) + 1500, type: 'stop', cause: 'signal', by: 'submissive' },
    ]);
    expect(of(r, 'rejected')).toEqual([]);
    expect(last(r)).toMatchObject({ phase: 'debrief' });
  });

  it('yellow: lowers to the agreed fraction and holds there until the submissive’s green', async () => {
    const r = await simJson('yellow.json');
    const yellow = of(r, 'yellow')[0];
    expect(yellow).toMatchObject({ t: 90_000, by: 'submissive' });
    const resumedAt = of(r, 'resumed')[0]?.t ?? 0;
    const held = of(r, 'output').filter((o) => o.t >= 90_000 && o.t < resumedAt);
    // 60% before, factor 0.5: held at 30% even though 70% was asked for meanwhile.
    expect(held).toEqual([
      { t: 90_000, type: 'output', device: 'wand', feature: 'vibrate', value: 0.3 },
    ]);
    const after = of(r, 'output')
      .filter((o) => o.t > resumedAt)
      .map((o) => o.value as number);
    expect(Math.max(...after)).toBe(0.7);
    expect(last(r)).toMatchObject({ phase: 'debrief', stop: { cause: 'ended' } });
  });

  it('demo --fast prints a calm header and the readable timeline', async () => {
    const capture = captureIo();
    expect(await main(['demo', '--fast'], capture.io)).toBe(0);
    const out = capture.stdout();
    expect(out).toMatch(/^Redline demo: a simulated scene\.\nNo toy is connected/);
    expect(out).toContain('restraint release or safety shears');
    expect(out).toMatch(/ {2}\d\d:\d\d\.\d{3} {2}phase {6}play → orgasm\n/);
    expect(out).toMatch(/■ \d\d:\d\d\.\d{3} {2}STOP {7}time \(system\)\n/);
  });
});
