import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { agreementSchema, parseWith } from '../../core';
import type { AttemptLimiter } from '../attempt-limiter';
import type { DeviceHub } from '../device-hub';
import type { Pairing, SceneRegistry } from '../scenes/scene-registry';
import { templateAgreement } from '../../core';
import { apiError, bearer } from './api-error';

const name = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');
const newSceneSchema = z.strictObject({
  mode: z.enum(['pair', 'solo']),
  names: z.strictObject({ dominant: name.optional(), submissive: name }),
  devices: z.array(z.string().min(1).max(64)).max(16, 'must list at most 16 devices'),
  /** What sensors may do (the agreement's `detection`, docs/decisions/0012); absent: ask a person. */
  detection: agreementSchema.shape.detection,
});
const pairSchema = z.strictObject({ code: z.string().max(32, 'is too long') });
const sceneIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export type RouteDeps = Readonly<{
  registry: SceneRegistry;
  hub: DeviceHub;
  pairLimiter: AttemptLimiter;
  /** The address a second phone should open (the LAN address when listening on it). */
  panelBaseUrl(): string;
}>;

const PAIR_REFUSALS = {
  malformed: [400, 'the code has 6 letters and digits, like K7QM2X'],
  unknown: [404, 'no scene has this code: check it with the console'],
  expired: [410, 'this code has expired: ask for a fresh one on the console'],
  used: [410, 'this code was already used: ask for a fresh one on the console'],
} as const;

/** The HTTP API (docs/protocol.md). Bodies are validated whole; a refusal changes nothing. */
export function addRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { registry, hub } = deps;
  const withUrl = (p: Pairing) => ({ ...p, panelUrl: `${deps.panelBaseUrl()}#/pair/${p.code}` });

  app.get('/api/health', () => ({ ok: true }));

  app.get('/api/setup', () => {
    const devices = hub.devices();
    return {
      devices,
      deviceServer: { name: hub.adapter.name, connected: hub.connected() },
      templates: {
        pair: templateAgreement({
          mode: 'pair',
          names: { dominant: 'Dominant', submissive: 'Receiver' },
          devices,
        }),
        solo: templateAgreement({ mode: 'solo', names: { submissive: 'You' }, devices }),
      },
      panelBaseUrl: deps.panelBaseUrl(),
    };
  });

  app.post('/api/scenes', (request, reply) => {
    const body = parseWith(newSceneSchema, request.body);
    if (!body.ok) return apiError(reply, 400, 'bad-request', body.errors.join('; '));
    if (body.value.mode === 'pair' && body.value.names.dominant === undefined)
      return apiError(reply, 400, 'bad-request', 'names.dominant: is required for a pair');
    const created = registry.create(body.value);
    if (!created.ok) return apiError(reply, 400, 'bad-request', created.errors.join('; '));
    const { credentials, pairing } = created.value;
    return reply
      .code(201)
      .send({ ...credentials, pairing: pairing === null ? null : withUrl(pairing) });
  });

  app.post('/api/pair', (request, reply) => {
    const wait = deps.pairLimiter.retryAfter(request.ip);
    if (wait > 0)
      return apiError(
        reply,
        429,
        'rate-limited',
        `too many wrong codes: try again in ${Math.ceil(wait / 1000)} s`,
      );
    const body = parseWith(pairSchema, request.body);
    if (!body.ok) return apiError(reply, 400, 'bad-request', body.errors.join('; '));
    const paired = registry.pair(body.value.code);
    if (!paired.ok) {
      deps.pairLimiter.failed(request.ip);
      const [status, message] = PAIR_REFUSALS[paired.reason];
      return apiError(reply, status, paired.reason, message);
    }
    return paired.credentials;
  });

  app.post<{ Params: { id: string } }>('/api/scenes/:id/pairing', (request, reply) => {
    const id = parseWith(sceneIdSchema, request.params.id);
    const secret = bearer(request.headers.authorization);
    const who = id.ok && secret !== null ? registry.authenticate(id.value, secret) : null;
    if (!id.ok || who === null) {
      deps.pairLimiter.failed(request.ip);
      return apiError(reply, 401, 'unauthorized', 'unknown scene or secret');
    }
    const runtime = registry.get(id.value);
    if (who.role !== 'dominant' || runtime?.state().agreement.mode !== 'pair')
      return apiError(reply, 403, 'forbidden', 'only the console of a scene for two pairs a panel');
    return reply.code(201).send(withUrl(registry.newPairing(id.value)));
  });
}
