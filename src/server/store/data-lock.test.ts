import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFileOf, lockStore, type DataLock } from './data-lock';

describe('one server per store (data-lock.ts)', () => {
  const dirs: string[] = [];
  const locks: DataLock[] = [];
  afterEach(() => {
    for (const lock of locks.splice(0)) lock.release();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  /** A store path in a folder that does not exist yet (the lock makes it, as the store would). */
  const storePath = () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-lock-'));
    dirs.push(dir);
    return join(dir, 'data', 'redline.sqlite');
  };
  const take = (path: string, options?: Parameters<typeof lockStore>[1]) => {
    const taken = lockStore(path, options);
    if (taken.ok) locks.push(taken.lock);
    return taken;
  };

  it('takes the lock beside the store with its process id, and gives it back', () => {
    const path = storePath();
    const taken = take(path, { pid: 1234 });
    expect(taken.ok).toBe(true);
    expect(readFileSync(lockFileOf(path), 'utf8')).toBe('1234\n');
    if (taken.ok) taken.lock.release();
    expect(existsSync(lockFileOf(path))).toBe(false);
    // Given back, it can be taken again.
    expect(take(path, { pid: 1234 }).ok).toBe(true);
  });

  it('refuses while another running process holds it, and leaves its lock alone', () => {
    const path = storePath();
    expect(take(path, { pid: 4242 }).ok).toBe(true);
    locks.pop()?.release();
    writeFileSync(lockFileOf(path), '4242\n');
    const second = take(path, { pid: 5000, alive: (pid) => pid === 4242 });
    expect(second).toEqual({
      ok: false,
      error:
        'another Redline server (process 4242) is using this data folder; stop it first, or give ' +
        `this one another folder with --data. (If no Redline is running, delete ${lockFileOf(path)}.)`,
    });
    expect(readFileSync(lockFileOf(path), 'utf8')).toBe('4242\n');
  });

  it('takes over a lock whose process is gone, or that holds no process id', () => {
    for (const left of ['4242\n', '', 'not a number\n']) {
      const path = storePath();
      expect(take(path, { pid: 1 }).ok).toBe(true);
      locks.pop()?.release();
      writeFileSync(lockFileOf(path), left);
      const taken = take(path, { pid: 5000, alive: () => false });
      expect(taken.ok).toBe(true);
      expect(readFileSync(lockFileOf(path), 'utf8')).toBe('5000\n');
    }
  });

  it('takes over its own process id left by an earlier process (a restarted container reuses it)', () => {
    const path = storePath();
    expect(take(path, { pid: 1 }).ok).toBe(true);
    locks.pop()?.release();
    writeFileSync(lockFileOf(path), '7\n');
    expect(take(path, { pid: 7, alive: () => true }).ok).toBe(true);
  });

  it('refuses a second server in the same process until the first gives the lock back', () => {
    const path = storePath();
    const first = take(path, { pid: 7 });
    const second = take(path, { pid: 7 });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error).toContain('process 7');
    if (first.ok) first.lock.release();
    expect(take(path, { pid: 7 }).ok).toBe(true);
  });

  it('never removes a lock another server took over after it', () => {
    const path = storePath();
    const first = take(path, { pid: 7 });
    writeFileSync(lockFileOf(path), '8\n');
    if (first.ok) first.lock.release();
    expect(readFileSync(lockFileOf(path), 'utf8')).toBe('8\n');
  });
});
