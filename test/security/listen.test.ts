import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/capture-io';
import { serveCommand } from '../../src/cli/serve/serve-command';

/** This computer's first non-loopback IPv4 address, if it has one. */
const lan = Object.values(networkInterfaces())
  .flatMap((list) => list ?? [])
  .find((a) => a.family === 'IPv4' && !a.internal)?.address;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs `serve` with `args`, calls `check` with its port, then stops it. */
async function serving(args: string[], check: (port: string, url: string) => Promise<void>) {
  const data = mkdtempSync(join(tmpdir(), 'redline-listen-'));
  dirs.push(data);
  let url = '';
  let stop!: () => void;
  const stopWhen = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const run = serveCommand(['--sim', '--port', '0', '--data', data, ...args], captureIo().io, {
    stopWhen,
    signals: () => () => undefined,
    onReady: (u) => {
      url = u;
    },
  });
  while (url === '') await new Promise((resolve) => setTimeout(resolve, 20));
  try {
    await check(new URL(url).port, url);
  } finally {
    stop();
    await run;
  }
}

const reachable = async (host: string, port: string) =>
  fetch(`http://${host}:${port}/api/health`).then(
    (r) => r.ok,
    () => false,
  );

describe.skipIf(lan === undefined)('who can reach `serve` over the network', () => {
  it('by default only this computer: the LAN address is refused', async () => {
    await serving([], async (port) => {
      expect(await reachable('127.0.0.1', port)).toBe(true);
      expect(await reachable(lan ?? '', port)).toBe(false);
    });
  });

  it('with --lan, the LAN address answers too', async () => {
    await serving(['--lan'], async (port) => {
      expect(await reachable(lan ?? '', port)).toBe(true);
    });
  });
});

/** Whether this computer has the IPv6 loopback. */
const ipv6Loopback = Object.values(networkInterfaces())
  .flatMap((list) => list ?? [])
  .some((a) => a.family === 'IPv6' && a.internal && a.address === '::1');

describe.skipIf(!ipv6Loopback)('an IPv6 host', () => {
  it('--host ::1 prints an address that works ([::1], not 127.0.0.1, which is not listening)', async () => {
    await serving(['--host', '::1'], async (port, url) => {
      expect(url).toBe(`http://[::1]:${port}/`);
      expect(await fetch(new URL('api/health', url)).then((r) => r.ok)).toBe(true);
      expect(await reachable('127.0.0.1', port)).toBe(false);
    });
  });
});
