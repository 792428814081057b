import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { connectRaw } from '../../../test/support/buttplug-raw-client';
import { captureIo } from '../capture-io';
import { main } from '../main';
import { devicesCommand } from './devices-command';

async function until(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A promise to hand a command as its stop signal, and the function that settles it. */
function latch() {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

const urlIn = (text: string) => /ws:\/\/127\.0\.0\.1:\d+/.exec(text)?.[0];

describe('redline devices: bad usage exits 2 and starts nothing', () => {
  it.each([
    [['devices'], '--sim is required'],
    [['devices', '--sim', '--port', '70000'], '--port must be a whole number from 0 to 65535'],
    [['devices', '--sim', '--port', '12a'], '--port must be a whole number'],
    [['devices', '--sim', '--ping-ms', '-5'], "Option '--ping-ms' argument is ambiguous"],
    [['devices', '--sim', '--ping-ms', '1.5'], '--ping-ms must be a whole number of milliseconds'],
    [['devices', '--sim', '--devices', 'x'], "Unknown option '--devices'"],
    [['devices', '--sim', 'extra'], 'unexpected argument: extra'],
    [
      ['devices', '--sim', '--device', 'Lovense Nor'],
      'unknown device "Lovense Nor"; close matches: "Lovense Nora"',
    ],
    [
      ['devices', '--sim', '--device', 'Qwxyz'],
      'the names are listed in data/buttplug/devices.json',
    ],
  ])('%j', async (argv, message) => {
    const capture = captureIo();
    expect(await main(argv, capture.io)).toBe(2);
    expect(capture.stdout()).toBe('');
    expect(capture.stderr()).toContain(message);
    expect(capture.stderr()).toMatch(/^redline devices: /);
  });

  it('a busy port', async () => {
    const first = captureIo();
    const stop = latch();
    const running = devicesCommand(['--sim', '--port', '0'], first.io, stop.promise);
    await until(() => urlIn(first.stdout()) !== undefined, 'the first server');
    const port = urlIn(first.stdout())?.split(':')[2] ?? '';
    const second = captureIo();
    expect(await devicesCommand(['--sim', '--port', port], second.io)).toBe(2);
    expect(second.stderr()).toContain(`port ${port} on 127.0.0.1 is in use`);
    stop.release();
    expect(await running).toBe(0);
  });
});

describe('redline devices --sim', () => {
  it('prints its address and devices, then each output change, and stops everything at the end', async () => {
    const capture = captureIo();
    const stop = latch();
    const running = devicesCommand(
      [
        '--sim',
        '--port',
        '0',
        '--device',
        'lovense lush',
        '--device',
        'Lovense Nora',
        '--ping-ms',
        '0',
      ],
      capture.io,
      stop.promise,
    );
    await until(() => capture.stdout().includes('Ctrl+C'), 'the header');
    const out = capture.stdout();
    expect(out).toContain(
      '  #0 Lovense Lush: Vibrate 0 to 20 (feature 0); Battery input 0 to 100 (feature 1)',
    );
    expect(out).toContain(
      '  #1 Lovense Nora: Vibrate 0 to 20 (feature 0); Rotate -20 to 20, two-way (feature 1)',
    );

    // docs/devices.md shows the same header (its address aside).
    const docs = readFileSync(new URL('../../../docs/devices.md', import.meta.url), 'utf8');
    for (const line of out.split('\n').filter((l) => l !== '' && !l.includes('ws://')))
      expect(docs).toContain(line);

    const client = await connectRaw(urlIn(out) ?? '');
    await client.handshake('Redline');
    const rotate = {
      OutputCmd: { Id: 2, DeviceIndex: 1, FeatureIndex: 1, Command: { Rotate: { Value: -10 } } },
    };
    expect(await client.request(rotate)).toEqual({ Ok: { Id: 2 } });
    expect(await client.request({ StopCmd: { Id: 3, DeviceIndex: 9 } })).toMatchObject({
      Error: { Id: 3 },
    });
    stop.release();
    expect(await running).toBe(0);

    const lines = capture.stdout().split('\n');
    const logged = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    const order = [
      logged(/^\s+\d+\.\d{3}s {2}client connected from 127\.0\.0\.1:\d+$/),
      logged(/handshake with "Redline" \(Buttplug spec v4\)$/),
      logged(/#1 Lovense Nora {2}Rotate 1\s+-10\/20\s+50% \[#{10}\.{10}\] {2}reverse$/),
      logged(/answered with an error: No device with index 9\.$/),
      logged(
        /#1 Lovense Nora {2}Rotate 1\s+0\/20\s+0% \[\.{20}\] {2}stopped: the server is stopping$/,
      ),
      logged(/^Stopped: every device is at zero and the server is closed\.$/),
    ];
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(capture.stderr()).toBe('');
  });

  it('SIGINT stops every device and exits 0 (the real bin/redline.js)', async () => {
    const bin = fileURLToPath(new URL('../../../bin/redline.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'devices', '--sim', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    await until(() => out.includes('Ctrl+C'), 'the server to start', 10_000);
    const client = await connectRaw(urlIn(out) ?? '');
    await client.handshake();
    const vibrate = {
      OutputCmd: { Id: 2, DeviceIndex: 0, FeatureIndex: 0, Command: { Vibrate: { Value: 20 } } },
    };
    expect(await client.request(vibrate)).toEqual({ Ok: { Id: 2 } });
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(out).toMatch(
      /#0 Lovense Lush {2}Vibrate 0\s+0\/20\s+0% .* stopped: the server is stopping\n/,
    );
    expect(out).toContain('Stopped: every device is at zero');
    expect((await client.closed).code).toBe(1001);
  }, 20_000);
});
