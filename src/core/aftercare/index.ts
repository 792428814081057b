/** After a scene: the debrief, what it suggests for the next agreement, and the follow-ups. */
export * from './debrief';
export * from './suggestions';
export * from './follow-up-times';
export * from './follow-up';
