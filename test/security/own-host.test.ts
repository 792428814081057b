import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownHost, WRONG_HOST_MESSAGE } from '../../src/server/http/own-host';
import { launchChromium } from '../support/browser';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { appOver, countingLimiter } from './app-under-test';

/**
 * DNS rebinding: a site points its own name at Redline's address, and its page then reaches
 * Redline as a same-origin page. Redline answers only to an IP address or localhost
 * (src/server/http/own-host.ts); here with raw requests, and in Chromium with a name resolved to
 * 127.0.0.1 as a rebinding site would have it.
 */
describe('Redline answers only to an IP address or localhost (DNS rebinding)', () => {
  it('accepts IPv4 and bracketed IPv6 literals and localhost, with or without a port', () => {
    const port = fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined });
    const withPort = (name: string, p: number | undefined) =>
      p === undefined ? name : `${name}:${p}`;
    fc.assert(
      fc.property(fc.ipV4(), port, (ip, p) => ownHost(withPort(ip, p))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.ipV6(), port, (ip, p) => ownHost(withPort(`[${ip}]`, p))),
      { numRuns: 300 },
    );
    for (const host of [
      'localhost',
      'LOCALHOST:8417',
      'localhost:1',
      '127.0.0.1:8417',
      '[::1]:8417',
    ])
      expect(ownHost(host), host).toBe(true);
    // No browser sends a request without one.
    expect(ownHost(undefined)).toBe(true);
    // The name `redline serve --host` was given, in any case; no other.
    expect(ownHost('MyBox.local:8417', 'mybox.local')).toBe(true);
    expect(ownHost('evil.example:8417', 'mybox.local')).toBe(false);
  });

  it('refuses every other name, and malformed hosts', () => {
    fc.assert(
      fc.property(fc.domain(), fc.integer({ min: 1, max: 65_535 }), (name, p) => {
        fc.pre(name !== 'localhost');
        return !ownHost(name) && !ownHost(`${name}:${p}`);
      }),
      { numRuns: 500 },
    );
    for (const host of [
      '',
      'localhost.',
      'localhost.rebind.example',
      '127.0.0.1.nip.io:8417',
      '127.1',
      '0x7f000001',
      '::1',
      '[::1',
      '[evil.example]:80',
      '[127.0.0.1]:80',
      'evil.example:8417',
      '192.168.1.20:8417@evil.example',
    ])
      expect(ownHost(host), host).toBe(false);
  });

  describe('on a running Redline', () => {
    let r: TestRedline;
    let under: Awaited<ReturnType<typeof appOver>>;
    const counting = countingLimiter();
    let port = 0;
    beforeAll(async () => {
      r = await startTestRedline();
      under = await appOver(r, { limiter: counting.limiter });
      port = Number(new URL(under.url).port);
    });
    afterAll(async () => {
      await under.close();
      await r.close();
    });

    /** A raw request with the `Host` given: the status, and the body's code if JSON. */
    const send = (
      method: string,
      path: string,
      host: string,
      headers: Record<string, string> = {},
      body?: string,
    ) =>
      new Promise<{ status: number; code: unknown; upgraded: boolean }>((resolve, reject) => {
        const req = request({
          host: '127.0.0.1',
          port,
          // A connection each: one that carried a refused upgrade is not reused.
          agent: false,
          method,
          path,
          headers: { ...headers, host },
        });
        req.on('upgrade', (_response, socket) => {
          socket.destroy();
          resolve({ status: 101, code: undefined, upgraded: true });
        });
        req.on('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let code: unknown;
            try {
              code = (JSON.parse(text) as { code?: unknown }).code;
            } catch {
              code = undefined;
            }
            resolve({ status: response.statusCode ?? 0, code, upgraded: false });
          });
        });
        req.on('error', reject);
        req.end(body);
      });
    const upgrade = {
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-version': '13',
      'sec-websocket-key': randomBytes(16).toString('base64'),
    };

    it('refuses pages, the API and the WebSocket under another name, before any route runs', async () => {
      counting.reset();
      counting.failures.splice(0);
      const rebound = `rebind.example:${port}`;
      const json = { 'content-type': 'application/json' };
      const refused = { status: 421, code: 'wrong-host', upgraded: false };
      expect(await send('GET', '/', rebound)).toEqual(refused);
      expect(await send('GET', '/assets/app.js', rebound)).toEqual(refused);
      expect(await send('GET', '/api/health', rebound)).toEqual(refused);
      expect(await send('GET', '/api/invitations/AAAAAA', rebound)).toEqual(refused);
      expect(await send('POST', '/api/pair', rebound, json, '{"code":"AAAAAA"}')).toEqual(refused);
      expect(await send('GET', '/ws', rebound, upgrade)).toEqual(refused);
      // Refused before the code routes ran: no failed attempt was counted for the address.
      expect(counting.failures).toEqual([]);
      // The same requests by address or localhost reach Redline as ever.
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
        expect((await send('GET', '/', host)).status).toBe(200);
        expect(await send('GET', '/api/health', host)).toMatchObject({ status: 200 });
        expect(await send('GET', '/api/invitations/AAAAAA', host)).toMatchObject({ status: 404 });
        expect(await send('GET', '/ws', host, upgrade)).toMatchObject({ upgraded: true });
      }
    });

    it('answers to the name `redline serve --host` was given, and to no other', async () => {
      const named = await appOver(r, { hostName: 'mybox.local' });
      try {
        const health = async (host: string) =>
          (await named.app.inject({ method: 'GET', url: '/api/health', headers: { host } }))
            .statusCode;
        expect(await health('mybox.local:8417')).toBe(200);
        expect(await health('rebind.example:8417')).toBe(421);
        expect(await health('127.0.0.1:8417')).toBe(200);
      } finally {
        await named.close();
      }
    });

    describe('in Chromium', () => {
      let browser: Browser;
      beforeAll(async () => {
        // As after a rebinding: the site's name resolves to this computer.
        browser = await launchChromium(['--host-resolver-rules=MAP rebind.test 127.0.0.1']);
      });
      afterAll(async () => {
        await browser.close();
      });

      it('a page under a name resolved to Redline gets nothing from it', async () => {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          const rebound = await page.goto(`http://rebind.test:${port}/`);
          expect(rebound?.status()).toBe(421);
          expect(await rebound?.json()).toEqual({ error: WRONG_HOST_MESSAGE, code: 'wrong-host' });
          // The page, as that site's: its same-origin calls and its WebSocket are refused.
          // (A script in the page's own words: this file is compiled without the DOM's types.)
          const out = await page.evaluate<{ health: number; socket: string }>(`(async () => {
            const health = await fetch('/api/health').then((r) => r.status);
            const socket = await new Promise((resolve) => {
              const ws = new WebSocket('ws://' + location.host + '/ws');
              ws.onopen = () => resolve('open');
              ws.onerror = () => resolve('error');
            });
            return { health, socket };
          })()`);
          expect(out).toEqual({ health: 421, socket: 'error' });
          // By address, the same browser reaches Redline.
          const own = await page.goto(under.url);
          expect(own?.status()).toBe(200);
        } finally {
          await context.close();
        }
      });
    });
  });
});
