import { describe, expect, it } from 'vitest';
import { parseAgreement } from '../agreement/agreement';
import { templateAgreement } from '../agreement/template';
import type { DeviceSpec } from '../scene/events';
import { builtInCatalogue } from './catalogue';
import { draftFromOverlap, RESTRAINT_CHECK_SECONDS } from './draft';
import type { Overlap, OverlapItem } from './overlap';

const names = { dominant: 'Robin', submissive: 'Sam' };
const match = {
  giver: 'dominant',
  receiver: 'submissive',
  giverRating: 'yes',
  receiverRating: 'yes',
} as const;

function overlapOf(...ids: string[]): Overlap {
  const items = ids.map((id): OverlapItem => {
    const item = builtInCatalogue.items.find((i) => i.id === id);
    if (item === undefined) throw new Error(`no item ${id}`);
    return {
      id,
      group: item.group,
      label: item.label,
      explanation: item.explanation,
      matches: [match],
    };
  });
  return { items };
}

const draft = (overlap: Overlap, devices: readonly DeviceSpec[] = []) =>
  draftFromOverlap({ overlap, catalogue: builtInCatalogue, names, devices });

describe('draftFromOverlap', () => {
  it('names the partners as the server requires: id = role, name as they joined', () => {
    const a = draft(overlapOf());
    expect(a.mode).toBe('pair');
    expect(a.participants).toEqual([
      { id: 'dominant', name: 'Robin', role: 'dominant' },
      { id: 'submissive', name: 'Sam', role: 'submissive' },
    ]);
    expect(parseAgreement(a)).toEqual({ ok: true, value: a });
  });

  it('with an empty overlap keeps every limit of the cautious template', () => {
    const a = draft(overlapOf());
    const t = templateAgreement({ mode: 'pair', names, devices: [] });
    expect(a.activities).toEqual([]);
    expect(a.outputs).toEqual(t.outputs);
    expect(a.postOrgasm).toEqual(t.postOrgasm);
    expect(a.orgasm).toEqual(t.orgasm);
    expect(a.restraint).toEqual({ used: false, checkIntervalSeconds: null });
    expect(a.checkIn).toEqual(t.checkIn);
    expect(a.safewords).toEqual({ red: 'red', yellow: 'yellow', nonVerbal: null });
  });

  it('lists the welcomed items as activities, in the overlap order', () => {
    expect(draft(overlapOf('hands', 'stroking', 'teasing-talk')).activities).toEqual([
      'hands',
      'stroking',
      'teasing-talk',
    ]);
  });

  it('uses restraint, with checks, only when a restraint other than "none" is welcomed', () => {
    expect(draft(overlapOf('restraint-none')).restraint.used).toBe(false);
    expect(draft(overlapOf('cuffs')).restraint).toEqual({
      used: true,
      checkIntervalSeconds: RESTRAINT_CHECK_SECONDS,
    });
    expect(draft(overlapOf('restraint-none', 'rope')).restraint.used).toBe(true);
  });

  it('takes the post-orgasm time from the shortest welcomed duration band', () => {
    expect(draft(overlapOf('post-orgasm-3-min', 'post-orgasm-10-min')).postOrgasm.maxSeconds).toBe(
      180,
    );
    expect(draft(overlapOf('post-orgasm-10-min')).postOrgasm.maxSeconds).toBe(600);
    expect(draft(overlapOf('post-orgasm-1-min', 'post-orgasm-10-min')).postOrgasm.maxSeconds).toBe(
      60,
    );
  });

  it('allows a second orgasm only when "multiple orgasms in a row" is welcomed', () => {
    expect(draft(overlapOf('hands')).orgasm.max).toBe(1);
    expect(draft(overlapOf('multiple-orgasms')).orgasm.max).toBe(2);
  });

  it('allows the output kinds of the connected toys, at the cautious ceiling', () => {
    const devices: DeviceSpec[] = [
      {
        id: 'd1',
        name: 'Wand',
        features: [
          { id: 'v', kind: 'vibrate' },
          { id: 'r', kind: 'rotate' },
        ],
      },
    ];
    const a = draft(overlapOf(), devices);
    expect(Object.keys(a.outputs).sort()).toEqual(['rotate', 'vibrate']);
    expect(a.toys).toBeUndefined();
  });

  it("applies a debrief's suggestions after the overlap: they only narrow", () => {
    const overlap = overlapOf('post-orgasm-10-min');
    const suggested = draftFromOverlap({
      overlap,
      catalogue: builtInCatalogue,
      names,
      devices: [],
      suggestions: [
        { change: { kind: 'post-orgasm-ceiling', to: 0.4 } },
        { change: { kind: 'post-orgasm-seconds', to: 450 } },
        // Already lower in the draft: stays as the overlap made it.
        { change: { kind: 'play-ceiling', to: 0.9 } },
      ],
    });
    const plain = draft(overlap);
    expect(suggested.postOrgasm).toEqual({ maxSeconds: 450, ceiling: 0.4 });
    expect(suggested.play).toEqual(plain.play);
    expect(parseAgreement(suggested)).toEqual({ ok: true, value: suggested });
  });
});
