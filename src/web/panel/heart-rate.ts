/**
 * Heart Rate Measurement (Bluetooth characteristic 0x2A37) as a strap sends it, and which values
 * the panel passes on. Pure: the Web Bluetooth glue lives in `use-heart-rate-strap.ts`.
 */

/** Whether the strap feels skin: a strap that says it lost contact reports noise, not a pulse. */
export type SkinContact = 'detected' | 'lost' | 'unknown';
export type HeartRateMeasurement = Readonly<{ bpm: number; contact: SkinContact }>;

const FLAG_UINT16 = 0b0000_0001;
const FLAG_CONTACT_DETECTED = 0b0000_0010;
const FLAG_CONTACT_SUPPORTED = 0b0000_0100;
const FLAG_ENERGY = 0b0000_1000;

/** What the server accepts (`reading` frame); anything else is a strap's glitch. */
export const MIN_BPM = 20;
export const MAX_BPM = 250;
/** At most about one reading a second: straps notify about that often, some faster. */
export const READING_INTERVAL_MS = 1000;

/**
 * Reads one notification: flags, then the rate as uint8 or little-endian uint16 (flags bit 0).
 * Energy expended and RR intervals are not used. A buffer too short for what its flags announce
 * is malformed: null, never a throw.
 */
export function parseHeartRateMeasurement(value: DataView): HeartRateMeasurement | null {
  if (value.byteLength < 2) return null;
  const flags = value.getUint8(0);
  const wide = (flags & FLAG_UINT16) !== 0;
  const rateEnd = wide ? 3 : 2;
  const needed = rateEnd + ((flags & FLAG_ENERGY) !== 0 ? 2 : 0);
  if (value.byteLength < needed) return null;
  const bpm = wide ? value.getUint16(1, true) : value.getUint8(1);
  const contact: SkinContact =
    (flags & FLAG_CONTACT_SUPPORTED) === 0
      ? 'unknown'
      : (flags & FLAG_CONTACT_DETECTED) !== 0
        ? 'detected'
        : 'lost';
  return { bpm, contact };
}

/** Whether a measurement is worth a `reading` frame. */
export function isPlausible(m: HeartRateMeasurement): boolean {
  return m.contact !== 'lost' && Number.isInteger(m.bpm) && m.bpm >= MIN_BPM && m.bpm <= MAX_BPM;
}

/** Whether to send now, given when the last reading went out (null: none yet). */
export function readingDue(lastSentAt: number | null, now: number): boolean {
  return lastSentAt === null || now - lastSentAt >= READING_INTERVAL_MS;
}
