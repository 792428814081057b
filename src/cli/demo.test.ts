import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pairAgreement } from '../../test/fixtures/agreements';
import { captureIo } from './capture-io';
import { demoCommand, LIVE_DEMO_HEADER } from './demo';
import type { SignalSource } from './signals';

/**
 * `redline demo` live: its own simulated device server, the Buttplug adapter over a real socket,
 * in real time. examples/live-demo.json takes about 40 s (examples.test.ts checks what it does on
 * the simulated clock); here the same command runs a scenario of about a second.
 */
const dir = mkdtempSync(join(tmpdir(), 'redline-demo-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const short = join(dir, 'short-demo.json');
writeFileSync(
  short,
  JSON.stringify({
    name: 'Short live demo',
    agreement: { ...pairAgreement, rampFullScaleSeconds: 1, warmUp: { seconds: 5, ceiling: 0.5 } },
    tickMs: 100,
    panel: { heartbeatEveryMs: 500 },
    timeline: [
      { t: 100, do: 'start' },
      { t: 100, do: 'intensity', device: 'wand', feature: 'vibrate', value: 0.5 },
      { t: 900, do: 'safeword', word: 'red' },
    ],
  }),
);

describe('redline demo (live)', () => {
  it('[S1] drives a virtual toy over the real protocol, shows its levels, stops it and exits 0', async () => {
    const capture = captureIo();
    expect(await demoCommand([], capture.io, { scenarioPath: short })).toBe(0);
    expect(capture.stderr()).toBe('');
    const out = capture.stdout();
    expect(out.startsWith(LIVE_DEMO_HEADER)).toBe(true);
    expect(out).toContain('restraint release or safety shears');
    expect(out).toMatch(
      /Simulated device server at ws:\/\/127\.0\.0\.1:\d+, with:\n {2}#0 Lovense Lush: Vibrate 0 to 20/,
    );
    expect(out).toMatch(/ {2}00:00\.000 {2}device {5}wand\/vibrate → lovense-lush-0\/vibrate-0\n/);
    expect(out).toMatch(/ {2}\d\d:\d\d\.\d{3} {2}toy {8}#0 Lovense Lush {2}Vibrate 0 +10\/20 +50%/);
    expect(out).toMatch(/■ \d\d:\d\d\.\d{3} {2}STOP {7}red \(submissive\)\n/);
    expect(out).toMatch(/toy {8}#0 Lovense Lush {2}Vibrate 0 +0\/20 +0% .*stopped by StopCmd\n/);
    expect(out).toMatch(/end {8}stopped, stopped at .*: red \(submissive\), \d+ events\n/);
    expect(
      out.endsWith('\nEvery virtual toy is at zero and the simulated device server is closed.\n'),
    ).toBe(true);
  });

  it('Ctrl+C stops the toy first and exits 130', async () => {
    const capture = captureIo();
    let interrupt: () => void = () => undefined;
    const signals: SignalSource = (listener) => {
      interrupt = () => {
        listener('SIGINT');
      };
      return () => undefined;
    };
    const running = demoCommand([], capture.io, { scenarioPath: short, signals });
    setTimeout(() => {
      interrupt();
    }, 400);
    expect(await running).toBe(130);
    expect(capture.stdout()).toMatch(/end {8}warm-up, not stopped/);
    expect(capture.stdout()).toContain('stopped by StopCmd');
    expect(capture.stderr()).toContain('redline demo: stopped by SIGINT');
  });

  it('refuses an unknown option', async () => {
    const capture = captureIo();
    expect(await demoCommand(['--slow'], capture.io)).toBe(2);
    expect(capture.stderr()).toContain("redline demo: Unknown option '--slow'");
  });
});
