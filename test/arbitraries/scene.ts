import fc from 'fast-check';
import {
  createScene,
  nextWakeAt,
  OUTPUT_KINDS,
  step,
  type Actor,
  type Agreement,
  type CreatedEvent,
  type DeviceSpec,
  type LimitChange,
  type SceneEvent,
} from '../../src/core';
import { devices as fixtureDevices } from '../fixtures/agreements';
import { agreementArb, levelArb, record } from './agreement';

/**
 * Random scene logs: `scene.created` and then events at non-decreasing times, a mix of every
 * event type with random senders (wrong roles included), unknown devices and features, limit
 * changes that narrow and that would widen, detected orgasms and distress, test pulses in set-up and out of it, and a panel that
 * is mostly steady but sometimes falls silent for longer than its timeout.
 */

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event without its time. */
export type EventBody = DistributiveOmit<SceneEvent, 'at'>;

export type SceneScript = Readonly<{ created: CreatedEvent; events: readonly SceneEvent[] }>;

const ACTORS = ['dominant', 'submissive', 'sensor', 'system'] as const;
const DEVICE_IDS = ['wand', 'duo', 'ring', 'egg'] as const;
const FEATURE_IDS = ['vibrate', 'rotate', 'squeeze', 'heat', 'tilt'] as const;

/** Senders: usually one who may send the event, sometimes anyone (wrong roles included). */
function actorArb(mode: Agreement['mode'], usual: readonly Actor[]): fc.Arbitrary<Actor> {
  const expected = usual.map((a) => (mode === 'solo' && a === 'dominant' ? 'submissive' : a));
  return fc.oneof(
    { arbitrary: fc.constantFrom(...expected), weight: 12 },
    { arbitrary: fc.constantFrom(...ACTORS), weight: 1 },
  );
}

export const devicesArb: fc.Arbitrary<DeviceSpec[]> = fc
  .oneof(
    { arbitrary: fc.constant(fixtureDevices), weight: 3 },
    {
      arbitrary: fc.uniqueArray(
        record({
          id: fc.constantFrom(...DEVICE_IDS),
          features: fc.uniqueArray(
            record({
              id: fc.constantFrom(...FEATURE_IDS),
              kind: fc.constantFrom(...OUTPUT_KINDS),
            }),
            { minLength: 1, maxLength: 3, selector: (f) => f.id },
          ),
        }),
        { minLength: 0, maxLength: 3, selector: (d) => d.id },
      ),
      weight: 2,
    },
  )
  .map((list) => list.map((d) => ({ ...d, name: `Device ${d.id}` })));

export const limitChangeArb: fc.Arbitrary<LimitChange> = fc.oneof(
  record({
    kind: fc.constant('output-ceiling' as const),
    output: fc.constantFrom(...OUTPUT_KINDS),
    value: levelArb,
  }),
  record({
    kind: fc.constant('phase-ceiling' as const),
    phase: fc.constantFrom('warm-up' as const, 'play' as const, 'post-orgasm' as const),
    value: levelArb,
  }),
  record({
    kind: fc.constant('ramp' as const),
    fullScaleSeconds: fc.oneof(
      fc.integer({ min: 1, max: 60 }),
      fc.double({ min: 1, max: 3600, noNaN: true }),
    ),
  }),
  record({
    kind: fc.constant('post-orgasm-seconds' as const),
    value: fc.oneof(
      fc.integer({ min: 0, max: 300 }),
      fc.double({ min: 0, max: 3600, noNaN: true }),
    ),
  }),
  record({ kind: fc.constant('orgasms' as const), value: fc.integer({ min: 0, max: 20 }) }),
);

function bodyArb(created: CreatedEvent, setUp: boolean): fc.Arbitrary<EventBody[]> {
  const mode = created.agreement.mode;
  const by = (usual: readonly Actor[]) => actorArb(mode, usual);
  const either = by(['dominant', 'submissive']);
  const sub = by(['submissive']);
  const one = <T extends EventBody>(arb: fc.Arbitrary<T>): fc.Arbitrary<EventBody[]> =>
    arb.map((b) => [b]);
  const known = created.devices.flatMap((d) => d.features.map((f) => [d.id, f.id] as const));
  const featureArb: fc.Arbitrary<readonly [string, string]> =
    known.length === 0
      ? fc.tuple(fc.constantFrom(...DEVICE_IDS, 'ghost'), fc.constantFrom(...FEATURE_IDS, 'nope'))
      : fc.oneof(
          { arbitrary: fc.constantFrom(...known), weight: 8 },
          {
            arbitrary: fc.tuple(
              fc.constantFrom(...DEVICE_IDS, 'ghost'),
              fc.constantFrom(...FEATURE_IDS, 'nope'),
            ),
            weight: 1,
          },
        );
  const deviceIds = [...created.devices.map((d) => d.id), 'ghost'];
  const pulse = by(['dominant']).map(
    (b) =>
      ([device, feature]: readonly [string, string]): EventBody => ({
        type: 'device.tested',
        by: b,
        device,
        feature,
      }),
  );
  // Reds first among them: a red during a pulse is what most needs testing (S1).
  const pulseEnderArb: fc.Arbitrary<EventBody> = fc.oneof(
    {
      arbitrary: record({
        type: fc.constant('safeword' as const),
        by: either,
        word: fc.constant('red' as const),
      }),
      weight: 4,
    },
    {
      arbitrary: record({
        type: fc.constant('checkin.answered' as const),
        by: sub,
        answer: fc.constantFrom('red' as const, 'yellow' as const),
      }),
      weight: 3,
    },
    record({
      type: fc.constant('safeword' as const),
      by: either,
      word: fc.constant('yellow' as const),
    }),
    either.map((b) => ({ type: 'consent.withdrawn' as const, by: b })),
    either.map((b) => ({ type: 'scene.start' as const, by: b })),
    either.map((b) => ({ type: 'scene.end' as const, by: b })),
    by(['system']).map((b) => ({ type: 'scene.interrupted' as const, by: b })),
    record({
      type: fc.constant('device.lost' as const),
      by: by(['system']),
      device: fc.constantFrom(...deviceIds),
    }),
  );
  const recreated: EventBody = {
    type: 'scene.created',
    sceneId: created.sceneId,
    agreement: created.agreement,
    devices: created.devices,
  };

  const w = (weight: number, arbitrary: fc.Arbitrary<EventBody[]>) => ({ weight, arbitrary });
  return fc.oneof(
    w(100, one(sub.map((b) => ({ type: 'panel.heartbeat' as const, by: b })))),
    w(100, fc.constant([{ type: 'tick' as const }])),
    w(30, one(either.map((b) => ({ type: 'scene.start' as const, by: b })))),
    w(
      250,
      fc
        .tuple(by(['dominant']), featureArb, levelArb)
        .map(([b, [device, feature], value]) => [
          { type: 'intensity.requested' as const, by: b, device, feature, value },
        ]),
    ),
    w(
      40,
      one(
        by(['dominant', 'submissive', 'sensor']).map((b) => ({
          type: 'orgasm.marked' as const,
          by: b,
        })),
      ),
    ),
    // Detectors: an orgasm with its confidence, and distress. Only "sensor" may send them.
    w(
      20,
      one(
        record({
          type: fc.constant('orgasm.detected' as const),
          by: by(['sensor']),
          confidence: fc.oneof(levelArb, fc.constantFrom(0, 0.5, 0.8, 1)),
        }),
      ),
    ),
    w(6, one(by(['sensor']).map((b) => ({ type: 'distress.detected' as const, by: b })))),
    w(30, one(by(['dominant', 'sensor']).map((b) => ({ type: 'edge.started' as const, by: b })))),
    w(30, one(by(['dominant', 'sensor']).map((b) => ({ type: 'edge.ended' as const, by: b })))),
    w(
      40,
      one(
        record({
          type: fc.constant('checkin.answered' as const),
          by: sub,
          answer: fc.oneof(
            { arbitrary: fc.constant('green' as const), weight: 40 },
            { arbitrary: fc.constant('yellow' as const), weight: 10 },
            { arbitrary: fc.constant('red' as const), weight: 1 },
          ),
        }),
      ),
    ),
    w(
      15,
      one(
        record({
          type: fc.constant('safeword' as const),
          by: either,
          word: fc.oneof(
            { arbitrary: fc.constant('yellow' as const), weight: 5 },
            { arbitrary: fc.constant('red' as const), weight: 1 },
          ),
        }),
      ),
    ),
    w(30, one(sub.map((b) => ({ type: 'signal.held' as const, by: b })))),
    w(15, one(sub.map((b) => ({ type: 'signal.released' as const, by: b })))),
    w(10, one(sub.map((b) => ({ type: 'signal.tapped' as const, by: b })))),
    // A burst of taps close together, as a tap pattern needs.
    w(
      4,
      fc
        .tuple(sub, fc.integer({ min: 2, max: 6 }))
        .map(([b, n]) =>
          Array.from({ length: n }, () => ({ type: 'signal.tapped' as const, by: b })),
        ),
    ),
    w(
      2,
      one(
        record({
          type: fc.constant('device.lost' as const),
          by: by(['system']),
          device: fc.constantFrom(...deviceIds),
        }),
      ),
    ),
    // The set-up's test pulse: valid in set-up on a known output, refused everywhere else.
    w(
      setUp ? 60 : 20,
      fc.tuple(pulse, featureArb).map(([p, f]) => [p(f)]),
    ),
    // A pulse and, while it runs, something that must end it (or another pulse).
    w(
      setUp ? 60 : 3,
      fc
        .tuple(pulse, featureArb, fc.oneof(pulseEnderArb, fc.tuple(pulse, featureArb)))
        .map(([p, f, then]) => [p(f), Array.isArray(then) ? then[0](then[1]) : then]),
    ),
    w(
      30,
      one(
        record({
          type: fc.constant('limit.lowered' as const),
          by: either,
          limit: limitChangeArb,
        }),
      ),
    ),
    w(1, one(either.map((b) => ({ type: 'consent.withdrawn' as const, by: b })))),
    // The shell's own: a restarted server brings the scene back stopped. Wrong senders too.
    w(1, one(by(['system']).map((b) => ({ type: 'scene.interrupted' as const, by: b })))),
    w(1, one(either.map((b) => ({ type: 'scene.end' as const, by: b })))),
    w(10, one(either.map((b) => ({ type: 'phase.next' as const, by: b })))),
    // A second creation, which the machine must refuse.
    w(1, fc.constant([recreated])),
  );
}

/** Milliseconds to the next event: mostly short, sometimes minutes. */
const gapArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constant(0), weight: 10 },
  { arbitrary: fc.integer({ min: 1, max: 1500 }), weight: 80 },
  { arbitrary: fc.integer({ min: 1500, max: 10_000 }), weight: 20 },
  { arbitrary: fc.integer({ min: 10_000, max: 60_000 }), weight: 4 },
  { arbitrary: fc.integer({ min: 60_000, max: 900_000 }), weight: 1 },
);

/**
 * How a scene begins: as it comes, with a test pulse in set-up, or with the panel heard and the
 * scene started (holding).
 */
type Prologue = 'none' | 'pulse' | 'start' | 'held';

/**
 * When an op happens: after a gap (a silent one has no heartbeats in it), or right at the next
 * moment a timer falls due (`nextWakeAt`), where an event races the timer in one step.
 */
type When =
  | Readonly<{ kind: 'gap'; gap: number; silent: boolean }>
  | Readonly<{ kind: 'wake'; offset: number }>;
type Op = Readonly<{ when: When; bodies: EventBody[] }>;

/** What tends to race a deadline: the panel's answers, beats and signals. */
function raceBodyArb(created: CreatedEvent, setUp: boolean): fc.Arbitrary<EventBody[]> {
  const sub = actorArb(created.agreement.mode, ['submissive']);
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(
          sub,
          fc.oneof(
            { arbitrary: fc.constant('green' as const), weight: 10 },
            { arbitrary: fc.constant('yellow' as const), weight: 3 },
            { arbitrary: fc.constant('red' as const), weight: 1 },
          ),
        )
        .map(([by, answer]) => [{ type: 'checkin.answered' as const, by, answer }]),
      weight: 6,
    },
    { arbitrary: sub.map((by) => [{ type: 'panel.heartbeat' as const, by }]), weight: 2 },
    { arbitrary: sub.map((by) => [{ type: 'signal.held' as const, by }]), weight: 1 },
    { arbitrary: sub.map((by) => [{ type: 'signal.released' as const, by }]), weight: 1 },
    { arbitrary: bodyArb(created, setUp), weight: 3 },
  );
}

function opArb(created: CreatedEvent, setUp: boolean): fc.Arbitrary<Op> {
  const timeoutMs = Math.ceil(created.agreement.panel.heartbeatTimeoutSeconds * 1000);
  const gap = (arbitrary: fc.Arbitrary<number>, silent: boolean) =>
    record({ kind: fc.constant('gap' as const), gap: arbitrary, silent: fc.constant(silent) });
  return fc.oneof(
    {
      arbitrary: record({ when: gap(gapArb, false), bodies: bodyArb(created, setUp) }),
      weight: 40,
    },
    // The panel falls silent for a while, often longer than its timeout.
    {
      arbitrary: record({
        when: gap(fc.integer({ min: 0, max: 3 * timeoutMs }), true),
        bodies: bodyArb(created, setUp),
      }),
      weight: 1,
    },
    {
      arbitrary: record({
        when: record({
          kind: fc.constant('wake' as const),
          offset: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })),
        }),
        bodies: raceBodyArb(created, setUp),
      }),
      weight: 15,
    },
  );
}

/**
 * Turns ops into timed events, stepping the scene as it goes to know when its timers fall due.
 * A steady panel beats every 0.8 × timeout through any gap that is not silent, so scenes live
 * long enough to reach every phase; a silent gap has no beats.
 *
 * Stepping here only decides when events happen; the properties step the log again themselves.
 */
function timeEvents(
  created: CreatedEvent,
  prologue: Prologue,
  pick: number,
  ops: readonly Op[],
): SceneEvent[] {
  const beatEvery = Math.max(1, Math.floor(created.agreement.panel.heartbeatTimeoutSeconds * 800));
  const events: SceneEvent[] = [];
  let state = createScene(created).state;
  let now = created.at;
  const panel: { lastBeat: number | null } = { lastBeat: null };
  const push = (event: SceneEvent) => {
    events.push(event);
    state = step(state, event).state;
    if (event.type === 'panel.heartbeat' && event.by === 'submissive') panel.lastBeat = event.at;
  };
  const outputs = created.devices.flatMap((d) => d.features.map((f) => [d.id, f.id] as const));
  const tested = outputs[pick % Math.max(1, outputs.length)];
  if (prologue === 'pulse' && tested !== undefined) {
    const by = created.agreement.mode === 'solo' ? 'submissive' : 'dominant';
    push({ type: 'panel.heartbeat', at: now, by: 'submissive' });
    push({ type: 'device.tested', at: now, by, device: tested[0], feature: tested[1] });
  } else if (prologue === 'start' || prologue === 'held') {
    push({ type: 'panel.heartbeat', at: now, by: 'submissive' });
    if (prologue === 'held') push({ type: 'signal.held', at: now, by: 'submissive' });
    push({ type: 'scene.start', at: now, by: 'submissive' });
  }
  for (const { when, bodies } of ops) {
    let target = now;
    if (when.kind === 'gap') target = now + when.gap;
    else {
      const wake = nextWakeAt(state);
      if (wake !== null) target = Math.max(now, Math.ceil(wake) + when.offset);
    }
    const silent = when.kind === 'gap' && when.silent;
    // After a stop the panel's beats change nothing: the scene never runs again.
    if (!silent && panel.lastBeat !== null && state.stop === null && state.phase !== 'closed') {
      for (let t = Math.max(panel.lastBeat + beatEvery, now); t < target; t += beatEvery)
        push({ type: 'panel.heartbeat', at: t, by: 'submissive' });
    }
    now = target;
    bodies.forEach((body, i) => {
      // Bursts (taps) follow each other within a few hundred milliseconds.
      if (i > 0) now += 150;
      push({ ...body, at: now });
    });
  }
  return events;
}

export type SceneArbOptions = Readonly<{
  agreement?: fc.Arbitrary<Agreement>;
  maxEvents?: number;
  /**
   * Scenes that dwell in set-up: most begin with a test pulse, and pulses (alone or with what
   * should end them) come up often.
   */
  setUp?: boolean;
}>;

/** A scene log: creation (fixture or generated agreement) then random timed events. */
export function sceneArb(options: SceneArbOptions = {}): fc.Arbitrary<SceneScript> {
  const maxLength = options.maxEvents ?? 150;
  const setUp = options.setUp ?? false;
  const prologueArb: fc.Arbitrary<Prologue> = setUp
    ? fc.oneof({ arbitrary: fc.constant('pulse'), weight: 3 }, fc.constant('none'))
    : fc.oneof(
        { arbitrary: fc.constantFrom<Prologue>('none', 'pulse'), weight: 1 },
        { arbitrary: fc.constant<Prologue>('start'), weight: 1 },
        { arbitrary: fc.constant<Prologue>('held'), weight: 2 },
      );
  return fc
    .record({
      agreement: options.agreement ?? agreementArb,
      devices: devicesArb,
      at: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 })),
    })
    .map(({ agreement, devices, at }): CreatedEvent => ({
      type: 'scene.created',
      at,
      sceneId: 'scene-1',
      agreement,
      devices,
    }))
    .chain((created) =>
      fc
        .record({
          prologue: prologueArb,
          pick: fc.nat(),
          ops: fc.array(opArb(created, setUp), { maxLength, size: 'max' }),
        })
        .map(({ prologue, pick, ops }) => ({
          created,
          events: timeEvents(created, prologue, pick, ops),
        })),
    );
}
