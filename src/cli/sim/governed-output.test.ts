import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActive, type DeviceSpec, type SceneState } from '../../core';
import type { DeviceChange } from '../../devices/simulated/simulated-device';
import { createMemoryEventLog } from '../../server/event-log';
import { devices, pairAgreement } from '../../../test/fixtures/agreements';
import { loadScenario } from './load-scenario';
import { runScenario } from './run-scenario';
import { parseScenario, type Scenario } from './scenario';

/**
 * S2 end to end: whatever a scenario asks for, what reaches the simulated device stays inside
 * the limits in force (S3: as lowered), is zero outside active phases and while stopped or
 * paused, and never rises faster than the agreed ramp.
 */
function violations(scenario: Scenario, highest = new Map<string, number>()): string[] {
  const found: string[] = [];
  const kinds = new Map<string, string>();
  for (const d of scenario.devices)
    for (const f of d.features) kinds.set(`${d.id}/${f.id}`, f.kind);
  const lastChangeAt = new Map<string, number>();
  const check = (c: DeviceChange, s: SceneState) => {
    const key = `${c.device}/${c.feature}`;
    const at = `${key} = ${c.value} at ${s.now} in ${s.phase}`;
    const kind = kinds.get(key) as keyof SceneState['limits']['outputCeilings'];
    if (c.value > 0) {
      if (!isActive(s.phase) || s.stop !== null || s.paused !== null) found.push(`${at}: not zero`);
      else {
        const ceiling = Math.min(
          s.limits.outputCeilings[kind] ?? 0,
          s.limits.phaseCeilings[s.phase],
        );
        if (c.value > ceiling) found.push(`${at}: above the ceiling ${ceiling}`);
      }
    }
    const since = lastChangeAt.get(key) ?? s.createdAt;
    const rise = c.value - c.previous;
    if (rise > s.limits.rampPerMs * (s.now - since) + 1e-9)
      found.push(`${at}: rose ${rise} too fast`);
    lastChangeAt.set(key, s.now);
    highest.set(key, Math.max(highest.get(key) ?? 0, c.value));
  };
  runScenario(scenario, 'sim', {
    log: createMemoryEventLog(),
    emit: () => undefined,
    onDeviceChange: check,
  });
  return found;
}

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

describe('S2: nothing outside the agreement reaches the simulated device', () => {
  it.each(readdirSync(EXAMPLES).filter((n) => n.endsWith('.json')))('%s', (name) => {
    const scenario = loadScenario(`${EXAMPLES}${name}`);
    if (!scenario.ok) throw new Error(scenario.errors.join('\n'));
    expect(violations(scenario.value)).toEqual([]);
  });

  it('a dominant asking for full power everywhere still gets only the agreed levels', () => {
    const full = (t: number, device: string, feature: string) => ({
      t,
      do: 'intensity',
      device,
      feature,
      value: 1,
    });
    const scenario = parseScenario({
      name: 'full power',
      agreement: { ...pairAgreement, orgasm: { ...pairAgreement.orgasm, notBeforeSeconds: 0 } },
      devices,
      untilMs: 600_000,
      timeline: [
        full(0, 'wand', 'vibrate'),
        { t: 1000, do: 'start' },
        full(1000, 'wand', 'vibrate'),
        full(1000, 'duo', 'vibrate'),
        full(1000, 'duo', 'rotate'),
        full(1000, 'duo', 'squeeze'),
        { t: 40_000, do: 'checkin', answer: 'green' },
        { t: 80_000, do: 'orgasm' },
        { t: 85_000, do: 'checkin', answer: 'green' },
        {
          t: 95_000,
          do: 'lower-limit',
          limit: { kind: 'output-ceiling', output: 'vibrate', value: 0.2 },
        },
        {
          t: 96_000,
          do: 'lower-limit',
          limit: { kind: 'output-ceiling', output: 'vibrate', value: 0.9 },
        },
        full(100_000, 'wand', 'vibrate'),
      ],
    });
    if (!scenario.ok) throw new Error(scenario.errors.join('\n'));
    const highest = new Map<string, number>();
    expect(violations(scenario.value, highest)).toEqual([]);
    // The checks saw real output: each allowed output reached its ceiling, and no higher.
    expect(Object.fromEntries(highest)).toEqual({
      'wand/vibrate': 0.8,
      'duo/vibrate': 0.8,
      'duo/rotate': 0.5,
    });
  });

  it('holds for random timelines (seeded)', () => {
    const features = devices.flatMap((d: DeviceSpec) =>
      d.features.map((f) => [d.id, f.id] as const),
    );
    const action = fc.oneof(
      fc
        .record({
          feature: fc.constantFrom(...features),
          value: fc.double({ min: 0, max: 1, noNaN: true }),
        })
        .map(({ feature: [device, feature], value }) => ({
          do: 'intensity',
          device,
          feature,
          value,
        })),
      fc.constantFrom(
        { do: 'start' },
        { do: 'orgasm' },
        { do: 'edge-start' },
        { do: 'edge-end' },
        { do: 'checkin', answer: 'green' },
        { do: 'checkin', answer: 'yellow' },
        { do: 'safeword', word: 'yellow', by: 'submissive' },
        { do: 'next' },
        { do: 'tap' },
        { do: 'panel-silent' },
        { do: 'panel-back' },
      ),
      fc
        .record({
          phase: fc.constantFrom('warm-up', 'play', 'post-orgasm'),
          value: fc.double({ min: 0, max: 1, noNaN: true }),
        })
        .map(({ phase, value }) => ({
          do: 'lower-limit',
          limit: { kind: 'phase-ceiling', phase, value },
        })),
    );
    const timeline = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 20_000 }), action), { maxLength: 40 })
      .map((steps) => {
        let t = 0;
        return [{ t: 0, do: 'start' }, ...steps.map(([gap, a]) => ({ t: (t += gap), ...a }))];
      });
    fc.assert(
      fc.property(timeline, (actions) => {
        const scenario = parseScenario({
          name: 'random',
          agreement: pairAgreement,
          devices,
          tickMs: 250,
          untilMs: 900_000,
          timeline: actions,
        });
        if (!scenario.ok) throw new Error(scenario.errors.join('\n'));
        expect(violations(scenario.value)).toEqual([]);
      }),
      { seed: 20_251_129, numRuns: 60 },
    );
  });
});
