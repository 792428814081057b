import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../core/agreement/agreement';
import { agreement as calm } from '../test-support/view.test-support';
import {
  advance,
  give,
  isRehearsed,
  levelOf,
  setRequested,
  signalsToRehearse,
  startRehearsal,
  type Rehearsal,
} from './rehearsal';

/** Both signals agreed: hold (red after 2 s) and taps (3 within 1.5 s → yellow). */
const a: Agreement = calm;
const level = (r: Rehearsal) => levelOf(r.trial.scene);

describe('rehearsal on the real scene machine and governor', () => {
  it('starts a practice scene in play, at the level the governor allows', () => {
    const r = startRehearsal(a, 1000);
    expect(r.trial.status).toBe('armed');
    expect(r.trial.scene.phase).toBe('play');
    // Asked for 100 %: the play ceiling (70 %) and the vibrate ceiling (80 %) cap it.
    expect(level(r)).toBeCloseTo(0.7, 9);
    expect(r.offset).toBeGreaterThan(0);
  });

  it('asks for the level chosen, capped by the agreement', () => {
    expect(level(setRequested(startRehearsal(a, 0), 0.4, 10))).toBeCloseTo(0.4, 9);
  });

  it('red: the toy goes to 0 and the scene stops', () => {
    const r = give(startRehearsal(a, 0), 'red', 100);
    expect(r.trial.status).toBe('done');
    expect(level(r)).toBe(0);
    expect(r.trial.scene.stop?.cause).toBe('red');
    expect(r.done).toEqual(['red']);
  });

  it('yellow: the level drops by the agreed factor and holds', () => {
    const r = give(startRehearsal(a, 0), 'yellow', 100);
    expect(r.trial.status).toBe('done');
    expect(level(r)).toBeCloseTo(0.35, 9);
    expect(r.trial.scene.yellow).toBe(true);
    expect(r.trial.scene.stop).toBeNull();
    const later = advance(r, 5000);
    expect(level(later)).toBeCloseTo(0.35, 9);
  });

  it('hold-to-continue: letting go does nothing before the grace, then the agreed action (red)', () => {
    let r = give(startRehearsal(a, 0), 'hold', 100);
    expect(r.trial.status).toBe('waiting');
    r = advance(r, 1900);
    expect(r.trial.status).toBe('waiting');
    expect(level(r)).toBeGreaterThan(0);
    r = advance(r, 2200);
    expect(r.trial.status).toBe('done');
    expect(level(r)).toBe(0);
    expect(r.trial.scene.stop?.cause).toBe('signal');
  });

  it('tap pattern: N taps within the window give the agreed action (yellow)', () => {
    let r = give(startRehearsal(a, 0), 'taps', 100);
    r = give(r, 'taps', 400);
    expect(r.trial.status).toBe('waiting');
    expect(level(r)).toBeCloseTo(0.7, 9);
    r = give(r, 'taps', 800);
    expect(r.trial.status).toBe('done');
    expect(level(r)).toBeCloseTo(0.35, 9);
  });

  it('taps too slow do not count', () => {
    let r = give(startRehearsal(a, 0), 'taps', 0);
    r = give(r, 'taps', 1000);
    r = give(r, 'taps', 2000);
    r = give(r, 'taps', 3000);
    expect(r.trial.status).toBe('waiting');
  });

  it('a hold mapped to yellow and taps mapped to red do what the agreement says', () => {
    const swapped: Agreement = {
      ...a,
      signals: {
        holdToContinue: { graceMs: 1000, action: 'yellow' },
        tapPattern: { taps: 2, withinMs: 1000, action: 'red' },
      },
    };
    let r = advance(give(startRehearsal(swapped, 0), 'hold', 10), 1200);
    expect(r.trial.status).toBe('done');
    expect(level(r)).toBeCloseTo(0.35, 9);
    r = give(give(r, 'taps', 1300), 'taps', 1500);
    expect(r.trial.status).toBe('done');
    expect(level(r)).toBe(0);
    expect(r.trial.scene.stop?.cause).toBe('signal');
  });

  it('is done once every agreed signal was tried, each on a fresh practice scene', () => {
    expect(signalsToRehearse(a)).toEqual(['red', 'yellow', 'hold', 'taps']);
    let r = startRehearsal(a, 0);
    r = give(r, 'red', 10);
    r = give(r, 'yellow', 20);
    expect(r.trial.before).toBeCloseTo(0.7, 9);
    r = advance(give(r, 'hold', 30), 3000);
    expect(isRehearsed(r)).toBe(false);
    r = give(give(give(r, 'taps', 3100), 'taps', 3200), 'taps', 3300);
    expect(r.done).toEqual(['red', 'yellow', 'hold', 'taps']);
    expect(isRehearsed(r)).toBe(true);
  });

  it('without hold or taps, red and yellow are enough', () => {
    const plain: Agreement = { ...a, signals: { holdToContinue: null, tapPattern: null } };
    expect(signalsToRehearse(plain)).toEqual(['red', 'yellow']);
    const r = give(give(startRehearsal(plain, 0), 'red', 5), 'yellow', 10);
    expect(isRehearsed(r)).toBe(true);
  });

  it('keeps the simulated panel alive and answers check-ins while waiting', () => {
    const r = advance(startRehearsal(a, 0), 10 * 60 * 1000);
    expect(r.trial.status).toBe('armed');
    expect(r.trial.scene.paused).toBeNull();
  });

  it('says so when the agreed play time runs out during the practice', () => {
    const short: Agreement = { ...a, play: { ...a.play, maxSeconds: 30 } };
    const r = advance(startRehearsal(short, 0), 60_000);
    expect(r.trial.status).toBe('failed');
    expect(r.trial.message).toContain('play time');
    const again = give(r, 'red', 61_000);
    expect(again.trial.status).toBe('done');
  });
});
