import type { DeviceAdapterEvent } from '../adapter';
import type { Readings } from './messages';
import { MOTOR_MAX } from './motor-gate';

/**
 * One `readings` frame as four reading events, stamped with Redline's clock (the device's own
 * `millis` counts from its boot and says nothing about our timeline). Pressure, its average and
 * arousal stay in the device's raw units; the motor becomes a 0–1 level, like governed levels.
 */
export function readingEvents(
  device: string,
  readings: Readings,
  at: number,
): DeviceAdapterEvent[] {
  return [
    { type: 'reading', device, sensor: 'pressure', kind: 'pressure', value: readings.pressure, at },
    {
      type: 'reading',
      device,
      sensor: 'pressure-average',
      kind: 'pressure-average',
      value: readings.pavg,
      at,
    },
    { type: 'reading', device, sensor: 'arousal', kind: 'arousal', value: readings.arousal, at },
    {
      type: 'reading',
      device,
      sensor: 'motor',
      kind: 'motor',
      value: readings.motor / MOTOR_MAX,
      at,
    },
  ];
}
