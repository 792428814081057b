import { describe, expect, it } from 'vitest';
import { parseAgreement, type Agreement } from '../agreement/agreement';
import { templateAgreement } from '../agreement/template';
import type { DebriefAnswers } from './debrief';
import {
  applySuggestions,
  pendingSuggestions,
  suggestionsFrom,
  type Suggestion,
} from './suggestions';

const base: Agreement = {
  ...templateAgreement({
    mode: 'pair',
    names: { dominant: 'Alex', submissive: 'Sam' },
    devices: [],
  }),
  participants: [
    { id: 'dominant', name: 'Alex', role: 'dominant' },
    { id: 'submissive', name: 'Sam', role: 'submissive' },
  ],
};
const reasons = (s: readonly Suggestion[]) => s.map((x) => x.reason);

describe('suggestionsFrom', () => {
  it('says nothing when nothing shared asks for a change', () => {
    expect(suggestionsFrom([], base)).toEqual([]);
    expect(
      suggestionsFrom(
        [{ role: 'submissive', answers: { intensity: 'right', limit: { answer: 'none' } } }],
        base,
      ),
    ).toEqual([]);
  });

  it('intensity too high: both ceilings 10 points lower, with a plain reason', () => {
    const s = suggestionsFrom([{ role: 'submissive', answers: { intensity: 'too-high' } }], base);
    expect(s.map((x) => x.change)).toEqual([
      { kind: 'post-orgasm-ceiling', to: 0.4 },
      { kind: 'play-ceiling', to: 0.5 },
    ]);
    expect(reasons(s)).toEqual([
      'Sam found the intensity too high: lower the post-orgasm ceiling from 50 % to 40 %',
      'Sam found the intensity too high: lower the play ceiling from 60 % to 50 %',
    ]);
    expect(s[0]?.from).toEqual(['submissive']);
  });

  it('never suggests a ceiling below 5 %, nor one that is not lower', () => {
    const low = {
      ...base,
      postOrgasm: { ...base.postOrgasm, ceiling: 0.12 },
      play: { ...base.play, ceiling: 0.05 },
    };
    const s = suggestionsFrom([{ role: 'dominant', answers: { intensity: 'too-high' } }], low);
    expect(s.map((x) => x.change)).toEqual([{ kind: 'post-orgasm-ceiling', to: 0.05 }]);
  });

  it('never widens: too low suggests nothing', () => {
    expect(
      suggestionsFrom([{ role: 'submissive', answers: { intensity: 'too-low' } }], base),
    ).toEqual([]);
  });

  it('post-orgasm time crossed: a quarter shorter', () => {
    const s = suggestionsFrom(
      [
        {
          role: 'submissive',
          answers: { limit: { answer: 'crossed', which: ['post-orgasm-time'] } },
        },
      ],
      base,
    );
    expect(s).toEqual([
      {
        change: { kind: 'post-orgasm-seconds', to: 45 },
        reason:
          'Sam felt the post-orgasm time went past a limit: shorten the post-orgasm phase from 60 s to 45 s',
        from: ['submissive'],
      },
    ]);
  });

  it('a limit only approached changes nothing', () => {
    expect(
      suggestionsFrom(
        [
          {
            role: 'submissive',
            answers: { limit: { answer: 'approached', which: ['intensity'] } },
          },
        ],
        base,
      ),
    ).toEqual([]);
  });

  it('wanted a signal but could not: check-ins more often (within bounds) and hold to continue', () => {
    const s = suggestionsFrom(
      [{ role: 'submissive', answers: { signal: { answer: 'wanted-could-not', why: 'hands' } } }],
      base,
    );
    expect(s.map((x) => x.change)).toEqual([
      { kind: 'check-in-interval', to: 22 },
      { kind: 'hold-to-continue', graceMs: 2000 },
    ]);
    expect(reasons(s)[1]).toBe(
      'Sam wanted to give a signal but could not: add hold to continue, so letting go of the panel for 2 s stops the scene',
    );
    // The answer time must still fit: 10 s to answer keeps check-ins at 11 s or more.
    const tight = {
      ...base,
      checkIn: { ...base.checkIn, intervalSeconds: 12, answerTimeoutSeconds: 10 },
    };
    const t = suggestionsFrom(
      [{ role: 'submissive', answers: { signal: { answer: 'wanted-could-not' } } }],
      tight,
    );
    expect(t[0]?.change).toEqual({ kind: 'check-in-interval', to: 11 });
  });

  it('restraint crossed: check the restraints more often, when restraint is used', () => {
    const answers: DebriefAnswers = { limit: { answer: 'crossed', which: ['restraint'] } };
    expect(suggestionsFrom([{ role: 'submissive', answers }], base)).toEqual([]);
    const tied = { ...base, restraint: { used: true, checkIntervalSeconds: 300 } };
    expect(suggestionsFrom([{ role: 'submissive', answers }], tied)[0]?.reason).toBe(
      'Sam felt a limit with the restraints was crossed: check the restraints every 3 min 45 s instead of every 5 min',
    );
  });

  it('one suggestion per change, naming everyone who asked for it', () => {
    const s = suggestionsFrom(
      [
        { role: 'dominant', answers: { intensity: 'too-high' } },
        {
          role: 'submissive',
          answers: { intensity: 'too-high', limit: { answer: 'crossed', which: ['intensity'] } },
        },
      ],
      base,
    );
    expect(s).toHaveLength(2);
    expect(s[0]?.reason).toMatch(/^Alex and Sam found the intensity too high/);
    expect(s[0]?.from).toEqual(['dominant', 'submissive']);
  });
});

describe('applySuggestions', () => {
  const s = suggestionsFrom(
    [
      {
        role: 'submissive',
        answers: {
          intensity: 'too-high',
          limit: { answer: 'crossed', which: ['post-orgasm-time'] },
          signal: { answer: 'wanted-could-not' },
        },
      },
    ],
    base,
  );

  it('applies every suggestion and stays a valid agreement', () => {
    const a = applySuggestions(base, s);
    expect(a.postOrgasm).toEqual({ maxSeconds: 45, ceiling: 0.4 });
    expect(a.play.ceiling).toBe(0.5);
    expect(a.checkIn.intervalSeconds).toBe(22);
    expect(a.signals.holdToContinue).toEqual({ graceMs: 2000, action: 'red' });
    expect(parseAgreement(a)).toEqual({ ok: true, value: a });
  });

  it('is idempotent, and pending leaves out what is already in the agreement', () => {
    const once = applySuggestions(base, s);
    expect(applySuggestions(once, s)).toEqual(once);
    expect(pendingSuggestions(base, s)).toEqual(s);
    expect(pendingSuggestions(once, s)).toEqual([]);
  });

  it('skips a change that would not fit, and never raises a limit', () => {
    expect(applySuggestions(base, [{ change: { kind: 'post-orgasm-ceiling', to: 0.9 } }])).toEqual(
      base,
    );
    expect(applySuggestions(base, [{ change: { kind: 'check-in-interval', to: 5 } }])).toEqual(
      base,
    );
    expect(applySuggestions(base, [{ change: { kind: 'play-ceiling', to: Number.NaN } }])).toEqual(
      base,
    );
  });
});
