import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActive } from './phases';
import { sceneArb } from '../../../test/arbitraries/scene';
import { expectCoverage, params } from '../../../test/support/property';
import { check, keyOf, level, outputEffects, runScene, where } from '../../../test/support/run';

describe('timer properties', () => {
  it('[S5] a panel silent for its heartbeat timeout in an active phase stops the scene (panel-lost) at the first step at or after that moment', () => {
    const seen = { panelLost: 0, otherFirst: 0 };
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        const timeoutMs = script.created.agreement.panel.heartbeatTimeoutSeconds * 1000;
        /** The last heartbeat the machine had to take: the submissive's (also in solo mode). */
        let lastBeat: number | null = null;
        runScene(script, (t) => {
          const { prev, next, event } = t;
          const silentSince = lastBeat === null ? null : lastBeat + timeoutMs;
          if (event.type === 'panel.heartbeat' && event.by === 'submissive') lastBeat = t.at;
          const wasLive = prev.stop === null && isActive(prev.phase);
          if (next.stop?.cause === 'panel-lost' && prev.stop === null) {
            // Never a false alarm: only after a real silence, and at its very moment.
            check(silentSince !== null && silentSince <= t.at, () => `${where(t)}: no silence`);
            expect(next.stop.at, where(t)).toBe(silentSince);
          }
          if (!wasLive || silentSince === null || silentSince > t.at) return;
          check(next.stop !== null, () => `${where(t)}: silent since ${silentSince}, not stopped`);
          if (next.stop.cause === 'panel-lost') {
            seen.panelLost++;
            expect(next.stop.at, where(t)).toBe(silentSince);
          } else {
            seen.otherFirst++;
            check(
              next.stop.at <= silentSince,
              () => `${where(t)}: stopped for ${next.stop?.cause} after the panel was lost`,
            );
          }
        });
      }),
      run,
    );
    expectCoverage('[S5] panel-lost stops', seen.panelLost, run, 0.08);
  });

  it('[S2] the post-orgasm phase is never longer than agreed: from first orgasm + postOrgasm.maxSeconds, outputs are 0 and the phase is over', () => {
    let timeUp = 0;
    const run = params(2000);
    fc.assert(
      fc.property(sceneArb(), (script) => {
        const maxMs = script.created.agreement.postOrgasm.maxSeconds * 1000;
        let firstOrgasm: number | null = null;
        runScene(script, (t) => {
          const { next, effects } = t;
          const orgasm = effects.find((e) => e.type === 'orgasm');
          if (firstOrgasm === null && orgasm !== undefined) firstOrgasm = orgasm.at;
          if (firstOrgasm === null || next.now < firstOrgasm + maxMs) return;
          const endsAt = firstOrgasm + maxMs;
          if (isActive(t.prev.phase)) timeUp++;
          check(!isActive(next.phase), () => `${where(t)}: still ${next.phase} after ${endsAt}`);
          check(
            next.stop !== null && next.stop.at <= endsAt,
            () => `${where(t)}: not stopped by ${endsAt}`,
          );
          for (const f of next.features)
            check(level(next, f) === 0, () => `${where(t)}: ${keyOf(f)} on after ${endsAt}`);
          for (const e of outputEffects(effects))
            check(e.value === 0, () => `${where(t)}: output ${e.value} after ${endsAt}`);
        });
      }),
      run,
    );
    expectCoverage('[S2] post-orgasm time running out', timeUp, run, 0.04);
  });
});
