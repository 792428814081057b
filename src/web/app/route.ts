/**
 * The app's routes live in the URL's hash, so pairing codes, invitation codes and ids never reach
 * a server's request log. Anything unknown goes home.
 */
export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'pair'; code: string }
  | { name: 'console'; sceneId: string }
  | { name: 'panel'; sceneId: string }
  | { name: 'solo'; sceneId: string }
  /** Raising the subject: the initiator writes the invitation. */
  | { name: 'talk-new' }
  /** The partner opens an invitation: the introduction, then accept or decline. */
  | { name: 'invite'; code: string }
  /** One negotiation: private answers, progress, the overlap once both submitted. */
  | { name: 'talk'; negotiationId: string }
  /** The agreement both write: the editor, the rehearsal, signing, what is sealed. */
  | { name: 'agreement'; negotiationId: string }
  /** One sealed agreement, printable and exportable. */
  | { name: 'sealed'; negotiationId: string; agreementHash: string }
  /** The guide; `section` is the id of one of its parts. */
  | { name: 'guide'; section: string | null }
  /** Past scenes this browser took part in. */
  | { name: 'history' }
  /** One past scene: its timeline, replay and export. */
  | { name: 'scene-history'; sceneId: string }
  /** One participant's debrief of a scene: private answers first, then what to share. */
  | { name: 'debrief'; sceneId: string };

/** Ids and codes are short plain tokens; anything else is not a route. */
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

function decode(part: string | undefined): string | null {
  if (part === undefined) return null;
  try {
    const value = decodeURIComponent(part);
    return TOKEN.test(value) ? value : null;
  } catch {
    return null;
  }
}

const HOME: Route = { name: 'home' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const parts = path === '' ? [] : path.split('/');
  const [first = '', ...rest] = parts;
  if (rest.length === 0) {
    if (first === 'new') return { name: 'new' };
    if (first === 'talk') return { name: 'talk-new' };
    if (first === 'guide') return { name: 'guide', section: null };
    if (first === 'history') return { name: 'history' };
    return HOME;
  }
  const values = rest.map(decode);
  if (values.some((v) => v === null)) return HOME;
  const [second = '', third, fourth, ...more] = values as string[];
  if (more.length > 0) return HOME;
  if (first === 'talk') {
    if (third === undefined) return { name: 'talk', negotiationId: second };
    if (third !== 'agreement') return HOME;
    return fourth === undefined
      ? { name: 'agreement', negotiationId: second }
      : { name: 'sealed', negotiationId: second, agreementHash: fourth };
  }
  if (third !== undefined) return HOME;
  switch (first) {
    case 'pair':
      return { name: 'pair', code: second };
    case 'console':
      return { name: 'console', sceneId: second };
    case 'panel':
      return { name: 'panel', sceneId: second };
    case 'solo':
      return { name: 'solo', sceneId: second };
    case 'invite':
      return { name: 'invite', code: second };
    case 'guide':
      return { name: 'guide', section: second };
    case 'history':
      return { name: 'scene-history', sceneId: second };
    case 'debrief':
      return { name: 'debrief', sceneId: second };
    default:
      return HOME;
  }
}

export function routeHash(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'home':
      return '#/';
    case 'new':
      return '#/new';
    case 'pair':
      return `#/pair/${e(route.code)}`;
    case 'console':
    case 'panel':
    case 'solo':
      return `#/${route.name}/${e(route.sceneId)}`;
    case 'talk-new':
      return '#/talk';
    case 'invite':
      return `#/invite/${e(route.code)}`;
    case 'talk':
      return `#/talk/${e(route.negotiationId)}`;
    case 'agreement':
      return `#/talk/${e(route.negotiationId)}/agreement`;
    case 'sealed':
      return `#/talk/${e(route.negotiationId)}/agreement/${e(route.agreementHash)}`;
    case 'guide':
      return route.section === null ? '#/guide' : `#/guide/${e(route.section)}`;
    case 'history':
      return '#/history';
    case 'scene-history':
      return `#/history/${e(route.sceneId)}`;
    case 'debrief':
      return `#/debrief/${e(route.sceneId)}`;
  }
}
