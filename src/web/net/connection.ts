import type { SocketLike, Connection, ConnectionOptions } from './connection-types';
import { createConnection } from './connection-core';
import { loadCredentials, rememberLastSeq } from './credentials';

export type * from './connection-types';
export { createConnection } from './connection-core';

/** The browser's connection: a real WebSocket, real timers, lastSeq kept with the credentials. */
export function openConnection(options: ConnectionOptions): Connection {
  return createConnection(options, {
    createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (id) => {
      clearTimeout(id);
    },
    now: () => performance.now(),
    loadLastSeq: () => loadCredentials(options.sceneId)?.lastSeq ?? 0,
    saveLastSeq: (seq) => {
      rememberLastSeq(options.sceneId, seq);
    },
  });
}
