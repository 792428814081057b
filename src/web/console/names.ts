import type { Agreement } from '../../core/agreement/agreement';

/** The participants' names from the agreement, or plain role words when a name is missing. */
export function receiverName(agreement: Agreement): string {
  return agreement.participants.find((p) => p.role === 'submissive')?.name.trim() || 'the receiver';
}

export function dominantName(agreement: Agreement): string {
  return agreement.participants.find((p) => p.role === 'dominant')?.name.trim() || 'the dominant';
}
