import type { ActivityRole, Rating, Role } from '../../core';

/** Plain words for the two scene roles and the two activity roles. Anyone can take either. */
export const ROLE_CHOICES: readonly { role: Role; title: string; description: string }[] = [
  {
    role: 'dominant',
    title: 'Dominant',
    description: 'gives the stimulation and runs the scene',
  },
  {
    role: 'submissive',
    title: 'Submissive',
    description: 'receives the stimulation and holds the stop',
  },
];

export const roleTitle = (role: Role): string => (role === 'dominant' ? 'dominant' : 'submissive');

export function roleDescription(role: Role): string {
  return ROLE_CHOICES.find((c) => c.role === role)?.description ?? '';
}

export const activityRoleTitle = (role: ActivityRole): string =>
  role === 'giving' ? 'Giving' : 'Receiving';

export const ratingTitle = (rating: Rating): string =>
  rating === 'yes' ? 'Yes' : rating === 'maybe' ? 'Maybe' : 'No';

/** The accessible name of one choice: "Hands and fingers — receiving: yes". */
export const choiceName = (label: string, role: ActivityRole, rating: Rating): string =>
  `${label} — ${role}: ${rating}`;
