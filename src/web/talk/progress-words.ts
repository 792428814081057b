import type { OverlapMatch, Role } from '../../core';
import type { ParticipantView } from '../../protocol/negotiation';

/**
 * What the talk page says about where things stand. Only what both may see: whether the partner
 * joined and submitted this round, never anything of their answers (P3).
 */

export function partnerName(view: ParticipantView): string {
  return view.partner.name ?? 'Your partner';
}

export function statusWords(view: ParticipantView): string {
  switch (view.status) {
    case 'invited':
      return 'Waiting for your partner to open the invitation and join.';
    case 'declined':
      return 'The invitation was declined. Redline does not say why, and nothing else was shared.';
    case 'open':
      return 'You have both joined. Each of you answers in private.';
  }
}

export function yourProgress(view: ParticipantView, answered: number, total: number): string {
  if (view.you.submitted) return 'You have submitted your answers for this round.';
  return `You have answered ${answered} of ${total} items and not submitted yet.`;
}

export function partnerProgress(view: ParticipantView): string {
  if (!view.partner.joined) return 'Your partner has not joined yet.';
  return view.partner.submitted
    ? `${partnerName(view)} has submitted their answers.`
    : `${partnerName(view)} has not submitted yet.`;
}

/** True while something from the partner is still to come: worth asking the server again. */
export function waitingForPartner(view: ParticipantView): boolean {
  if (view.status === 'declined') return false;
  if (view.status === 'invited') return true;
  return !view.partner.submitted || view.revealedRound !== view.round;
}

/** Said when the overlap shown is from an earlier round than the one being answered. */
export function roundNote(view: ParticipantView): string | null {
  if (view.revealedRound === null || view.revealedRound === view.round) return null;
  return (
    'Answers changed after the last reveal, so a new round has started for both of you. ' +
    'What you both welcome below is still from the last round; it is updated only when you ' +
    'have both submitted again.'
  );
}

/** "You give (yes) · Alex receives (maybe)": who is who, by role, in complementary roles. */
export function matchWords(match: OverlapMatch, view: ParticipantView): string {
  const who = (id: string) => (id === view.you.role ? 'You' : partnerName(view));
  const verb = (id: string, you: string, other: string) => (id === view.you.role ? you : other);
  return (
    `${who(match.giver)} ${verb(match.giver, 'give', 'gives')} (${match.giverRating}) · ` +
    `${who(match.receiver)} ${verb(match.receiver, 'receive', 'receives')} (${match.receiverRating})`
  );
}

export const otherRole = (role: Role): Role => (role === 'dominant' ? 'submissive' : 'dominant');
