/**
 * Local reminders for follow-ups, where the browser allows: a notification shown by this page
 * while it is open (setTimeout), never a push from a server and never a third party (P1).
 * Permission is asked for only when the person presses "Remind me".
 */

/** Discreet: a notification can show on a locked screen. */
export const REMINDER_TITLE = 'Redline';
export const REMINDER_BODY = 'A gentle check-in: how are you feeling? Open Redline when you like.';

/** setTimeout takes at most 2^31 − 1 ms (about 24.8 days). */
const MAX_DELAY_MS = 2 ** 31 - 1;

export type NotificationSupport = 'unsupported' | 'default' | 'granted' | 'denied';

export function notificationSupport(): NotificationSupport {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

/** Asks once, on a click; resolves to what the browser answered. */
export async function askToRemind(): Promise<NotificationSupport> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** Delays (ms from now) of the times still to come that a page can wait for. */
export function reminderDelays(times: readonly number[], now: number): number[] {
  return times.map((t) => t - now).filter((d) => d > 0 && d <= MAX_DELAY_MS);
}

/**
 * Schedules `onDue` at each time still to come (a notification, when permitted), while the page
 * stays open. Returns the cancel function.
 */
export function scheduleReminders(
  times: readonly number[],
  now: number,
  onDue: () => void,
): () => void {
  const ids = reminderDelays(times, now).map((delay) =>
    setTimeout(() => {
      if (notificationSupport() === 'granted') {
        try {
          new Notification(REMINDER_TITLE, { body: REMINDER_BODY, tag: 'redline-follow-up' });
        } catch {
          // Some browsers allow notifications only from a service worker: the page still shows it.
        }
      }
      onDue();
    }, delay),
  );
  return () => {
    for (const id of ids) clearTimeout(id);
  };
}
