import { describe, expect, it } from 'vitest';
import { checkTalkForm } from './talk-form';

describe('the Talk first form', () => {
  it('trims, and leaves out an empty message', () => {
    expect(checkTalkForm({ name: ' Sam ', role: 'submissive', message: '  ' })).toEqual({
      ok: true,
      body: { name: 'Sam', role: 'submissive' },
    });
    expect(checkTalkForm({ name: 'Sam', role: 'dominant', message: ' Hi ' })).toEqual({
      ok: true,
      body: { name: 'Sam', role: 'dominant', message: 'Hi' },
    });
  });

  it('names every problem at once', () => {
    const result = checkTalkForm({ name: ' ', role: null, message: 'x'.repeat(501) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['message', 'name', 'role']);
  });

  it('refuses a name over 80 characters', () => {
    expect(checkTalkForm({ name: 'x'.repeat(81), role: 'dominant', message: '' }).ok).toBe(false);
  });
});
