import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * One server per store. A second `redline serve` on the same data folder would open the same
 * file and, on start, take the first one's live scenes for scenes a crash left behind: it would
 * write "interrupted" into logs the first server is still writing, while the first keeps
 * driving the toys. So a server holds a lock file beside the store (`redline.sqlite.lock`, its
 * process id inside) from before it opens the store until it has closed it.
 *
 * A lock whose process is gone (a crash, a power cut) is taken over. Readers (`redline replay`,
 * history, export) take no lock: the store lets them read while a server writes.
 */
export type DataLock = Readonly<{ path: string; release(): void }>;

export type LockOptions = Readonly<{
  /** This process (tests pass another). */
  pid?: number;
  /** Whether a process is running (tests pass their own). */
  alive?: (pid: number) => boolean;
}>;

/** Locks this process holds, and the process id in each: a second server in one process is refused too. */
const held = new Map<string, number>();

export function lockFileOf(databasePath: string): string {
  return `${databasePath}.lock`;
}

export function lockStore(
  databasePath: string,
  options: LockOptions = {},
): { ok: true; lock: DataLock } | { ok: false; error: string } {
  const pid = options.pid ?? process.pid;
  const alive = options.alive ?? processAlive;
  const path = lockFileOf(databasePath);
  const ours = held.get(path);
  if (ours !== undefined) return { ok: false, error: refusal(path, ours) };
  mkdirSync(dirname(path), { recursive: true });
  // Twice at most: once more after clearing a lock its process left behind.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, `${pid}\n`);
      } finally {
        closeSync(fd);
      }
      held.set(path, pid);
      return {
        ok: true,
        lock: {
          path,
          release: () => {
            release(path, pid);
          },
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(path);
    // Our own number in a lock this process does not hold: an earlier process that had it.
    if (holder !== null && holder !== pid && alive(holder))
      return { ok: false, error: refusal(path, holder) };
    rmSync(path, { force: true });
  }
  return { ok: false, error: `could not take the lock ${path}: another process keeps making it` };
}

function refusal(path: string, pid: number): string {
  return (
    `another Redline server (process ${pid}) is using this data folder; stop it first, or give ` +
    `this one another folder with --data. (If no Redline is running, delete ${path}.)`
  );
}

/** The process id in a lock file, or null if it holds none (cut short by a crash). */
function holderOf(path: string): number | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

function release(path: string, pid: number): void {
  if (held.get(path) !== pid) return;
  held.delete(path);
  // Only our own lock: never one a later server took over.
  if (holderOf(path) === pid) rmSync(path, { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
