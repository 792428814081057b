import { isDeepStrictEqual } from 'node:util';
import { parseWith, sceneEventSchema, type Result, type SceneEvent } from '../../core';
import type { EventLog } from '../event-log';
import type { EventCodec } from './event-codec';
import type { Statements } from './statements';
import { reasonOf, StoreError } from './store-error';

export type StoredEventLog = EventLog & { readonly count: number };

/** What a scene's log needs from the store that holds it. */
export type LogContext = Readonly<{
  path: string;
  statements: Statements;
  codec: EventCodec;
  isOpen: () => boolean;
}>;

/**
 * A scene's log in the store: each append is one committed row (event number = count + 1), synced
 * to disk before `append` returns (S7). A failed append throws, and the log then refuses every
 * later event: storing them would leave a gap, and a log with a gap no longer replays to the
 * scene that ran. What is stored stays a true beginning of the scene; the server stops it.
 */
export function createStoredEventLog(
  context: LogContext,
  sceneId: string,
  storedCount: number,
): StoredEventLog {
  const { path, statements, codec } = context;
  let count = storedCount;
  let failedAt: number | null = null;
  const which = (n: number) => `event ${n} of scene "${sceneId}"`;

  /**
   * `createScene` already stored the created event as event 1, and the scene loop appends it
   * again when it starts: the same event is accepted without a second row; any other refused.
   */
  const isStoredCreated = (event: SceneEvent): boolean => {
    const first = statements.event.get(sceneId, 1);
    if (first === undefined) return false;
    try {
      if (isDeepStrictEqual(codec.decode(first.json), event)) return true;
    } catch {
      // An unreadable event 1 is not this event; events() reports it.
    }
    throw new StoreError(
      `scene "${sceneId}" already has its created event (event 1); a different one is refused`,
    );
  };

  return {
    get count() {
      return count;
    },
    append(event) {
      const n = count + 1;
      if (!context.isOpen())
        throw new StoreError(`could not store ${which(n)}: the store at ${path} is closed`);
      if (failedAt !== null)
        throw new StoreError(
          `could not store ${which(n)}: ${which(failedAt)} could not be stored, so nothing ` +
            `later is stored either (the log would have a gap)`,
        );
      if (event.type === 'scene.created' && isStoredCreated(event)) return;
      try {
        statements.insertEvent.run(sceneId, n, event.type, event.at, codec.encode(event));
      } catch (error) {
        failedAt = n;
        throw new StoreError(`could not store ${which(n)} in ${path}: ${reasonOf(error)}`, {
          cause: error,
        });
      }
      count = n;
    },
  };
}

/**
 * Every stored event of a scene, in order, each decoded and validated again: a row changed on
 * disk is reported (naming the scene and event number), never folded.
 */
export function readEvents(context: LogContext, sceneId: string): Result<SceneEvent[]> {
  const { statements, codec } = context;
  if (statements.scene.get(sceneId) === undefined)
    return { ok: false, errors: [`scene "${sceneId}" is not in the store`] };
  const events: SceneEvent[] = [];
  const errors: string[] = [];
  statements.events.all(sceneId).forEach((row, i) => {
    const where = `scene "${sceneId}", event ${row.n}`;
    if (row.n !== i + 1) errors.push(`${where}: found where event ${i + 1} should be`);
    let decoded: unknown;
    try {
      decoded = codec.decode(row.json);
    } catch (error) {
      errors.push(`${where}: the stored event cannot be read (${reasonOf(error)})`);
      return;
    }
    const parsed = parseWith(sceneEventSchema, decoded);
    if (!parsed.ok) {
      errors.push(...parsed.errors.map((e) => `${where}: ${e}`));
      return;
    }
    const event = parsed.value;
    if (event.type !== row.type || event.at !== row.at)
      errors.push(
        `${where}: the row says ${row.type} at ${row.at} but the event is ${event.type} at ${event.at}`,
      );
    if ((i === 0) !== (event.type === 'scene.created'))
      errors.push(`${where}: a scene's log starts with scene.created, and has it only there`);
    else if (event.type === 'scene.created' && event.sceneId !== sceneId)
      errors.push(`${where}: the created event names scene "${event.sceneId}"`);
    events.push(event);
  });
  return errors.length === 0 ? { ok: true, value: events } : { ok: false, errors };
}
