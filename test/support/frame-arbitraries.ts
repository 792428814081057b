import fc from 'fast-check';
import type { ClientFrameBody, Role } from '../../src/protocol/frames';
import { devices } from '../fixtures/agreements';

/**
 * Random frames from both screens, for property tests of a scene runtime: every kind of frame,
 * outputs of the fixture's devices (and one that does not exist), and a pause before each.
 */
const deviceArb = fc.constantFrom(
  ...devices.flatMap((d) => d.features.map((f) => [d.id, f.id] as const)),
  ['ghost', 'x'] as const,
);
export const bodyArb: fc.Arbitrary<ClientFrameBody> = fc.oneof(
  // Heartbeats are most of a real panel's traffic; without them every scene is soon panel-lost.
  { arbitrary: fc.constant({ type: 'heartbeat' } as const), weight: 24 },
  fc.constant({ type: 'start' } as const),
  fc
    .constantFrom('lubricant', 'restraint-release', 'water', 'blanket')
    .chain((item) => fc.boolean().map((done) => ({ type: 'setup.check', item, done }) as const)),
  fc.constant({ type: 'stop.test' } as const),
  fc
    .tuple(deviceArb, fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([[device, feature], value]) => ({ type: 'intensity', device, feature, value }) as const),
  fc.constant({ type: 'orgasm' } as const),
  fc.boolean().map((edging) => ({ type: 'edge', edging }) as const),
  fc.constant({ type: 'phase.next' } as const),
  fc.constant({ type: 'end' } as const),
  fc.constantFrom('red', 'yellow').map((word) => ({ type: 'safeword', word }) as const),
  fc.constantFrom('green', 'yellow', 'red').map((answer) => ({ type: 'checkin', answer }) as const),
  fc
    .constantFrom('held', 'released', 'tapped')
    .map((action) => ({ type: 'signal', action }) as const),
  fc.constant({ type: 'withdraw' } as const),
  fc
    .integer({ min: 40, max: 200 })
    .map((bpm) => ({ type: 'reading', kind: 'heart-rate', bpm }) as const),
);
export const stepArb = fc.record({
  role: fc.constantFrom<Role>('dominant', 'submissive'),
  body: bodyArb,
  afterMs: fc.integer({ min: 0, max: 1500 }),
});
