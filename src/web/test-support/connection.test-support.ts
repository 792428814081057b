import type { Connection, ConnectionSnapshot } from '../net/connection';
import { INITIAL_SNAPSHOT } from '../net/connection-types';

/** A connection that sends nothing and always shows `snapshot`: for first-paint render tests. */
export function inertConnection(snapshot: ConnectionSnapshot = INITIAL_SNAPSHOT): Connection {
  return {
    send: () => null,
    snapshot: () => snapshot,
    subscribe: () => () => undefined,
    onEffects: () => () => undefined,
    retry: () => undefined,
    close: () => undefined,
  };
}
