import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../src/web/app/route';

/**
 * No secret in a URL (docs/decisions/0009): a URL lands in browser history, in proxies' and
 * servers' logs, and (without `Referrer-Policy: no-referrer`) in other sites' logs. The web app
 * sends secrets only in an `Authorization` header and the WebSocket's hello frame. Its routes
 * (in the URL's hash, never sent to a server) hold ids and codes only: a pairing code or an
 * invitation code in `#/pair/CODE` or `#/invite/CODE` is there by design (what the QR code and
 * the link carry); each is single use and short-lived, and worthless once used.
 */

const ROOT = new URL('../..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.|test-support/.test(entry.name)
      ? [path]
      : [];
  });
}

describe('[P2] secrets never go in a URL', () => {
  it('no web app source builds a string, address or query from a secret, except the Authorization header', () => {
    const found: string[] = [];
    for (const file of [
      ...sources(join(ROOT, 'src/web')),
      ...sources(join(ROOT, 'src/server/http')),
    ]) {
      const text = readFileSync(file, 'utf8');
      const where = relative(ROOT, file);
      for (const match of text.matchAll(/`[^`]*\$\{[^}]*secret[^}]*\}[^`]*`/gi))
        if (!match[0].startsWith('`Bearer ${')) found.push(`${where}: ${match[0]}`);
      for (const match of text.matchAll(
        /\+\s*[\w.?]*secret\w*\b(?!\s*[:(])|\bsecret\w*\s*\+(?!\+)/gi,
      ))
        found.push(`${where}: ${match[0]}`);
      if (/URLSearchParams|searchParams|request\.query/.test(text))
        found.push(`${where}: reads or writes a query string`);
    }
    expect(found).toEqual([]);
  });

  it('every route of the app carries ids and codes only, and reads back the same', () => {
    // One of each: a route added to the app must be added here (the type says so).
    const each: { [N in Route['name']]: Extract<Route, { name: N }> } = {
      home: { name: 'home' },
      new: { name: 'new' },
      pair: { name: 'pair', code: 'K7QM2X' },
      console: { name: 'console', sceneId: 'scene-1' },
      panel: { name: 'panel', sceneId: 'scene-1' },
      solo: { name: 'solo', sceneId: 'scene-1' },
      'talk-new': { name: 'talk-new' },
      invite: { name: 'invite', code: 'K7QM2X' },
      talk: { name: 'talk', negotiationId: 'n-1' },
      agreement: { name: 'agreement', negotiationId: 'n-1' },
      sealed: { name: 'sealed', negotiationId: 'n-1', agreementHash: 'h-1' },
      guide: { name: 'guide', section: null },
      history: { name: 'history' },
      'scene-history': { name: 'scene-history', sceneId: 'scene-1' },
      debrief: { name: 'debrief', sceneId: 'scene-1' },
    };
    const routes: Route[] = Object.values(each);
    const allowed = new Set([
      'name',
      'code',
      'sceneId',
      'negotiationId',
      'agreementHash',
      'section',
    ]);
    for (const route of routes) {
      expect(
        Object.keys(route).filter((key) => !allowed.has(key)),
        route.name,
      ).toEqual([]);
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });
});
