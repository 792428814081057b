import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureIo } from '../capture-io';
import { EXIT } from '../io';
import { serveCommand } from './serve-command';
import { parsePort } from './port';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('redline serve', () => {
  it('starts with virtual toys, prints the addresses and a QR code, and stops every scene on its way out', async () => {
    const data = mkdtempSync(join(tmpdir(), 'redline-serve-'));
    dirs.push(data);
    const capture = captureIo();
    let stop!: () => void;
    const stopWhen = new Promise<void>((resolve) => {
      stop = resolve;
    });
    let url = '';
    const run = serveCommand(['--sim', '--port', '0', '--data', data], capture.io, {
      stopWhen,
      signals: () => () => undefined,
      onReady: (u) => {
        url = u;
      },
    });
    while (url === '') await new Promise((resolve) => setTimeout(resolve, 20));
    const health = await fetch(new URL('/api/health', url));
    expect(await health.json()).toEqual({ ok: true });
    const setup = (await (await fetch(new URL('/api/setup', url))).json()) as {
      devices: { name: string }[];
    };
    expect(setup.devices.map((d) => d.name)).toEqual(['Lovense Lush', 'Lovense Nora']);
    stop();
    expect(await run).toBe(EXIT.ok);
    const out = capture.stdout();
    expect(out).toContain(`Open the console:  ${url}`);
    expect(out).toContain(`Data folder:       ${data}`);
    expect(out).toMatch(/[▀▄█]{10}/);
    expect(out).toContain('safety shears');
    expect(out).toContain('Every scene is stopped, every toy is at zero');
  });

  it('refuses bad flags with exit 2, naming the problem, and starts nothing', async () => {
    for (const args of [
      ['--port', 'x'],
      ['--port', '70000'],
      ['--sim', '--buttplug', 'ws://x'],
      ['--lan', '--host', '127.0.0.1'],
      ['--nope'],
    ]) {
      const capture = captureIo();
      expect(await serveCommand(args, capture.io), args.join(' ')).toBe(EXIT.usage);
      expect(capture.stderr()).toMatch(/^redline serve: /);
      expect(capture.stdout()).toBe('');
    }
  });

  it('exits 3 when the device server cannot be reached, with a hint', async () => {
    const data = mkdtempSync(join(tmpdir(), 'redline-serve-'));
    dirs.push(data);
    const capture = captureIo();
    const status = await serveCommand(
      ['--buttplug', 'ws://127.0.0.1:9', '--port', '0', '--data', data],
      capture.io,
    );
    expect(status).toBe(EXIT.unreachable);
    expect(capture.stderr()).toContain('Intiface');
  });

  it('reads ports strictly', () => {
    expect(parsePort(undefined, 8417)).toEqual({ ok: true, value: 8417 });
    expect(parsePort('0', 1)).toEqual({ ok: true, value: 0 });
    expect(parsePort('65536', 1).ok).toBe(false);
    expect(parsePort('-1', 1).ok).toBe(false);
    expect(parsePort('8e3', 1).ok).toBe(false);
  });
});
