import { describe, expect, it } from 'vitest';
import { notificationSupport, REMINDER_BODY, reminderDelays } from './reminders';

describe('local reminders', () => {
  it('waits only for times still to come, within what a page timer can wait', () => {
    expect(reminderDelays([500, 1000, 2000, 1000 + 2 ** 31], 1000)).toEqual([1000]);
  });

  it('is unsupported where there is no Notification (Node), and discreet', () => {
    expect(notificationSupport()).toBe('unsupported');
    expect(REMINDER_BODY).not.toMatch(/orgasm|scene/i);
  });
});
