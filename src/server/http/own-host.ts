import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { apiError } from './api-error';

export const WRONG_HOST_MESSAGE =
  'open Redline at the address it printed (an IP address or localhost): it answers no other name';

/**
 * Redline answers only to an IP address or `localhost`, never to another name (DNS rebinding).
 * A page on a site of its own can point that site's name at 127.0.0.1 or at Redline's LAN
 * address; the browser then treats Redline as that site, so the page could call the API and open
 * the WebSocket as a same-origin page, and the origin checks (same-origin.ts) would see nothing
 * wrong. The browser still sends the site's name in `Host`, and that is what is refused here,
 * before any route runs, for every request: pages, the API and the WebSocket alike.
 *
 * An address is never a rebound name, so every IP literal is accepted: the LAN address may
 * change while Redline runs, and the panel's link and QR code carry it. A request with no `Host`
 * (HTTP/1.0: no browser sends one) is let through; it still needs a secret or a code.
 */
export function addOwnHostCheck(app: FastifyInstance, name?: string): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!ownHost(request.headers.host, name))
      return apiError(reply, 421, 'wrong-host', WRONG_HOST_MESSAGE);
  });
}

/**
 * `Host` names an IP address, localhost or `name` (the one `redline serve --host` was given, which
 * the user chose), with or without a port; or is absent.
 */
export function ownHost(host: string | undefined, name?: string): boolean {
  if (host === undefined) return true;
  const lower = host.toLowerCase();
  const port = /:\d{1,5}$/.exec(lower);
  // `name`, `name:port`, `[v6]` or `[v6]:port`; a bare v6 address is no valid `Host`.
  const given = port === null ? lower : lower.slice(0, port.index);
  if (given === 'localhost' || given === name?.toLowerCase()) return true;
  if (given.startsWith('[') && given.endsWith(']')) return isIP(given.slice(1, -1)) === 6;
  return isIP(given) === 4;
}
