import type { Agreement, Role } from '../../core/agreement/agreement';
import type { Actor } from '../../core/scene/events';

/**
 * A participant's name from the agreement, or plain words for the role when it has none, for the
 * middle of a sentence ("let the receiver set the pace"); `capitalize` starts one with it.
 */
export function nameOf(agreement: Agreement, role: Role): string {
  const name = agreement.participants.find((p) => p.role === role)?.name.trim();
  if (name !== undefined && name !== '') return name;
  return role === 'dominant' ? 'your partner' : 'the receiver';
}

export function capitalize(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Who did something, to start a sentence: a participant's name, "A sensor" or "Redline". */
export function actorName(agreement: Agreement, by: Actor): string {
  switch (by) {
    case 'dominant':
    case 'submissive':
      return capitalize(nameOf(agreement, by));
    case 'sensor':
      return 'A sensor';
    case 'system':
      return 'Redline';
  }
}
