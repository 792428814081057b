import { describe, expect, it } from 'vitest';
import type { Effect } from '../../core';
import { cuesFor, vibrationFor } from './cues';

const prompt = (p: string, to: 'submissive' | 'dominant' | 'both'): Effect =>
  ({ type: 'prompt', at: 1, prompt: p, to }) as Effect;

describe('prompt cues', () => {
  it('voices a check-in for the receiver, urgently', () => {
    const cues = cuesFor([prompt('check-in', 'submissive')], { mode: 'pair' });
    expect(cues).toEqual([{ kind: 'check-in', text: 'Check-in: how are you?', urgent: true }]);
    expect(vibrationFor(cues[0] ?? { kind: '', text: '', urgent: false }).length).toBeGreaterThan(
      1,
    );
  });

  it("leaves the dominant's prompts to the console, except in solo", () => {
    expect(cuesFor([prompt('restraint-check', 'dominant')], { mode: 'pair' })).toEqual([]);
    expect(cuesFor([prompt('restraint-check', 'dominant')], { mode: 'solo' })).toHaveLength(1);
  });

  it('ignores other effects, unknown prompts and duplicates', () => {
    const effects: Effect[] = [
      { type: 'stop-all', at: 1, reason: 'stop' },
      prompt('debrief', 'both'),
      prompt('something-new', 'both'),
      prompt('check-in', 'submissive'),
      prompt('check-in', 'submissive'),
    ];
    expect(cuesFor(effects, { mode: 'pair' }).map((c) => c.kind)).toEqual(['check-in']);
  });
});
