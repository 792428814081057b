import type { SceneEvent } from '../../core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { CreatedEvent } from '../../core';
import { created } from '../../../test/fixtures/agreements';
import { openStore, type Store } from './store';

/**
 * Real SQLite files in a fresh folder per test, closed and removed afterwards. Call at the top of
 * a `describe`; `open()` opens (or reopens) a store in that folder.
 */
export function useTempStores() {
  let dir: string | undefined;
  const opened: Store[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'redline-store-'));
  });
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    if (dir !== undefined)
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    dir = undefined;
  });
  const path = (name = 'redline.sqlite') => {
    if (dir === undefined) throw new Error('useTempStores: only inside a test');
    return join(dir, name);
  };
  return {
    path,
    open(name?: string): Store {
      const store = openStore({ path: path(name) });
      opened.push(store);
      return store;
    },
  };
}

/** Runs `body` with a fresh folder that is removed afterwards (for property runs). */
export function withTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'redline-store-'));
  try {
    return body(dir);
  } finally {
    // A journaling store's checkpoint thread closes its connection after `close` returns, and
    // may still be opening the file's companions as the folder goes: try again, as rm -rf would.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  }
}

/** The fixture's created event under another scene id. */
export function createdAs(sceneId: string, at = 0): CreatedEvent {
  return { ...created(undefined, at), sceneId };
}

/** Creates a pair scene with both participants; their secret hashes are `${sceneId}-dom`/`-sub`. */
export function addScene(store: Store, sceneId: string, createdWallMs = 1_000): CreatedEvent {
  const event = createdAs(sceneId);
  store.createScene({
    created: event,
    createdWallMs,
    participants: [
      { role: 'dominant', secretHash: `${sceneId}-dom` },
      { role: 'submissive', secretHash: `${sceneId}-sub` },
    ],
  });
  return event;
}

/** A scene's first moves, for store tests: the start, then an output asked for. */
export const startAndRaise: readonly SceneEvent[] = [
  { type: 'scene.start', at: 10, by: 'dominant' },
  {
    type: 'intensity.requested',
    at: 20,
    by: 'dominant',
    device: 'wand',
    feature: 'vibrate',
    value: 0.3,
  },
];
