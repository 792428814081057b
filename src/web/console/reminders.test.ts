import { describe, expect, it } from 'vitest';
import type { Effect } from '../../core/scene/effects';
import { addReminders, dismissReminder, reminderWords, waitingForGreen } from './reminders';

const restraint: Effect = { type: 'prompt', at: 1000, prompt: 'restraint-check', to: 'dominant' };

describe('reminders', () => {
  it('keeps restraint-check prompts addressed to this screen', () => {
    expect(addReminders([], [restraint], 'dominant')).toEqual([
      { kind: 'restraint-check', at: 1000 },
    ]);
    expect(addReminders([], [restraint], 'submissive')).toEqual([]);
  });

  it('takes lubricant prompts too, once the core sends them', () => {
    const lube = { type: 'prompt', at: 5, prompt: 'lubricant', to: 'both' } as unknown as Effect;
    expect(addReminders([], [lube], 'submissive')).toEqual([{ kind: 'lubricant', at: 5 }]);
  });

  it('ignores other prompts and effects', () => {
    const checkIn: Effect = { type: 'prompt', at: 1, prompt: 'check-in', to: 'both' };
    const phase: Effect = { type: 'phase', at: 1, phase: 'play', from: 'warm-up' };
    expect(addReminders([], [checkIn, phase], 'dominant')).toEqual([]);
  });

  it('replaces an older reminder of the same kind and dismisses by kind', () => {
    const later = { ...restraint, at: 2000 };
    const active = addReminders(addReminders([], [restraint], 'dominant'), [later], 'dominant');
    expect(active).toEqual([{ kind: 'restraint-check', at: 2000 }]);
    expect(dismissReminder(active, 'restraint-check')).toEqual([]);
  });

  it('has plain words for every kind', () => {
    expect(reminderWords('restraint-check').title).toMatch(/restraint/i);
    expect(reminderWords('lubricant').title).toMatch(/lubricant/i);
  });
});

describe('waitingForGreen', () => {
  it('names the receiver while yellow or paused, and nothing after a stop', () => {
    const calm = { yellow: false, paused: null, stop: null };
    expect(waitingForGreen(calm, "Sam's")).toBeNull();
    expect(waitingForGreen({ ...calm, yellow: true }, "Sam's")).toContain("Sam's green");
    expect(waitingForGreen({ ...calm, paused: 'checkin-missed' }, "Sam's")).toContain('zero');
    const stop = { cause: 'red', by: 'submissive', at: 1 } as const;
    expect(waitingForGreen({ ...calm, yellow: true, stop }, "Sam's")).toBeNull();
  });
});
