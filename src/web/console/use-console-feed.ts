import { useEffect, useRef, useState } from 'react';
import type { Connection } from '../net/connection';
import type { SceneView } from '../../protocol/view';
import { trackCheckIn, type LastCheckIn } from './checkin-tracker';
import {
  addReminders,
  dismissReminder,
  type Listener,
  type Reminder,
  type ReminderKind,
} from './reminders';
import { playSoftChime } from './soft-sound';

/**
 * Follows every view frame as it arrives (not just the latest snapshot): reminders for this
 * screen, with a soft chime, and the receiver's last check-in.
 */
export function useConsoleFeed(connection: Connection | null, listener: Listener) {
  const [reminders, setReminders] = useState<readonly Reminder[]>([]);
  const [lastCheckIn, setLastCheckIn] = useState<LastCheckIn>(null);
  const state = useRef<{
    view: SceneView | null;
    reminders: readonly Reminder[];
    checkIn: LastCheckIn;
  }>({ view: null, reminders: [], checkIn: null });

  useEffect(() => {
    if (connection === null) return undefined;
    state.current.view = connection.snapshot().view;
    return connection.onEffects((effects, view) => {
      const s = state.current;
      const checkIn = trackCheckIn(s.checkIn, s.view, view, effects);
      const next = addReminders(s.reminders, effects, listener);
      s.view = view;
      if (checkIn !== s.checkIn) {
        s.checkIn = checkIn;
        setLastCheckIn(checkIn);
      }
      if (next !== s.reminders) {
        s.reminders = next;
        setReminders(next);
        playSoftChime();
      }
    });
  }, [connection, listener]);

  const dismiss = (kind: ReminderKind) => {
    state.current.reminders = dismissReminder(state.current.reminders, kind);
    setReminders(state.current.reminders);
  };
  return { reminders, dismiss, lastCheckIn };
}
