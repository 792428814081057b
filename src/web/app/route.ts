/**
 * The app's routes live in the URL's hash, so pairing codes and scene ids never reach a server's
 * request log. Anything unknown goes home.
 */
export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'pair'; code: string }
  | { name: 'console'; sceneId: string }
  | { name: 'panel'; sceneId: string }
  | { name: 'solo'; sceneId: string };

/** Ids and codes are short plain tokens; anything else is not a route. */
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

function decode(part: string): string | null {
  try {
    const value = decodeURIComponent(part);
    return TOKEN.test(value) ? value : null;
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const [first = '', second, ...rest] = path.split('/');
  if (rest.length > 0) return { name: 'home' };
  if (second === undefined) return first === 'new' ? { name: 'new' } : { name: 'home' };
  const value = decode(second);
  if (value === null) return { name: 'home' };
  switch (first) {
    case 'pair':
      return { name: 'pair', code: value };
    case 'console':
      return { name: 'console', sceneId: value };
    case 'panel':
      return { name: 'panel', sceneId: value };
    case 'solo':
      return { name: 'solo', sceneId: value };
    default:
      return { name: 'home' };
  }
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'new':
      return '#/new';
    case 'pair':
      return `#/pair/${encodeURIComponent(route.code)}`;
    case 'console':
    case 'panel':
    case 'solo':
      return `#/${route.name}/${encodeURIComponent(route.sceneId)}`;
  }
}
