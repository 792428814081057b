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
import {
  addSensorAlerts,
  dismissSensorAlert,
  type SensorAlert,
  type SensorAlertKind,
} from './sensor-alerts';
import { playSoftChime } from './soft-sound';

/**
 * Follows every view frame as it arrives (not just the latest snapshot): reminders for this
 * screen, with a soft chime, the sensors' alerts (a detected orgasm, distress) and the receiver's
 * last check-in.
 */
export function useConsoleFeed(connection: Connection | null, listener: Listener) {
  const [reminders, setReminders] = useState<readonly Reminder[]>([]);
  const [alerts, setAlerts] = useState<readonly SensorAlert[]>([]);
  const [lastCheckIn, setLastCheckIn] = useState<LastCheckIn>(null);
  const state = useRef<{
    view: SceneView | null;
    reminders: readonly Reminder[];
    alerts: readonly SensorAlert[];
    checkIn: LastCheckIn;
  }>({ view: null, reminders: [], alerts: [], checkIn: null });

  useEffect(() => {
    if (connection === null) return undefined;
    state.current.view = connection.snapshot().view;
    return connection.onEffects((effects, view) => {
      const s = state.current;
      const checkIn = trackCheckIn(s.checkIn, s.view, view, effects);
      const next = addReminders(s.reminders, effects, listener);
      const nextAlerts = addSensorAlerts(s.alerts, effects, listener);
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
      if (nextAlerts !== s.alerts) {
        s.alerts = nextAlerts;
        setAlerts(nextAlerts);
        playSoftChime();
      }
    });
  }, [connection, listener]);

  const dismiss = (kind: ReminderKind) => {
    state.current.reminders = dismissReminder(state.current.reminders, kind);
    setReminders(state.current.reminders);
  };
  const dismissAlert = (kind: SensorAlertKind) => {
    state.current.alerts = dismissSensorAlert(state.current.alerts, kind);
    setAlerts(state.current.alerts);
  };
  return { reminders, dismiss, alerts, dismissAlert, lastCheckIn };
}
