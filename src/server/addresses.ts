import { isIP } from 'node:net';

/** A host as it goes in a URL: an IPv6 address in brackets, anything else as it is. */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** 0.0.0.0, or :: however it is written (0:0:0:0:0:0:0:0): every address. */
function isAny(host: string): boolean {
  if (host === '0.0.0.0') return true;
  return isIP(host) === 6 && new URL(`http://[${host}]/`).hostname === '[::]';
}

/**
 * Where a server listening on `host` is opened. `url`: on this computer (the loopback for an
 * any-address listener; else the host itself, the only address that answers). `panelBaseUrl`:
 * what a second phone opens (the LAN address for an any-address listener, else `url`). `lan`
 * finds the LAN address, or null when there is none.
 */
export function serverAddresses(
  host: string,
  port: number,
  scheme: 'http' | 'https',
  lan: () => string | null,
): { url: string; panelBaseUrl: string } {
  const at = (h: string) => `${scheme}://${urlHost(h)}:${port}/`;
  const any = isAny(host);
  const url = at(any ? '127.0.0.1' : host);
  if (!any) return { url, panelBaseUrl: url };
  const found = lan();
  return { url, panelBaseUrl: found === null ? url : at(found) };
}
