import type { Effect } from '../../core/scene/effects';
import type { Listener } from './reminders';

/**
 * What the sensors raise for whoever runs the scene: a detected orgasm to confirm by hand, and
 * distress (heart rate above the agreed ceiling). Like the reminders they come as 'prompt' effects
 * and stay on screen until dismissed; a newer one of the same kind replaces the older.
 */
export const SENSOR_ALERT_KINDS = ['confirm-orgasm', 'distress'] as const;
export type SensorAlertKind = (typeof SENSOR_ALERT_KINDS)[number];
export type SensorAlert = Readonly<{ kind: SensorAlertKind; at: number; items: readonly string[] }>;

const isSensorAlertKind = (kind: string): kind is SensorAlertKind =>
  (SENSOR_ALERT_KINDS as readonly string[]).includes(kind);

export function addSensorAlerts(
  active: readonly SensorAlert[],
  effects: readonly Effect[],
  listener: Listener,
): readonly SensorAlert[] {
  let next = active;
  for (const effect of effects) {
    if (effect.type !== 'prompt') continue;
    const kind: string = effect.prompt;
    if (!isSensorAlertKind(kind)) continue;
    if (effect.to !== 'both' && effect.to !== listener) continue;
    next = [
      ...next.filter((a) => a.kind !== kind),
      { kind, at: effect.at, items: effect.items ?? [] },
    ];
  }
  return next;
}

export function dismissSensorAlert(active: readonly SensorAlert[], kind: SensorAlertKind) {
  return active.filter((a) => a.kind !== kind);
}

/** The title, and the words to show when the core sent no items of its own. */
export function sensorAlertWords(kind: SensorAlertKind): { title: string; fallback: string } {
  switch (kind) {
    case 'confirm-orgasm':
      return {
        title: 'Possible orgasm',
        fallback: 'A sensor detected an orgasm. If it happened, mark it; otherwise carry on.',
      };
    case 'distress':
      return {
        title: 'Heart rate high',
        fallback: 'The heart rate stayed above the agreed ceiling. Look, and ask.',
      };
  }
}

/** The lines to show: the core's items, or the fallback when it sent none. */
export function sensorAlertLines(alert: SensorAlert): readonly string[] {
  return alert.items.length > 0 ? alert.items : [sensorAlertWords(alert.kind).fallback];
}
