import { describe, expect, it } from 'vitest';
import {
  matchWords,
  partnerProgress,
  roundNote,
  statusWords,
  waitingForPartner,
  yourProgress,
} from './progress-words';
import { makeTalkView } from './talk-view.test-support';

const invited = makeTalkView({
  status: 'invited',
  partner: { name: null, role: 'submissive', joined: false, submitted: false },
  invitation: { expiresAt: 1, open: true },
});

describe('where things stand', () => {
  it('says whether the partner joined, declined or is awaited', () => {
    expect(statusWords(invited)).toMatch(/Waiting for your partner/);
    expect(statusWords(makeTalkView())).toMatch(/both joined/);
    expect(statusWords(makeTalkView({ status: 'declined' }))).toMatch(/declined.*does not say why/);
  });

  it('tells progress without anything of the partner’s answers', () => {
    expect(yourProgress(makeTalkView(), 3, 20)).toBe(
      'You have answered 3 of 20 items and not submitted yet.',
    );
    const submitted = makeTalkView({
      you: { name: 'Sam', role: 'dominant', submitted: true },
      partner: { name: 'Alex', role: 'submissive', joined: true, submitted: true },
    });
    expect(yourProgress(submitted, 3, 20)).toMatch(/submitted/);
    expect(partnerProgress(submitted)).toBe('Alex has submitted their answers.');
    expect(partnerProgress(makeTalkView())).toBe('Alex has not submitted yet.');
    expect(partnerProgress(invited)).toBe('Your partner has not joined yet.');
  });

  it('waits (and polls) only while something from the partner is to come', () => {
    expect(waitingForPartner(invited)).toBe(true);
    expect(waitingForPartner(makeTalkView())).toBe(true);
    expect(waitingForPartner(makeTalkView({ status: 'declined' }))).toBe(false);
    const both = { name: 'Alex', role: 'submissive' as const, joined: true, submitted: true };
    expect(waitingForPartner(makeTalkView({ partner: both, revealedRound: 1 }))).toBe(false);
    expect(waitingForPartner(makeTalkView({ partner: both, round: 2, revealedRound: 1 }))).toBe(
      true,
    );
  });

  it('explains a new round only when the overlap shown is from an earlier one', () => {
    expect(roundNote(makeTalkView())).toBeNull();
    expect(roundNote(makeTalkView({ revealedRound: 1 }))).toBeNull();
    expect(roundNote(makeTalkView({ round: 2, revealedRound: 1 }))).toMatch(/new round/);
  });

  it('words a match from the reader’s side, in complementary roles', () => {
    const view = makeTalkView();
    const match = {
      giver: 'submissive',
      receiver: 'dominant',
      giverRating: 'maybe',
      receiverRating: 'yes',
    } as const;
    expect(matchWords(match, view)).toBe('Alex gives (maybe) · You receive (yes)');
    expect(matchWords({ ...match, giver: 'dominant', receiver: 'submissive' }, view)).toBe(
      'You give (maybe) · Alex receives (yes)',
    );
  });
});
