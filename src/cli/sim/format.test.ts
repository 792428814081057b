import { describe, expect, it } from 'vitest';
import { clock, jsonLine, readableLine } from './format';

describe('output format', () => {
  it('shows simulated time as mm:ss.mmm, with hours from an hour on', () => {
    expect(clock(0)).toBe('00:00.000');
    expect(clock(125_300)).toBe('02:05.300');
    expect(clock(3_600_000 + 61_001)).toBe('1:01:01.001');
  });

  it('writes one readable line per record, stops marked in the margin', () => {
    expect(readableLine({ t: 125_300, type: 'phase', phase: 'orgasm', from: 'play' })).toBe(
      '  02:05.300  phase      play → orgasm',
    );
    expect(
      readableLine({ t: 1000, type: 'output', device: 'wand', feature: 'vibrate', value: 0.125 }),
    ).toBe('  00:01.000  output     wand/vibrate 12.5%');
    expect(readableLine({ t: 1000, type: 'stop', cause: 'red', by: 'submissive' })).toBe(
      '■ 00:01.000  STOP       red (submissive)',
    );
  });

  it('leaves the readable-only detail out of JSON', () => {
    expect(jsonLine({ t: 5, type: 'action', do: 'start', detail: '(dominant)' })).toBe(
      '{"t":5,"type":"action","do":"start"}',
    );
  });
});
