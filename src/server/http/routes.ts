import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { agreementSchema, parseWith } from '../../core';
import type { AttemptLimiter } from '../attempt-limiter';
import type { DeviceHub } from '../device-hub';
import type { NegotiationService } from '../negotiation/negotiation-service';
import {
  panelLocked,
  type NewScene,
  type Pairing,
  type SceneRegistry,
} from '../scenes/scene-registry';
import { templateAgreement } from '../../core';
import { apiError, bearer } from './api-error';

const name = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');
const deviceIds = z.array(z.string().min(1).max(64)).max(16, 'must list at most 16 devices');
/**
 * Solo: the cautious template, with the person's name and what sensors may do (the agreement's
 * `detection`, docs/decisions/0012; absent: the person confirms by hand).
 */
const soloSceneSchema = z.strictObject({
  mode: z.literal('solo'),
  names: z.strictObject({ submissive: name }),
  devices: deviceIds,
  detection: agreementSchema.shape.detection,
});
/** A pair: only from an agreement both partners signed, started by the dominant (issue 5). */
const pairSceneSchema = z.strictObject({
  mode: z.literal('pair'),
  agreement: z.strictObject({
    negotiationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a negotiation id'),
    agreementHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'is not an agreement hash'),
  }),
  devices: deviceIds,
});
const modeSchema = z.strictObject({ mode: z.enum(['pair', 'solo']) }).loose();
const pairSchema = z.strictObject({ code: z.string().max(32, 'is too long') });
const sceneIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export type RouteDeps = Readonly<{
  registry: SceneRegistry;
  negotiations: NegotiationService;
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
  running: [
    409,
    'this scene is running: its panel stays with the receiver. A new panel can join before the start or after the stop',
  ],
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

  /**
   * The agreement a new scene runs under, or the refusal to answer: solo gets the template; a
   * pair needs the dominant's negotiation secret and a sealed agreement of that negotiation that
   * is still in force.
   */
  type Resolved =
    { ok: true; scene: NewScene } | { ok: false; status: number; code: string; message: string };
  const refused = (status: number, code: string, message: string): Resolved => ({
    ok: false,
    status,
    code,
    message,
  });
  const resolveScene = (body: unknown, secret: string | null, ip: string): Resolved => {
    const mode = parseWith(modeSchema, body);
    if (!mode.ok) return refused(400, 'bad-request', mode.errors.join('; '));
    if (mode.value.mode === 'solo') {
      const solo = parseWith(soloSceneSchema, body);
      if (!solo.ok) return refused(400, 'bad-request', solo.errors.join('; '));
      const devices = hub.devices().filter((d) => solo.value.devices.includes(d.id));
      const agreement = templateAgreement({
        mode: 'solo',
        names: solo.value.names,
        devices,
        detection: solo.value.detection,
      });
      return { ok: true, scene: { agreement, devices: solo.value.devices } };
    }
    const pair = parseWith(pairSceneSchema, body);
    if (!pair.ok)
      return refused(
        400,
        'bad-request',
        `${pair.errors.join('; ')} — a scene for two starts from an agreement both partners signed (Talk first)`,
      );
    const { negotiationId, agreementHash } = pair.value.agreement;
    const who = secret === null ? null : deps.negotiations.authenticate(negotiationId, secret);
    if (who === null) {
      if (secret !== null) deps.pairLimiter.failed(ip);
      return refused(401, 'unauthorized', 'unknown negotiation or secret');
    }
    if (who.role !== 'dominant')
      return refused(
        403,
        'forbidden',
        'the partner in the dominant role starts the scene; the receiver joins it as the panel',
      );
    const sealed = deps.negotiations.sealedAgreement(agreementHash, negotiationId);
    if (sealed === null)
      return refused(404, 'not-found', 'no agreement you both signed has this hash');
    if (sealed.state !== 'in-force')
      return refused(
        409,
        'not-in-force',
        sealed.state === 'withdrawn'
          ? 'this agreement was withdrawn: a scene needs an agreement in force, so sign a new one'
          : 'a newer agreement replaced this one: start the scene from the newer one',
      );
    return {
      ok: true,
      scene: { agreement: sealed.agreement, devices: pair.value.devices, negotiationId },
    };
  };

  app.post('/api/scenes', (request, reply) => {
    const resolved = resolveScene(request.body, bearer(request.headers.authorization), request.ip);
    if (!resolved.ok) return apiError(reply, resolved.status, resolved.code, resolved.message);
    const created = registry.create(resolved.scene);
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
    if (panelLocked(runtime.state()))
      return apiError(reply, 409, 'running', PAIR_REFUSALS.running[1]);
    return reply.code(201).send(withUrl(registry.newPairing(id.value)));
  });
}
