import type { Agreement, DeviceSpec } from '../../core';
import type { Role } from '../../protocol/frames';

/**
 * Typed helpers for the server's HTTP API. Expected failures are values, carrying the server's
 * own plain message; nothing here throws. Same origin only: no third-party requests (P1).
 */

export type ApiError = Readonly<{ status: number; code: string; message: string }>;
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type Pairing = Readonly<{ code: string; expiresAt: number; panelUrl: string }>;
export type SetupInfo = Readonly<{
  devices: readonly DeviceSpec[];
  deviceServer: Readonly<{ name: string; connected: boolean }>;
  templates: Readonly<{ pair: Agreement; solo: Agreement }>;
  panelBaseUrl: string;
}>;
/** A solo scene: the cautious template with the person's name and what sensors may do. */
export type CreateSceneRequest = Readonly<{
  mode: 'solo';
  names: Readonly<{ submissive: string }>;
  devices: readonly string[];
  detection?: Agreement['detection'];
}>;
export type CreatedScene = Readonly<{
  sceneId: string;
  role: Role;
  secret: string;
  pairing: Pairing | null;
}>;
export type Paired = Readonly<{ sceneId: string; role: 'submissive'; secret: string }>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Words for a failure the server did not explain (it was unreachable or answered oddly). */
function fallbackMessage(status: number): string {
  if (status === 0)
    return 'Could not reach the Redline server. Check that it is running and that this device is on the same network.';
  if (status >= 500) return 'The Redline server had a problem. Try again in a moment.';
  return `The request was refused (status ${status}).`;
}

export async function request<T>(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; secret?: string } = {},
  accept: (value: unknown) => value is T,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.secret !== undefined) headers.authorization = `Bearer ${init.secret}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    return { ok: false, error: { status: 0, code: 'network', message: fallbackMessage(0) } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = isRecord(body) ? body : {};
    const message =
      typeof error.error === 'string' ? error.error : fallbackMessage(response.status);
    const code = typeof error.code === 'string' ? error.code : `http-${response.status}`;
    return { ok: false, error: { status: response.status, code, message } };
  }
  if (!accept(body)) {
    const message = 'The server answered in a way this page does not understand. Reload the page.';
    return { ok: false, error: { status: response.status, code: 'bad-response', message } };
  }
  return { ok: true, value: body };
}

const isRole = (v: unknown): v is Role => v === 'dominant' || v === 'submissive';
const isPairing = (v: unknown): v is Pairing =>
  isRecord(v) &&
  typeof v.code === 'string' &&
  typeof v.expiresAt === 'number' &&
  typeof v.panelUrl === 'string';

export const isSetupInfo = (v: unknown): v is SetupInfo =>
  isRecord(v) &&
  Array.isArray(v.devices) &&
  isRecord(v.deviceServer) &&
  isRecord(v.templates) &&
  typeof v.panelBaseUrl === 'string';
export const isCreatedScene = (v: unknown): v is CreatedScene =>
  isRecord(v) &&
  typeof v.sceneId === 'string' &&
  isRole(v.role) &&
  typeof v.secret === 'string' &&
  (v.pairing === null || isPairing(v.pairing));
export const isPaired = (v: unknown): v is Paired =>
  isRecord(v) &&
  typeof v.sceneId === 'string' &&
  v.role === 'submissive' &&
  typeof v.secret === 'string';

export function getSetup(): Promise<ApiResult<SetupInfo>> {
  return request('/api/setup', {}, isSetupInfo);
}

export function createScene(body: CreateSceneRequest): Promise<ApiResult<CreatedScene>> {
  return request('/api/scenes', { method: 'POST', body }, isCreatedScene);
}

export function pair(code: string): Promise<ApiResult<Paired>> {
  return request('/api/pair', { method: 'POST', body: { code } }, isPaired);
}

/** A fresh pairing code for a replacement panel (the dominant's secret). */
export function newPairing(sceneId: string, secret: string): Promise<ApiResult<Pairing>> {
  const path = `/api/scenes/${encodeURIComponent(sceneId)}/pairing`;
  return request(path, { method: 'POST', secret }, isPairing);
}

/**
 * A scene for two from an agreement both partners signed (issue 5): the dominant's negotiation
 * secret proves who starts it; the server checks the agreement is in force and covers the toys.
 */
export function createSceneFromAgreement(
  body: Readonly<{
    agreement: Readonly<{ negotiationId: string; agreementHash: string }>;
    devices: readonly string[];
  }>,
  negotiationSecret: string,
): Promise<ApiResult<CreatedScene>> {
  return request(
    '/api/scenes',
    { method: 'POST', body: { mode: 'pair', ...body }, secret: negotiationSecret },
    isCreatedScene,
  );
}
