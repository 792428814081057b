import { useEffect, useRef, useState } from 'react';
import type { Connection } from '../net/connection';
import { dismissSensorAlert, type SensorAlertKind } from '../console/sensor-alerts';
import { playSoftChime } from '../console/soft-sound';
import { NO_SENSOR_NEWS, soloSensorStep, type SoloSensorState } from './solo-sensors';

/**
 * Follows every view frame (not just the latest snapshot) for what the sensors raise in solo: the
 * alerts, with the console's soft chime when a new one comes, and an orgasm the sensor marked.
 */
export function useSoloSensors(connection: Connection | null) {
  const [news, setNews] = useState<SoloSensorState>(NO_SENSOR_NEWS);
  const current = useRef<SoloSensorState>(NO_SENSOR_NEWS);

  useEffect(() => {
    if (connection === null) return undefined;
    return connection.onEffects((effects) => {
      const before = current.current;
      const next = soloSensorStep(before, effects);
      if (next === before) return;
      current.current = next;
      setNews(next);
      if (next.alerts.some((a) => !before.alerts.includes(a))) playSoftChime();
    });
  }, [connection]);

  const dismissAlert = (kind: SensorAlertKind) => {
    const next = { ...current.current, alerts: dismissSensorAlert(current.current.alerts, kind) };
    current.current = next;
    setNews(next);
  };
  return { ...news, dismissAlert };
}
