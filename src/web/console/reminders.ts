import type { Effect } from '../../core/scene/effects';
import type { SceneView } from '../../protocol/view';

/**
 * Reminders for whoever runs the scene: check the restraints, offer lubricant. They come as
 * 'prompt' effects from the core and stay on screen until dismissed; a newer one of the same kind
 * replaces the older.
 */
export const REMINDER_KINDS = ['restraint-check', 'lubricant'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export type Reminder = Readonly<{ kind: ReminderKind; at: number }>;

/** Who reads this screen: the console hears the dominant's prompts; solo hears the person's. */
export type Listener = 'dominant' | 'submissive';

const isReminderKind = (kind: string): kind is ReminderKind =>
  (REMINDER_KINDS as readonly string[]).includes(kind);

export function addReminders(
  active: readonly Reminder[],
  effects: readonly Effect[],
  listener: Listener,
): readonly Reminder[] {
  let next = active;
  for (const effect of effects) {
    if (effect.type !== 'prompt') continue;
    // A string, not the core's union: 'lubricant' is being added to it.
    const kind: string = effect.prompt;
    if (!isReminderKind(kind)) continue;
    if (effect.to !== 'both' && effect.to !== listener) continue;
    next = [...next.filter((r) => r.kind !== kind), { kind, at: effect.at }];
  }
  return next;
}

export function dismissReminder(active: readonly Reminder[], kind: ReminderKind) {
  return active.filter((r) => r.kind !== kind);
}

export function reminderWords(kind: ReminderKind): { title: string; body: string } {
  switch (kind) {
    case 'restraint-check':
      return {
        title: 'Check the restraints',
        body: 'Check circulation, skin colour and warmth, and that the release is within reach.',
      };
    case 'lubricant':
      return {
        title: 'Lubricant',
        body: 'Time to add lubricant: friction can hurt after an orgasm.',
      };
  }
}

/**
 * While the receiver holds the scene (yellow or a pause), only their green moves it on.
 * `whose`: "Sam's" on the console, "your" on the solo screen.
 */
export function waitingForGreen(
  view: Pick<SceneView, 'yellow' | 'paused' | 'stop'>,
  whose: string,
): string | null {
  if (view.stop !== null) return null;
  if (view.paused !== null)
    return `Paused after a missed check-in: every toy is at zero. Waiting for ${whose} green.`;
  if (view.yellow) return `Yellow: levels are held lower. Waiting for ${whose} green.`;
  return null;
}
