import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseWith, ROLES } from '../../core';
import type { AttemptLimiter } from '../attempt-limiter';
import type { Participant } from '../negotiation/context';
import type { NegotiationService } from '../negotiation/negotiation-service';
import type { Outcome, RefusalReason } from '../negotiation/refusal';
import { StoreError } from '../store/store';
import { apiError, apiErrorHandler, bearer } from './api-error';

/**
 * The negotiation's HTTP API (docs/protocol.md "Negotiation"). Every route is in this one list,
 * which the privacy test walks (P3: it calls each as the other partner); registering goes through
 * the list, so a route cannot exist without being on it.
 */
export const NEGOTIATION_ROUTES = [
  'POST /api/negotiations',
  'GET /api/invitations/:code',
  'POST /api/invitations/:code/accept',
  'POST /api/invitations/:code/decline',
  'POST /api/negotiations/:id/invitation',
  'GET /api/negotiations/:id',
  'PUT /api/negotiations/:id/answers',
  'POST /api/negotiations/:id/submit',
  'POST /api/negotiations/:id/items',
  'PUT /api/negotiations/:id/draft',
  'POST /api/negotiations/:id/sign',
  'POST /api/negotiations/:id/withdraw',
  'GET /api/agreements/:hash',
] as const;
export type NegotiationRoute = (typeof NEGOTIATION_ROUTES)[number];

/**
 * Larger bodies than the app's 16 KiB where the content needs it: a full set of answers (up to
 * 120 items, two roles, a note of 500 characters each), the couple's items, an agreement.
 */
export const BODY_LIMITS: Partial<Record<NegotiationRoute, number>> = {
  'PUT /api/negotiations/:id/answers': 512 * 1024,
  'POST /api/negotiations/:id/items': 128 * 1024,
  'PUT /api/negotiations/:id/draft': 64 * 1024,
};

export type NegotiationRouteDeps = Readonly<{
  negotiations: NegotiationService;
  /** Failed codes and secrets per address, shared with pairing and sign-in. */
  limiter: AttemptLimiter;
  /** The address the partner should open (the LAN address when listening on it). */
  baseUrl(): string;
}>;

const STATUS: Record<RefusalReason, number> = {
  'bad-request': 400,
  malformed: 400,
  unauthorized: 401,
  forbidden: 403,
  unknown: 404,
  'not-found': 404,
  expired: 410,
  used: 410,
  declined: 409,
  'not-joined': 409,
  joined: 409,
  'no-draft': 409,
  stale: 409,
  'already-sealed': 409,
  'sealed-before': 409,
};

const name = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');
const createBody = z.strictObject({
  name,
  role: z.enum(ROLES),
  message: z.string().trim().max(500, 'must be at most 500 characters').optional(),
});
const acceptBody = z.strictObject({ name });
const noBody = z.strictObject({}).optional();
const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const codeParam = z.string().max(32);

type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;
const param = (request: FastifyRequest, key: string): string => {
  const value = (request.params as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
};

export function negotiationRoutes(deps: NegotiationRouteDeps) {
  const { negotiations: service, limiter } = deps;
  const answer = <T>(reply: FastifyReply, outcome: Outcome<T>) =>
    outcome.ok
      ? reply.code(200).send(outcome.value)
      : apiError(reply, STATUS[outcome.reason], outcome.reason, outcome.message);

  /** Code routes: refused while the address is guessing; every failure counts towards that. */
  const withCode =
    (run: (code: string, request: FastifyRequest, reply: FastifyReply) => unknown): Handler =>
    (request, reply) => {
      const wait = limiter.retryAfter(request.ip);
      if (wait > 0)
        return apiError(
          reply,
          429,
          'rate-limited',
          `too many wrong codes: try again in ${Math.ceil(wait / 1000)} s`,
        );
      const code = parseWith(codeParam, param(request, 'code'));
      return run(code.ok ? code.value : '', request, reply);
    };
  const counted = <T>(request: FastifyRequest, outcome: Outcome<T>) => {
    if (!outcome.ok && ['malformed', 'unknown', 'expired', 'used'].includes(outcome.reason))
      limiter.failed(request.ip);
    return outcome;
  };

  /**
   * Secret routes: the same 401 for an unknown negotiation and a wrong secret, checked before the
   * body is even read. A wrong secret counts as a failed attempt; a right one is never refused
   * for the address's failures (256 bits cannot be guessed, and a shared address must not lock a
   * couple out of their own negotiation).
   */
  const withSecret =
    (
      find: (request: FastifyRequest, secret: string) => Participant | null,
      run: (who: Participant, request: FastifyRequest, reply: FastifyReply) => unknown,
    ): Handler =>
    (request, reply) => {
      const secret = bearer(request.headers.authorization);
      const who = secret === null ? null : find(request, secret);
      if (who === null) {
        if (secret !== null) limiter.failed(request.ip);
        return apiError(reply, 401, 'unauthorized', 'unknown negotiation or secret');
      }
      return run(who, request, reply);
    };
  const inNegotiation = (
    run: (who: Participant, request: FastifyRequest, reply: FastifyReply) => unknown,
  ) =>
    withSecret((request, secret) => {
      const id = parseWith(idParam, param(request, 'id'));
      return id.ok ? service.authenticate(id.value, secret) : null;
    }, run);
  const emptyBody =
    (run: (who: Participant) => Outcome<unknown>) =>
    (who: Participant, request: FastifyRequest, reply: FastifyReply) => {
      const body = parseWith(noBody, request.body);
      if (!body.ok) return apiError(reply, 400, 'bad-request', body.errors.join('; '));
      return answer(reply, run(who));
    };

  const handlers: Record<NegotiationRoute, Handler> = {
    'POST /api/negotiations': (request, reply) => {
      const body = parseWith(createBody, request.body);
      if (!body.ok) return apiError(reply, 400, 'bad-request', body.errors.join('; '));
      const { message, ...rest } = body.value;
      const created = service.create({
        ...rest,
        message: message === undefined || message === '' ? null : message,
      });
      return reply.code(201).send({
        ...created,
        invitation: {
          ...created.invitation,
          url: `${deps.baseUrl()}#/invite/${created.invitation.code}`,
        },
      });
    },
    'GET /api/invitations/:code': withCode((code, request, reply) =>
      answer(reply, counted(request, service.introduction(code))),
    ),
    'POST /api/invitations/:code/accept': withCode((code, request, reply) => {
      const body = parseWith(acceptBody, request.body);
      if (!body.ok) return apiError(reply, 400, 'bad-request', body.errors.join('; '));
      return answer(reply, counted(request, service.accept(code, body.value.name)));
    }),
    'POST /api/invitations/:code/decline': withCode((code, request, reply) => {
      const body = parseWith(noBody, request.body);
      if (!body.ok) return apiError(reply, 400, 'bad-request', body.errors.join('; '));
      const declined = counted(request, service.decline(code));
      return declined.ok ? reply.code(204).send() : answer(reply, declined);
    }),
    'POST /api/negotiations/:id/invitation': inNegotiation(
      emptyBody((who) => {
        const fresh = service.renewInvitation(who);
        return fresh.ok
          ? {
              ok: true,
              value: { ...fresh.value, url: `${deps.baseUrl()}#/invite/${fresh.value.code}` },
            }
          : fresh;
      }),
    ),
    'GET /api/negotiations/:id': inNegotiation((who, _request, reply) =>
      reply.send(service.view(who)),
    ),
    'PUT /api/negotiations/:id/answers': inNegotiation((who, request, reply) =>
      answer(reply, service.putAnswers(who, request.body)),
    ),
    'POST /api/negotiations/:id/submit': inNegotiation(emptyBody((who) => service.submit(who))),
    'POST /api/negotiations/:id/items': inNegotiation((who, request, reply) =>
      answer(reply, service.addItems(who, request.body)),
    ),
    'PUT /api/negotiations/:id/draft': inNegotiation((who, request, reply) =>
      answer(reply, service.putDraft(who, request.body)),
    ),
    'POST /api/negotiations/:id/sign': inNegotiation((who, request, reply) =>
      answer(reply, service.sign(who, request.body)),
    ),
    'POST /api/negotiations/:id/withdraw': inNegotiation(emptyBody((who) => service.withdraw(who))),
    'GET /api/agreements/:hash': withSecret(
      (_request, secret) => service.authenticateSecret(secret),
      (who, request, reply) => answer(reply, service.agreement(who, param(request, 'hash'))),
    ),
  };

  /** A Fastify plugin: its error handler covers these routes only. */
  const plugin: FastifyPluginCallback = (scope, _options, registered) => {
    scope.setErrorHandler(
      apiErrorHandler((error, request) => {
        // P3: a failure's message may quote stored content, so it is neither answered nor logged;
        // a StoreError's is worded by the store and names only the negotiation.
        service.report(
          `negotiation: ${request.method} ${request.routeOptions.url ?? ''} failed: ${
            error instanceof StoreError
              ? error.message
              : error instanceof Error
                ? error.name
                : 'an error'
          }`,
        );
      }),
    );
    for (const route of NEGOTIATION_ROUTES) {
      const [method, url] = route.split(' ') as [string, string];
      const bodyLimit = BODY_LIMITS[route];
      scope.route({ method, url, handler: handlers[route], ...(bodyLimit ? { bodyLimit } : {}) });
    }
    registered();
  };
  return plugin;
}
