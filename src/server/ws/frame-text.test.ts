import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createScene,
  step,
  type Audience,
  type Effect,
  type PromptKind,
  type SceneState,
} from '../../core';
import { CHECKLIST_ITEMS, ERROR_CODES } from '../../protocol/frames';
import { sceneView, type ServerFrame, type ViewExtras } from '../../protocol/view';
import { record } from '../../../test/arbitraries/agreement';
import { sceneArb } from '../../../test/arbitraries/scene';
import { created, pairAgreement } from '../../../test/fixtures/agreements';
import { params } from '../../../test/support/property';
import { frameText } from './frame-text';

/** Any text, lone surrogates and control characters included: JSON must escape them alike. */
const textArb = fc.string({ unit: 'binary', maxLength: 40 });
const timeArb = fc.nat({ max: 10_000_000 });
/** Any finite number: JSON has no NaN or infinity, and a view never holds one. */
const numberArb = fc.double({ noNaN: true, noDefaultInfinity: true });

/** What the server adds to the core's state (set-up, presence, readings), random; `now` apart. */
const extrasArb: fc.Arbitrary<Omit<ViewExtras, 'now'>> = record({
  setup: record({
    checklist: fc.subarray([...CHECKLIST_ITEMS]),
    checked: fc.subarray([...CHECKLIST_ITEMS]),
    testStop: fc.option(record({ at: timeArb, ok: fc.boolean(), message: textArb })),
    missing: fc.array(textArb, { maxLength: 3 }),
  }),
  presence: record({ console: fc.boolean(), panel: fc.boolean() }),
  heartRate: fc.option(record({ bpm: fc.integer({ min: 20, max: 250 }), at: timeArb })),
  pressure: fc.option(record({ value: numberArb, at: timeArb })),
  lastCheckIn: fc.option(
    record({
      at: timeArb,
      answer: fc.constantFrom<'green' | 'yellow' | 'red'>('green', 'yellow', 'red'),
    }),
  ),
});

/** Effects no step of these scenes may make, with words in them: a prompt's items, a refusal. */
const wordyEffectsArb: fc.Arbitrary<Effect[]> = fc.array(
  fc.oneof(
    record({
      type: fc.constant('prompt' as const),
      at: timeArb,
      prompt: fc.constantFrom<PromptKind>('aftercare', 'check-in', 'debrief'),
      to: fc.constantFrom<Audience>('submissive', 'dominant', 'both'),
      items: fc.array(textArb, { maxLength: 3 }),
    }),
    record({
      type: fc.constant('rejected' as const),
      at: timeArb,
      event: fc.constant('tick' as const),
      reason: textArb,
    }),
  ),
  { maxLength: 3 },
);

/** What a screen receives for the frame: the text parsed back. */
const received = (frame: ServerFrame): unknown => JSON.parse(frameText(frame));
const asJson = (frame: ServerFrame): unknown => JSON.parse(JSON.stringify(frame));

const viewOf = (state: SceneState, extras: Omit<ViewExtras, 'now'>, now = state.now) =>
  sceneView(state, { ...extras, now });

describe('frameText', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes every view of a random scene as JSON.stringify would, up to the order of keys', () => {
    fc.assert(
      fc.property(
        sceneArb({ maxEvents: 25 }),
        extrasArb,
        fc.nat({ max: 5_000 }),
        wordyEffectsArb,
        (script, extras, lag, wordy) => {
          let { state } = createScene(script.created);
          const frames: ServerFrame[] = [
            { type: 'view', view: viewOf(state, extras), effects: wordy },
          ];
          for (const event of script.events) {
            const next = step(state, event);
            state = next.state;
            frames.push({
              type: 'view',
              view: viewOf(state, extras, state.now + lag),
              effects: next.effects,
            });
          }
          for (const frame of frames) {
            expect(received(frame)).toEqual(asJson(frame));
            expect(frameText(frame)).toBe(frameText(frame));
          }
        },
      ),
      params(50),
    );
  });

  it('writes welcome, ack, error and bye frames as JSON.stringify would', () => {
    const frameArb: fc.Arbitrary<ServerFrame> = fc.oneof(
      fc
        .tuple(sceneArb({ maxEvents: 5 }), extrasArb, textArb, fc.nat())
        .map(([script, extras, sceneId, lastSeq]): ServerFrame => {
          let { state } = createScene(script.created);
          for (const event of script.events) state = step(state, event).state;
          return {
            type: 'welcome',
            role: lastSeq % 2 === 0 ? 'dominant' : 'submissive',
            sceneId,
            lastSeq,
            view: viewOf(state, extras),
          };
        }),
      record({ type: fc.constant('ack' as const), seq: fc.nat() }),
      fc.record(
        {
          type: fc.constant('error' as const),
          code: fc.constantFrom(...ERROR_CODES),
          message: textArb,
          seq: fc.nat(),
        },
        { requiredKeys: ['type', 'code', 'message'], noNullPrototype: true },
      ),
      record({ type: fc.constant('bye' as const), reason: textArb }),
    );
    fc.assert(
      fc.property(frameArb, (frame) => {
        expect(received(frame)).toEqual(asJson(frame));
        expect(frameText(frame)).toBe(JSON.stringify(frame));
      }),
      params(100),
    );
  });

  it('writes a frame once, and a scene’s agreement and devices once for all its views', () => {
    // A copy of its own: no earlier test has written this agreement out yet.
    const scene = createScene({ ...created(), agreement: structuredClone(pairAgreement) }).state;
    const extras: Omit<ViewExtras, 'now'> = {
      setup: { checklist: ['water'], checked: [], testStop: null, missing: ['a panel'] },
      presence: { console: true, panel: false },
      heartRate: null,
      pressure: null,
      lastCheckIn: null,
    };
    const first: ServerFrame = { type: 'view', view: viewOf(scene, extras, 100), effects: [] };
    const later: ServerFrame = { type: 'view', view: viewOf(scene, extras, 200), effects: [] };
    const stringify = vi.spyOn(JSON, 'stringify');
    const written = (value: unknown) => stringify.mock.calls.filter(([v]) => v === value).length;

    const text = frameText(first);
    expect(frameText(first)).toBe(text);
    expect(written(first.view.agreement)).toBe(1);
    expect(written(first.view.devices)).toBe(1);
    const laterText = frameText(later);
    expect(laterText).not.toBe(text);
    expect(JSON.parse(laterText)).toMatchObject({ view: { now: 200 } });
    expect(JSON.parse(text)).toMatchObject({ view: { now: 100 } });
    // The later view took its agreement and devices from the first: neither written again.
    expect(written(first.view.agreement)).toBe(1);
    expect(written(first.view.devices)).toBe(1);
    // Once for the screens of a broadcast: asked again for the same view, nothing is written.
    const calls = stringify.mock.calls.length;
    const again = frameText(later);
    expect(stringify.mock.calls.length).toBe(calls);
    expect(again).toBe(laterText);
  });
});
