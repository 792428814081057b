import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS, REDLINE_CIPHER_PRAGMAS } from './database';

/** What one checkpoint did, as `PRAGMA wal_checkpoint` says it (pages of the WAL). */
export type CheckpointResult = Readonly<{ busy: number; log: number; checkpointed: number }>;

export type Checkpointer = Readonly<{
  /** Asks for a checkpoint; ignored until the worker is ready, and while one runs. */
  request(): void;
  /** Lets the worker close its connection and end; nothing is asked of it after this. */
  close(): void;
}>;

export type CheckpointerOptions = Readonly<{
  path: string;
  passphrase?: string | undefined;
  /** The worker has the store open: the store's own connection may stop checkpointing. */
  onReady(): void;
  /** The worker could not start, or failed: the store's own connection checkpoints again. */
  onFailure(error: Error): void;
  onCheckpoint?: ((result: CheckpointResult) => void) | undefined;
}>;

/**
 * The worker, as a script: it opens the store (with its key, the cipher set as the store sets
 * it), then runs a PASSIVE checkpoint each time it is asked. PASSIVE never waits for a lock and
 * never blocks the server's writes: it copies what it can and leaves the rest for next time.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.module);
  db = new Database(workerData.path, { timeout: workerData.timeoutMs, fileMustExist: true });
  if (workerData.passphrase !== null) {
    for (const pragma of workerData.cipher) db.pragma(pragma);
    const key = Buffer.from(workerData.passphrase, 'utf8');
    try { db.key(key); } finally { key.fill(0); }
  }
  db.pragma('wal_autocheckpoint = 0');
  // A checkpoint copies pages through, it reads nothing twice: a small page cache will do.
  db.pragma('cache_size = -256');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  try { db?.close(); } catch {}
  parentPort.postMessage({ type: 'failed', message: String(error?.message ?? error) });
  parentPort.close();
}
parentPort.on('message', (message) => {
  if (message === 'close') {
    try { db?.close(); } catch {}
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ type: 'checkpointed', ...result });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: String(error?.message ?? error) });
  }
});
`;

type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | ({ type: 'checkpointed' } & CheckpointResult);

/**
 * Checkpoints the store's WAL on a thread of its own (decision 0019): copying the WAL's pages
 * into the database file and syncing both is the one long write left, and on the event loop a
 * red that arrived during it waited for it. The worker has a connection of its own; the store's
 * connection stops checkpointing once it is ready, and starts again if it ever fails.
 */
export function startCheckpointer(options: CheckpointerOptions): Checkpointer {
  let ready = false;
  let running = false;
  let ended = false;
  const worker = new Worker(WORKER, {
    eval: true,
    // It holds a connection and a few numbers: a small heap (issue 8 counts the server's memory).
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
    workerData: {
      module: createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers'),
      path: options.path,
      passphrase: options.passphrase ?? null,
      cipher: REDLINE_CIPHER_PRAGMAS,
      timeoutMs: BUSY_TIMEOUT_MS,
    },
  });
  // A checkpointer never keeps the process alive.
  worker.unref();
  const fail = (error: Error) => {
    if (ended) return;
    ended = true;
    ready = false;
    void worker.terminate();
    options.onFailure(error);
  };
  worker.on('message', (message: FromWorker) => {
    if (ended) return;
    switch (message.type) {
      case 'ready':
        ready = true;
        options.onReady();
        return;
      case 'failed':
        fail(new Error(`the store's checkpoint thread failed: ${message.message}`));
        return;
      case 'checkpointed':
        running = false;
        options.onCheckpoint?.({
          busy: message.busy,
          log: message.log,
          checkpointed: message.checkpointed,
        });
        return;
    }
  });
  worker.on('error', (error) => {
    fail(new Error(`the store's checkpoint thread failed: ${error.message}`));
  });
  worker.on('exit', () => {
    fail(new Error("the store's checkpoint thread ended"));
  });
  return {
    request() {
      if (!ready || running || ended) return;
      running = true;
      worker.postMessage('checkpoint');
    },
    close() {
      if (ended) return;
      ended = true;
      worker.postMessage('close');
    },
  };
}
