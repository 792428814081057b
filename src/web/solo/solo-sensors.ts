import type { Effect } from '../../core/scene/effects';
import type { SceneView } from '../../protocol/view';
import { heartRateWords, type HeartRateWords } from '../console/heart-rate-words';
import { pressureWords, type PressureWords } from '../console/pressure-words';
import { addSensorAlerts, dismissSensorAlert, type SensorAlert } from '../console/sensor-alerts';

/**
 * What the sensors mean for a person alone (solo): the console's alerts (a detected orgasm to
 * confirm, distress; in solo the core addresses them to the submissive, who runs the scene), and
 * an orgasm the sensor itself marked. The view does not say who marked an orgasm, so that comes
 * from the `orgasm` effect (`by: 'sensor'`) as the frames arrive.
 */
export type SensorOrgasm = Readonly<{ at: number; count: number; early: boolean }>;
export type SoloSensorState = Readonly<{
  alerts: readonly SensorAlert[];
  /** The last orgasm, if the sensor marked it; null once one is marked by hand. */
  sensorOrgasm: SensorOrgasm | null;
}>;

export const NO_SENSOR_NEWS: SoloSensorState = { alerts: [], sensorOrgasm: null };

/**
 * Folds one frame's effects in; returns the same object when nothing changed. An orgasm marked
 * after a confirm-orgasm prompt answers it, so the prompt goes away by itself (no hand needed).
 */
export function soloSensorStep(
  state: SoloSensorState,
  effects: readonly Effect[],
): SoloSensorState {
  let alerts = addSensorAlerts(state.alerts, effects, 'submissive');
  let sensorOrgasm = state.sensorOrgasm;
  for (const effect of effects) {
    if (effect.type !== 'orgasm') continue;
    sensorOrgasm =
      effect.by === 'sensor' ? { at: effect.at, count: effect.count, early: effect.early } : null;
    const confirm = alerts.find((a) => a.kind === 'confirm-orgasm');
    if (confirm !== undefined && confirm.at <= effect.at)
      alerts = dismissSensorAlert(alerts, 'confirm-orgasm');
  }
  if (alerts === state.alerts && sensorOrgasm === state.sensorOrgasm) return state;
  return { alerts, sensorOrgasm };
}

/** The calm note about an orgasm the sensor marked, in the words of the current phase. */
export function sensorOrgasmNote(
  orgasm: SensorOrgasm,
  view: Pick<SceneView, 'phase' | 'limits'>,
): string {
  if (orgasm.count > 1)
    return `The sensor detected another orgasm (${orgasm.count} of ${view.limits.orgasmsMax} agreed).`;
  if (view.phase === 'orgasm')
    return 'The sensor detected an orgasm: the post-orgasm phase follows as agreed.';
  if (view.phase === 'post-orgasm')
    return 'The sensor detected an orgasm: the post-orgasm phase is under way, as agreed.';
  return 'The sensor detected an orgasm.';
}

/** The live read-outs, the console's words: pressure and heart rate, each only when there is one. */
export function soloReadouts(
  view: Pick<SceneView, 'pressure' | 'heartRate'>,
  now: number,
): { pressure: PressureWords | null; heartRate: HeartRateWords | null } {
  return {
    pressure: view.pressure === null ? null : pressureWords(view.pressure, now),
    heartRate: view.heartRate === null ? null : heartRateWords(view.heartRate, now),
  };
}
