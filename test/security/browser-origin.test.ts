import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { appOver, countingLimiter } from './app-under-test';

/**
 * The headers as a real browser (the Chromium the end-to-end tests use) reads them: Redline's own
 * page may reach its own origin, WebSocket included (`connect-src 'self'` covers ws: to the same
 * host and port), and nothing else, and runs no inline script; a page of another origin, open in
 * the same browser, can neither open Redline's WebSocket nor spend its failed attempts.
 */

/** Redline's page: what it could reach, written to `window.results`. */
const OWN_SCRIPT = `
const out = { violations: [] };
window.results = out;
document.addEventListener('securitypolicyviolation', (e) => {
  out.violations.push(e.effectiveDirective + ' ' + e.blockedURI);
});
const other = new URLSearchParams(location.search).get('other');
const own = new WebSocket('ws://' + location.host + '/ws');
own.onopen = () => own.send(JSON.stringify({ type: 'hello', v: 1, sceneId: 'nothing-here', secret: 'x'.repeat(43) }));
own.onmessage = (e) => { out.ownSocket = JSON.parse(e.data).code; };
own.onerror = () => { out.ownSocket = 'error'; };
try {
  const far = new WebSocket('ws://127.0.0.1:' + other + '/ws');
  far.onopen = () => { out.otherSocket = 'open'; };
  far.onerror = () => { out.otherSocket = 'error'; };
} catch (error) { out.otherSocket = 'threw ' + error.name; }
fetch('http://127.0.0.1:' + other + '/').then(() => { out.otherFetch = 'ok'; }, () => { out.otherFetch = 'refused'; });
fetch('/api/health').then((r) => r.json()).then((j) => { out.health = j.ok; });
const inline = document.createElement('script');
inline.textContent = 'window.inlineRan = true;';
document.head.append(inline);
try { eval('1'); out.eval = 'ran'; } catch { out.eval = 'blocked'; }
setTimeout(() => { out.inline = window.inlineRan === true ? 'ran' : 'blocked'; }, 200);
`;

/** Another site's page, aimed at Redline. */
const FOREIGN_SCRIPT = `
const out = {};
window.results = out;
const target = new URLSearchParams(location.search).get('target');
const socket = new WebSocket(target.replace('http', 'ws') + '/ws');
socket.onopen = () => { out.socket = 'open'; socket.send(JSON.stringify({ type: 'hello', v: 1, sceneId: 'nothing-here', secret: 'y'.repeat(43) })); };
socket.onerror = () => { out.socket = 'error'; };
const done = (key) => [(r) => { out[key] = r.type === 'opaque' ? 'opaque' : r.status; }, () => { out[key] = 'refused'; }];
fetch(target + '/api/setup').then(...done('read'));
fetch(target + '/api/negotiations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Mallory","role":"dominant"}' }).then(...done('post'));
fetch(target + '/api/pair', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{"code":"AAAAAA"}' }).then(...done('simplePost'));
out.simpleGets = 0;
for (let i = 0; i < 12; i++) fetch(target + '/api/invitations/AAAAAA', { mode: 'no-cors' }).then(...done('simpleGet')).finally(() => { out.simpleGets += 1; });
`;

type Results = Record<string, unknown>;

describe('[P1] in Chromium: its own origin only, and no other page may use it', () => {
  let r: TestRedline;
  let under: Awaited<ReturnType<typeof appOver>>;
  let foreign: Server;
  let foreignPort = 0;
  let browser: Browser;
  const counting = countingLimiter();

  beforeAll(async () => {
    r = await startTestRedline();
    under = await appOver(r, { limiter: counting.limiter, script: OWN_SCRIPT });
    foreign = createServer((request, response) => {
      const script = request.url?.startsWith('/foreign.js') === true;
      response.writeHead(200, {
        'content-type': script ? 'text/javascript' : 'text/html',
      });
      response.end(script ? FOREIGN_SCRIPT : '<!doctype html><script src="/foreign.js"></script>');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    const address = foreign.address();
    foreignPort = typeof address === 'object' && address !== null ? address.port : 0;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await new Promise((resolve) => foreign.close(resolve));
    await under.close();
    await r.close();
  });

  const results = async (url: string, done: (out: Results) => boolean) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url);
      let out: Results = {};
      const poll = async () => {
        out = await page.evaluate<Results>('window.results');
        return done(out);
      };
      const end = Date.now() + 8000;
      while (!(await poll()) && Date.now() < end) await page.waitForTimeout(50);
      return out;
    } finally {
      await context.close();
    }
  };

  it('its page reaches its own API and WebSocket, nothing else, and runs no inline script', async () => {
    counting.reset();
    const out = await results(`${under.url}?other=${foreignPort}`, (o) =>
      ['ownSocket', 'otherSocket', 'otherFetch', 'health', 'inline'].every((k) => k in o),
    );
    expect(out).toMatchObject({
      ownSocket: 'unauthorized',
      health: true,
      otherFetch: 'refused',
      eval: 'blocked',
      inline: 'blocked',
    });
    expect(out.otherSocket).not.toBe('open');
    const violations = (out.violations as string[]).join('\n');
    expect(violations).toContain(`connect-src ws://127.0.0.1:${foreignPort}/ws`);
    expect(violations).toContain(`connect-src http://127.0.0.1:${foreignPort}/`);
    expect(violations).toMatch(/script-src(-elem)? inline/);
    expect(violations).not.toContain(new URL(under.url).host);
  });

  it('another origin’s page can neither open the WebSocket, read or post, nor spend failed attempts', async () => {
    counting.reset();
    counting.failures.splice(0);
    const arrived: string[] = [];
    under.app.server.on('request', (request: { url?: string }) => arrived.push(request.url ?? ''));
    const target = under.url.replace(/\/$/, '');
    const out = await results(
      `http://127.0.0.1:${foreignPort}/?target=${encodeURIComponent(target)}`,
      // Every one of the twelve answered (the first answer alone would leave the count short).
      (o) =>
        ['socket', 'read', 'post', 'simplePost', 'simpleGet'].every((k) => k in o) &&
        o['simpleGets'] === 12,
    );
    expect(out).toMatchObject({ socket: 'error', read: 'refused', post: 'refused' });
    // Sent anyway (a browser does not ask first for these): they reach the server, which refuses
    // them before any route runs, so none counts as a wrong code; CORP hides even the refusal.
    expect(out).toMatchObject({ simplePost: 'refused', simpleGet: 'refused' });
    expect(arrived.filter((u) => u === '/api/invitations/AAAAAA').length).toBe(12);
    expect(arrived).toContain('/api/pair');
    expect(counting.failures).toEqual([]);
  });
});
