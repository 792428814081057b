import { describe, expect, it } from 'vitest';
import { pairAgreement } from '../../../test/fixtures/agreements';
import { ACTIONS, DEFAULT_DEVICES, parseScenario } from './scenario';

/** A valid scenario as plain JSON, for tests to break one field at a time. */
function valid(): Record<string, unknown> & { timeline: Record<string, unknown>[] } {
  return {
    $schema: '../docs/scenario.schema.json',
    name: 'test',
    agreement: structuredClone(pairAgreement),
    timeline: [
      { t: 0, do: 'start' },
      { t: 0, do: 'intensity', device: 'wand', feature: 'vibrate', value: 0.4 },
      { t: 5000, do: 'checkin', answer: 'green' },
      { t: 6000, do: 'intensity', device: 'wand', feature: 'vibrate', value: 0.5 },
    ],
  };
}

function errorsOf(input: unknown): string[] {
  const parsed = parseScenario(input);
  if (parsed.ok) throw new Error('expected the scenario to be refused');
  return parsed.errors;
}

describe('parseScenario', () => {
  it('accepts a valid scenario and fills in the defaults', () => {
    const parsed = parseScenario(valid());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.value.devices).toEqual(DEFAULT_DEVICES);
    expect(parsed.value.tickMs).toBe(100);
    expect(parsed.value.panel).toEqual({ heartbeatEveryMs: 1000 });
    expect(parsed.value.untilMs).toBe(6 * 3600 * 1000);
  });

  it('accepts every action', () => {
    const s = valid();
    const params: Record<string, Record<string, unknown>> = {
      intensity: { device: 'wand', feature: 'vibrate', value: 0.1 },
      checkin: { answer: 'yellow' },
      safeword: { word: 'red' },
      'device-lost': { device: 'wand' },
      'lower-limit': { limit: { kind: 'orgasms', value: 1 } },
    };
    s.timeline = ACTIONS.map((name, i) => ({ t: i * 1000, do: name, ...params[name] }));
    expect(parseScenario(s)).toMatchObject({ ok: true });
  });

  it('names the field of a value out of range', () => {
    const s = valid();
    s.timeline[3] = { ...s.timeline[3], value: 1.5 };
    expect(errorsOf(s)).toEqual(['timeline[3].value: must be at most 1']);
  });

  it('reports the agreement’s own problems with their full path', () => {
    const s = valid();
    s.agreement = {
      ...pairAgreement,
      checkIn: { ...pairAgreement.checkIn, answerTimeoutSeconds: 60 },
    };
    expect(errorsOf(s)).toEqual([
      'agreement.checkIn.answerTimeoutSeconds: must be shorter than checkIn.intervalSeconds',
    ]);
  });

  it('reports every problem at once, each with its field', () => {
    const s = valid();
    delete s.name;
    s.tickMs = 5;
    s.timeline[0] = { t: 1.5, do: 'begin' };
    s.timeline[2] = { t: 5000, do: 'checkin', answer: 'blue', by: 'dominant' };
    expect(errorsOf(s)).toEqual([
      'name: is required',
      'tickMs: must be at least 10',
      `timeline[0].do: must be one of: ${ACTIONS.join(', ')}`,
      'timeline[2].answer: must be "green", "yellow" or "red"',
      'timeline[2]: unknown key: "by"',
    ]);
  });

  it('refuses unknown keys and non-whole times', () => {
    const s = valid();
    s.tick = 100;
    s.timeline[1] = { ...s.timeline[1], t: 0.5 };
    expect(errorsOf(s)).toEqual([
      'timeline[1].t: must be a whole number of milliseconds',
      '(root): unknown key: "tick"',
    ]);
  });

  it('needs the timeline in time order', () => {
    const s = valid();
    s.timeline[3] = { ...s.timeline[3], t: 4000 };
    expect(errorsOf(s)).toEqual([
      'timeline[3].t: must not be earlier than the action before it (5000)',
    ]);
  });

  it('needs the devices and features that actions name', () => {
    const s = valid();
    s.timeline[1] = { ...s.timeline[1], device: 'rotor' };
    s.timeline[3] = { ...s.timeline[3], feature: 'rotate' };
    s.timeline.push({ t: 7000, do: 'device-lost', device: 'plug' });
    expect(errorsOf(s)).toEqual([
      'timeline[1].device: no device "rotor" in devices (wand)',
      'timeline[3].feature: device "wand" has no feature "rotate" (vibrate)',
      'timeline[4].device: no device "plug" in devices (wand)',
    ]);
  });

  it('needs device and feature ids that are unique and free of "/"', () => {
    const s = valid();
    const feature = { id: 'vibrate', kind: 'vibrate' };
    s.devices = [
      { id: 'wand', name: 'A', features: [feature, feature] },
      { id: 'wand', name: 'B', features: [feature] },
      { id: 'a/b', name: 'C', features: [{ id: 'c/d', kind: 'rotate' }] },
    ];
    expect(errorsOf(s)).toEqual([
      'devices[0].features[1].id: "vibrate" is already used by features[0] of this device',
      'devices[1].id: "wand" is already used by devices[0]',
      'devices[2].id: must not contain "/" (outputs are named device/feature)',
      'devices[2].features[0].id: must not contain "/" (outputs are named device/feature)',
    ]);
  });

  it('needs heartbeats more often than the agreed panel timeout', () => {
    const s = valid();
    s.panel = { heartbeatEveryMs: 5000 };
    expect(errorsOf(s)).toEqual([
      'panel.heartbeatEveryMs: must be shorter than agreement.panel.heartbeatTimeoutSeconds (5000 ms), or the panel counts as lost between heartbeats',
    ]);
  });

  it('refuses actions after untilMs, which would never run', () => {
    const s = valid();
    s.untilMs = 5500;
    expect(errorsOf(s)).toEqual(['timeline[3].t: is after untilMs (5500), so it would never run']);
  });

  it('checks a lowered limit with the core’s schema', () => {
    const s = valid();
    s.timeline.push({ t: 7000, do: 'lower-limit', limit: { kind: 'ramp', fullScaleSeconds: 0 } });
    expect(errorsOf(s)).toEqual(['timeline[4].limit.fullScaleSeconds: must be at least 1 second']);
  });

  it('says what it wanted when the file is not an object at all', () => {
    expect(errorsOf([])).toEqual(['(root): must be an object']);
  });
});
