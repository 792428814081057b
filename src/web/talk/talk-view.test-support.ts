import { BUILT_IN_ITEMS } from '../../core';
import type { ParticipantView } from '../../protocol/negotiation';

/** A participant's view for tests: the dominant, partner joined, nothing submitted yet. */
export function makeTalkView(over: Partial<ParticipantView> = {}): ParticipantView {
  return {
    negotiationId: 'n1',
    status: 'open',
    round: 1,
    revealedRound: null,
    you: { name: 'Sam', role: 'dominant', submitted: false },
    partner: { name: 'Alex', role: 'submissive', joined: true, submitted: false },
    invitation: null,
    catalogue: { items: BUILT_IN_ITEMS },
    own: { author: 'dominant', items: {} },
    overlap: null,
    draft: null,
    agreements: [],
    suggestions: [],
    ...over,
  };
}
