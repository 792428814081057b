import type { FastifyInstance } from 'fastify';

/**
 * Strict headers on every answer (P1): the app may load and connect only to its own origin, so
 * nothing can reach a third party even if a bug tried to; no referrer, no framing, no sniffing.
 * `connect-src 'self'` covers the WebSocket to the same host and port too (CSP Level 3; checked in
 * Chromium by test/security/browser-origin.test.ts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every answer carries, the WebSocket's `101 Switching Protocols` included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    // Static files keep @fastify/static's revalidation; everything else (the API) is never cached.
    reply.header('Cache-Control', reply.getHeader('Cache-Control') ?? 'no-store');
    return payload;
  });
}

/**
 * The upgrade answer is written by `ws`, not by Fastify, so `onSend` never sees it: the same
 * headers are added to it here. Call after @fastify/websocket is registered.
 */
export function addUpgradeSecurityHeaders(app: FastifyInstance): void {
  app.websocketServer.on('headers', (headers: string[]) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.push(`${name}: ${value}`);
    headers.push('Cache-Control: no-store');
  });
}
