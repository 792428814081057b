import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError } from './api-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Only Redline's own pages may use its API and its WebSocket. A page on another site, open in
 * another tab of the same browser, can send requests to 127.0.0.1 or to the LAN address: it could
 * not read the answers (no CORS), but it could open the WebSocket (browsers apply no same-origin
 * rule to it) and spend this address's failed sign-ins, locking the console or a panel on the
 * same computer out for a minute, or poke the code routes. Browsers say where a request comes
 * from, and that is checked here, before any route runs:
 *
 * - `Sec-Fetch-Site` (fetch metadata, sent by current browsers): a request from another site or
 *   another origin of the same site is refused, except a top-level navigation to a page (opening
 *   a link to Redline must work);
 * - `Origin` (every browser sends it on a WebSocket handshake and on a POST or PUT): on the
 *   WebSocket and on every request that changes something it must be this server's own origin.
 *
 * A request without these headers is not from a browser page (curl, the tests): it is let
 * through, and still needs a secret or a code like any other.
 */
export function addSameOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const refusal = crossOriginRefusal(request);
    if (refusal !== null) return apiError(reply, 403, 'cross-origin', refusal);
  });
}

export function crossOriginRefusal(
  request: Pick<FastifyRequest, 'headers' | 'method' | 'url'> & { ws?: boolean },
): string | null {
  const upgrade = request.ws === true;
  const site = single(request.headers['sec-fetch-site']);
  if (site === 'cross-site' || site === 'same-site') {
    const navigation =
      single(request.headers['sec-fetch-mode']) === 'navigate' &&
      SAFE_METHODS.has(request.method) &&
      !upgrade &&
      !request.url.startsWith('/api/');
    if (!navigation) return 'only Redline’s own pages may call it';
  }
  const origin = single(request.headers.origin);
  if (origin !== undefined && (upgrade || !SAFE_METHODS.has(request.method))) {
    const host = single(request.headers.host);
    if (host === undefined || !sameHost(origin, host))
      return 'only Redline’s own pages may call it';
  }
  return null;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `Origin: http://host:port` against `Host: host:port`; `Origin: null` never matches. */
function sameHost(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase()
    );
  } catch {
    return false;
  }
}
