import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAttemptLimiter, type AttemptLimiter } from '../../src/server/attempt-limiter';
import { buildApp, type AppOptions } from '../../src/server/http/app';
import { SECURITY_HEADERS } from '../../src/server/http/security-headers';
import type { TestRedline } from '../support/redline-server';

/**
 * A second app over a running test Redline's scenes, store and toys, listening on its own port:
 * the tests can walk its routes, swap a dependency for one that fails, or count its limiter.
 * Its web root is a two-file app, so static answers are tested without building the real one.
 */
export async function appOver(
  r: TestRedline,
  overrides: Partial<Pick<AppOptions, 'store' | 'negotiations' | 'limiter' | 'hostName'>> & {
    /** The app's script (assets/app.js). */
    script?: string;
  } = {},
): Promise<{ app: FastifyInstance; url: string; close(): Promise<void> }> {
  const webRoot = mkdtempSync(join(tmpdir(), 'redline-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(
    join(webRoot, 'index.html'),
    '<!doctype html><script src="/assets/app.js"></script>',
  );
  writeFileSync(join(webRoot, 'assets', 'app.js'), overrides.script ?? 'document.title = "ok";\n');
  const app = await buildApp({
    registry: r.server.registry,
    hub: r.server.hub,
    negotiations: overrides.negotiations ?? r.server.negotiations,
    store: overrides.store ?? r.server.store,
    webRoot,
    panelBaseUrl: () => r.url,
    limiter: overrides.limiter ?? createAttemptLimiter({ max: 10_000, windowMs: 60_000 }),
    hostName: overrides.hostName,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      await app.close();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}

/** Every route Fastify holds, as `[method, url]`, read from its route tree. */
export function registeredRoutes(app: FastifyInstance): [string, string][] {
  const routes: [string, string][] = [];
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (match === null) continue;
    const [, indent = '', segment = '', methods] = match;
    const depth = indent.length / 4;
    const path = (paths[depth - 1] ?? '') + segment;
    paths.length = depth;
    paths[depth] = path;
    for (const method of methods?.split(', ') ?? []) routes.push([method, path]);
  }
  return routes;
}

/** A concrete address for a route's pattern: harmless values for its parameters. */
export function concrete(pattern: string): string {
  return pattern
    .replace(':code', 'AAAAAA')
    .replace(':hash', `sha256:${'0'.repeat(64)}`)
    .replace(/:[a-zA-Z]+/g, 'nothing-here')
    .replace(/^\/?\*$/, '/assets/app.js');
}

type Headers = Record<string, string | string[] | number | undefined>;

/** The headers every answer must carry; the API's answers are never cached. */
export function strictHeaderFaults(headers: Headers, api: boolean): string[] {
  const faults: string[] = [];
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    if (headers[name.toLowerCase()] !== value)
      faults.push(`${name}: ${String(headers[name.toLowerCase()])}`);
  if (api && headers['cache-control'] !== 'no-store')
    faults.push(`Cache-Control: ${String(headers['cache-control'])}`);
  // CORS is not enabled: no answer lets another origin read it.
  if (headers['access-control-allow-origin'] !== undefined)
    faults.push(`Access-Control-Allow-Origin: ${String(headers['access-control-allow-origin'])}`);
  return faults;
}

/** A limiter (10 a minute) that lists the failures it was told of; `reset` forgets them all. */
export const countingLimiter = () => {
  let inner = createAttemptLimiter({ max: 10, windowMs: 60_000 });
  const failures: string[] = [];
  const limiter: AttemptLimiter = {
    retryAfter: (source) => inner.retryAfter(source),
    failed: (source) => {
      failures.push(source);
      inner.failed(source);
    },
  };
  const reset = () => {
    inner = createAttemptLimiter({ max: 10, windowMs: 60_000 });
  };
  return { limiter, failures, reset };
};
