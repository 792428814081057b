import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The one spawned test: the real bin/redline.js and its exit status. It runs `demo --fast`:
 * `npm start` (`demo`, live) takes about 40 s of real time, so demo.test.ts runs that path
 * in-process with a scenario of a second or two.
 */
describe('bin/redline.js', () => {
  const bin = fileURLToPath(new URL('../../bin/redline.js', import.meta.url));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

  it('runs the demo and sets the exit status', () => {
    const demo = run('demo', '--fast');
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('No toy is connected');
    expect(demo.stdout).toMatch(/end {8}debrief, stopped at .*: time \(system\)/);
    expect(run('no-such-command').status).toBe(2);
  });
});
