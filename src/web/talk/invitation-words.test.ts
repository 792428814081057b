import { describe, expect, it } from 'vitest';
import { asSentence, expiryWords, invitationFailureHint } from './invitation-words';

const HOUR = 3_600_000;

describe('invitation words', () => {
  it('says how long an invitation still works', () => {
    expect(expiryWords(7 * 24 * HOUR, 0)).toBe('Works for 7 more days.');
    expect(expiryWords(7 * 24 * HOUR - 60_000, 0)).toBe('Works for 7 more days.');
    expect(expiryWords(25 * HOUR, 0)).toBe('Works for 1 more day.');
    expect(expiryWords(3 * HOUR + 5, 0)).toBe('Works for 3 more hours.');
    expect(expiryWords(HOUR / 2, 0)).toBe('Works for less than an hour more.');
    expect(expiryWords(0, 0)).toBe('This invitation has expired.');
  });

  it('says what to do when a code fails', () => {
    expect(invitationFailureHint(410)).toMatch(/fresh invitation/);
    expect(invitationFailureHint(404)).toMatch(/Check the link/);
    expect(invitationFailureHint(429)).toMatch(/Wait/);
    expect(invitationFailureHint(0)).toMatch(/network/);
  });

  it('turns the server’s message into a sentence', () => {
    expect(asSentence('this invitation has expired: ask for a fresh one')).toBe(
      'This invitation has expired: ask for a fresh one.',
    );
    expect(asSentence('Done.')).toBe('Done.');
  });
});
