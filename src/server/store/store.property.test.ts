import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SceneEvent } from '../../core';
import { sceneArb } from '../../../test/arbitraries/scene';
import { params } from '../../../test/support/property';
import { openStore, type Store } from './store';
import { withTempDir } from './temp-store.test-support';

/** Several scenes' logs, and the order their appends interleave in. */
const runArb = fc.record({
  scenes: fc.array(sceneArb({ maxEvents: 25 }), { minLength: 1, maxLength: 4 }),
  /** Which scene appends next; once used up, the rest follow scene by scene. */
  picks: fc.array(fc.nat(), { maxLength: 120 }),
  /** After how many appends the store is closed and reopened mid-run (past the end: never). */
  reopenAfter: fc.nat({ max: 130 }),
});

describe('the store, over random runs', () => {
  it('[S7] gives back each scene’s events in order after interleaved appends and reopens', () => {
    fc.assert(
      fc.property(runArb, ({ scenes, picks, reopenAfter }) => {
        withTempDir((dir) => {
          const path = join(dir, 'redline.sqlite');
          // A second scene.created (which the core refuses) never reaches a stored log: the
          // server creates a scene once, and the store refuses a different one by design.
          const logs = scenes.map((script, i): SceneEvent[] => [
            { ...script.created, sceneId: `scene-${i}` },
            ...script.events.filter((e) => e.type !== 'scene.created'),
          ]);
          const next = logs.map(() => 0);
          let store: Store = openStore({ path });
          let appended = 0;
          const advance = (i: number) => {
            const event = logs[i]?.[next[i] ?? 0];
            if (event === undefined) return;
            if (event.type === 'scene.created')
              store.createScene({ created: event, createdWallMs: i, participants: [] });
            else store.eventLog(`scene-${i}`).append(event);
            next[i] = (next[i] ?? 0) + 1;
            if (++appended === reopenAfter) {
              store.close();
              store = openStore({ path });
            }
          };
          for (const pick of picks) advance(pick % logs.length);
          logs.forEach((log, i) => {
            for (let k = 0; k < log.length; k++) advance(i);
          });
          store.close();

          const reopened = openStore({ path });
          try {
            logs.forEach((log, i) => {
              expect(reopened.events(`scene-${i}`)).toEqual({ ok: true, value: log });
              expect(reopened.scene(`scene-${i}`)?.eventCount).toBe(log.length);
            });
          } finally {
            reopened.close();
          }
        });
      }),
      params(40),
    );
  });
});
