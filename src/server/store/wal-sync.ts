import { close, closeSync, fsync, fsyncSync, openSync } from 'node:fs';

/**
 * Makes a store's committed writes durable off the event loop (decision 0019). Group commits run
 * with `synchronous = NORMAL`, which in WAL mode writes the transaction to the WAL without an
 * fsync; one fsync of the WAL file then covers every commit written before it began. The fsync
 * runs on libuv's thread pool, so a red arriving meanwhile is read and stopped at once.
 */
export type WalSync = Readonly<{
  /** Starts one fsync of the WAL; `done` hears when it has ended (with the error, if any). */
  sync(done: (error: Error | null) => void): void;
  /** The same, blocking until it has ended: for closing the store. Throws what fsync threw. */
  syncNow(): void;
  /** No more syncs: the file is closed now, or when the sync under way ends. */
  close(): void;
}>;

/**
 * The WAL file of the SQLite database at `databasePath` (`<path>-wal`), opened at the first sync:
 * it exists from the first commit in WAL mode. fsync covers the file's data whichever descriptor
 * wrote it, and SQLite keeps the same file (it rewinds it after a checkpoint rather than make a
 * new one) for as long as this process has the store open in WAL mode.
 */
export function walSync(databasePath: string): WalSync {
  const walPath = `${databasePath}-wal`;
  let fd: number | null = null;
  let busy = false;
  let closed = false;
  const file = (): number => (fd ??= openSync(walPath, 'r'));
  const release = () => {
    if (fd === null) return;
    const open = fd;
    fd = null;
    close(open, () => {
      // Nothing to do: a file opened only for reading has nothing left to lose.
    });
  };
  return {
    sync(done) {
      let descriptor: number;
      try {
        if (closed) throw new Error('the store is closed');
        descriptor = file();
      } catch (error) {
        queueMicrotask(() => {
          done(error as Error);
        });
        return;
      }
      busy = true;
      fsync(descriptor, (error) => {
        busy = false;
        if (closed) release();
        done(error);
      });
    },
    syncNow() {
      fsyncSync(file());
    },
    close() {
      if (closed) return;
      closed = true;
      if (busy || fd === null) return;
      const open = fd;
      fd = null;
      closeSync(open);
    },
  };
}
