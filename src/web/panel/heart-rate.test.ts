import { describe, expect, it } from 'vitest';
import { isPlausible, parseHeartRateMeasurement, readingDue } from './heart-rate';

const bytes = (...b: number[]) => new DataView(new Uint8Array(b).buffer);

describe('parseHeartRateMeasurement', () => {
  it('reads a uint8 rate when flags bit 0 is clear', () => {
    expect(parseHeartRateMeasurement(bytes(0x00, 72))).toEqual({ bpm: 72, contact: 'unknown' });
  });

  it('reads a little-endian uint16 rate when flags bit 0 is set', () => {
    expect(parseHeartRateMeasurement(bytes(0x01, 0x2c, 0x01))?.bpm).toBe(300);
    expect(parseHeartRateMeasurement(bytes(0x01, 80, 0))?.bpm).toBe(80);
  });

  it('reads skin contact from flags bits 1 and 2', () => {
    expect(parseHeartRateMeasurement(bytes(0x06, 60))?.contact).toBe('detected');
    expect(parseHeartRateMeasurement(bytes(0x04, 60))?.contact).toBe('lost');
    expect(parseHeartRateMeasurement(bytes(0x02, 60))?.contact).toBe('unknown');
  });

  it('skips energy expended and RR intervals', () => {
    // flags: uint8, energy present, RR present; rate 64; energy 0x0102; two RR intervals.
    expect(parseHeartRateMeasurement(bytes(0x18, 64, 0x02, 0x01, 0x00, 0x04, 0x10, 0x04))).toEqual({
      bpm: 64,
      contact: 'unknown',
    });
    // uint16 rate with RR intervals only.
    expect(parseHeartRateMeasurement(bytes(0x11, 90, 0, 0x00, 0x04))?.bpm).toBe(90);
  });

  it('rejects short and malformed buffers without throwing', () => {
    expect(parseHeartRateMeasurement(bytes())).toBeNull();
    expect(parseHeartRateMeasurement(bytes(0x00))).toBeNull();
    expect(parseHeartRateMeasurement(bytes(0x01, 80))).toBeNull();
    // Energy announced but missing.
    expect(parseHeartRateMeasurement(bytes(0x08, 80))).toBeNull();
    expect(parseHeartRateMeasurement(bytes(0x09, 80, 0, 1))).toBeNull();
  });

  it('reads a view into the middle of a larger buffer', () => {
    const buffer = new Uint8Array([0xff, 0xff, 0x00, 55, 0xff]).buffer;
    expect(parseHeartRateMeasurement(new DataView(buffer, 2, 2))?.bpm).toBe(55);
  });
});

describe('isPlausible', () => {
  it('keeps 20 to 250 bpm and drops the rest', () => {
    expect(isPlausible({ bpm: 20, contact: 'unknown' })).toBe(true);
    expect(isPlausible({ bpm: 250, contact: 'detected' })).toBe(true);
    expect(isPlausible({ bpm: 19, contact: 'unknown' })).toBe(false);
    expect(isPlausible({ bpm: 251, contact: 'unknown' })).toBe(false);
    expect(isPlausible({ bpm: 0, contact: 'unknown' })).toBe(false);
  });

  it('drops a reading from a strap that says it lost skin contact', () => {
    expect(isPlausible({ bpm: 70, contact: 'lost' })).toBe(false);
  });
});

describe('readingDue', () => {
  it('sends the first reading, then at most one a second', () => {
    expect(readingDue(null, 0)).toBe(true);
    expect(readingDue(1000, 1500)).toBe(false);
    expect(readingDue(1000, 2000)).toBe(true);
  });
});
