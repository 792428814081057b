import type { SceneView } from '../../src/protocol/view';
import type { DeviceSpec } from '../../src/core';
import {
  sceneFromAgreement,
  signAgreement,
  type SignedAgreement,
} from '../support/signed-agreement';
import { isType, openScreen, type TestScreen } from '../support/ws-client';

export type Created = {
  sceneId: string;
  role: 'dominant' | 'submissive';
  secret: string;
  pairing: { code: string; expiresAt: number; panelUrl: string } | null;
  /** A pair's agreement as both signed it, with their negotiation secrets. */
  signed?: SignedAgreement;
};

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body's shape
export async function api<T = unknown>(
  url: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(new URL(path, url), {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('application/json') === true;
  return {
    status: response.status,
    body: (json ? JSON.parse(text) : text) as T,
    headers: response.headers,
  };
}

/**
 * A scene with every connected device. A pair's agreement is signed by both partners first
 * through the negotiation API (`patch` changes the cautious template, e.g. its `detection`); a
 * solo scene gets the template, `extra` adding fields to its request.
 */
export async function createScene(
  url: string,
  mode: 'pair' | 'solo' = 'pair',
  extra: Record<string, unknown> = {},
): Promise<Created> {
  if (mode === 'pair') {
    const signed = await signAgreement(url, extra);
    const created = await sceneFromAgreement(url, signed);
    if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
    return { ...(created.body as Created), signed };
  }
  const setup = await api<{ devices: DeviceSpec[] }>(url, '/api/setup');
  const created = await api<Created>(url, '/api/scenes', {
    body: {
      mode,
      names: { submissive: 'Rin' },
      devices: setup.body.devices.map((d) => d.id),
      ...extra,
    },
  });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  return created.body;
}

/** A signed-in screen with its own frame counter. */
export type Signed = TestScreen & { seq: () => number; frame(body: object): number };

export async function signIn(url: string, sceneId: string, secret: string): Promise<Signed> {
  const screen = await openScreen(url);
  screen.send({ type: 'hello', v: 1, sceneId, secret });
  const welcome = await screen.next(isType('welcome'));
  let seq = welcome.lastSeq;
  return Object.assign(screen, {
    seq: () => seq,
    frame(body: object) {
      seq += 1;
      screen.send({ ...body, seq });
      return seq;
    },
  });
}

/** `extra`: changes to the signed agreement (a `detection`, say). */
export async function pairedScene(url: string, extra: Record<string, unknown> = {}) {
  const created = await createScene(url, 'pair', extra);
  if (created.pairing === null) throw new Error('a pair scene has a pairing code');
  const paired = await api<{ sceneId: string; secret: string; role: string }>(url, '/api/pair', {
    body: { code: created.pairing.code },
  });
  if (paired.status !== 200) throw new Error(`pairing failed: ${JSON.stringify(paired.body)}`);
  const console_ = await signIn(url, created.sceneId, created.secret);
  const panel = await signIn(url, created.sceneId, paired.body.secret);
  return { created, panelSecret: paired.body.secret, console: console_, panel };
}

export const acked = (screen: TestScreen, seq: number) =>
  screen.waitFor((f) => (f.type === 'ack' || f.type === 'error') && f.seq === seq);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first view (or welcome) a screen has, or gets, that matches. */
export const viewWhere = (screen: Signed, match: (v: SceneView) => boolean, timeoutMs = 8000) =>
  screen.latestOrNext(
    (f) => (f.type === 'view' || f.type === 'welcome') && match(f.view),
    timeoutMs,
  );

/** The newest view a screen has received. */
export const latestView = (screen: Signed): SceneView | undefined =>
  screen.frames
    .filter((f) => f.type === 'view' || f.type === 'welcome')
    .map((f) => f.view)
    .at(-1);

/** Polls `check` every 20 ms; fails after `timeoutMs` naming `what`. */
export async function until(check: () => boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
