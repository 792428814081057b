import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  followUpTimes,
  parseDebriefAnswers,
  parseFollowUpAnswer,
  parseWith,
  replay,
  shareRequestSchema,
  sharedPart,
  suggestionsFrom,
  type Agreement,
  type DebriefAnswers,
  type FollowUpAnswer,
  type Role,
  type SharedDebrief,
} from '../../core';
import type { DebriefView, FollowUpsView } from '../../protocol/debrief';
import { hashSecret } from '../secrets';
import { StoreError, type Store } from '../store/store';
import type { AttemptLimiter } from '../attempt-limiter';
import { apiError, apiErrorHandler, bearer } from './api-error';

/**
 * After a scene: each participant's debrief (private first, then what they choose to share) and
 * their follow-ups hours and days later (issue 7). Every route is in this one list, which the
 * privacy test walks as the other partner (P3). A scene's own secret proves who asks, checked
 * against the store, so a scene closed long ago (or from before a restart) can still be
 * debriefed. Nothing a person wrote is logged or echoed in an error.
 */
export const AFTERCARE_ROUTES = [
  'GET /api/scenes/:id/debrief',
  'PUT /api/scenes/:id/debrief',
  'POST /api/scenes/:id/debrief/share',
  'GET /api/scenes/:id/follow-ups',
  'POST /api/scenes/:id/follow-ups/:due',
] as const;
export type AftercareRoute = (typeof AFTERCARE_ROUTES)[number];

/** Five answers of 1000 characters can exceed the app's 16 KiB in UTF-8. */
const BODY_LIMITS: Partial<Record<AftercareRoute, number>> = {
  'PUT /api/scenes/:id/debrief': 64 * 1024,
};

export type AftercareRouteDeps = Readonly<{
  store: Store;
  wallNow?: () => number;
  /** Wrong secrets count as failed attempts of the address, as for pairing and sign-in. */
  limiter?: AttemptLimiter;
}>;

const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const dueParam = z.string().regex(/^\d{1,16}$/, 'must be a due time in ms');

type Who = Readonly<{ sceneId: string; role: Role }>;
type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;

const param = (request: FastifyRequest, key: string): string => {
  const value = (request.params as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
};
const other = (role: Role): Role => (role === 'dominant' ? 'submissive' : 'dominant');

/** Stored answers validated again on the way out; something stored that no longer fits is dropped. */
const answersOf = (stored: unknown): DebriefAnswers | null => {
  if (stored === null) return null;
  const parsed = parseDebriefAnswers(stored);
  return parsed.ok ? parsed.value : null;
};
const followUpAnswerOf = (stored: unknown): FollowUpAnswer | null => {
  if (stored === null) return null;
  const parsed = parseFollowUpAnswer(stored);
  return parsed.ok ? parsed.value : null;
};

export function aftercareRoutes(deps: AftercareRouteDeps): FastifyPluginCallback {
  const { store } = deps;
  const wallNow = deps.wallNow ?? Date.now;

  /** The same 401 for an unknown scene and a wrong secret, before the body is read. */
  const withSecret =
    (run: (who: Who, request: FastifyRequest, reply: FastifyReply) => unknown): Handler =>
    (request, reply) => {
      const secret = bearer(request.headers.authorization);
      const id = parseWith(idParam, param(request, 'id'));
      const found =
        secret === null || !id.ok ? null : store.participant(id.value, hashSecret(secret));
      if (found === null || !id.ok) {
        if (secret !== null) deps.limiter?.failed(request.ip);
        return apiError(reply, 401, 'unauthorized', 'unknown scene or secret');
      }
      return run({ sceneId: id.value, role: found.role }, request, reply);
    };

  /** The scene's agreement and when it stopped (wall clock), from its stored events. */
  function sceneFacts(sceneId: string): { agreement: Agreement; stoppedAt: number | null } {
    const row = store.scene(sceneId);
    const events = store.events(sceneId);
    if (row === null || !events.ok)
      throw new StoreError(`scene "${sceneId}" could not be read back`);
    const state = replay(events.value).state;
    const stop = state.stop;
    return {
      agreement: state.agreement,
      stoppedAt: stop === null ? null : row.createdWallMs + stop.at,
    };
  }

  const nameIn = (agreement: Agreement, role: Role) =>
    agreement.participants.find((p) => p.role === role)?.name ?? role;

  function debriefView(who: Who): DebriefView {
    const { agreement, stoppedAt } = sceneFacts(who.sceneId);
    const own = store.debriefs.debrief(who.sceneId, who.role);
    const shared = store.debriefs.sharedIn(who.sceneId);
    const sharedBy = (role: Role) => shared.find((s) => s.role === role);
    const partnerRole = other(who.role);
    const partnerShared = sharedBy(partnerRole);
    const pair = agreement.mode === 'pair';
    const forSuggestions = shared.flatMap((s): SharedDebrief[] => {
      const answers = answersOf(s.shared);
      return answers === null ? [] : [{ role: s.role, answers }];
    });
    return {
      sceneId: who.sceneId,
      mode: agreement.mode,
      stoppedAt,
      you: {
        role: who.role,
        name: nameIn(agreement, who.role),
        answers: own === null ? null : answersOf(own.answers),
        updatedAt: own?.updatedWallMs ?? null,
        shared: own === null ? null : answersOf(own.shared),
        sharedAt: own?.sharedWallMs ?? null,
      },
      partner: pair
        ? {
            role: partnerRole,
            name: nameIn(agreement, partnerRole),
            shared: partnerShared === undefined ? null : answersOf(partnerShared.shared),
            sharedAt: partnerShared?.sharedWallMs ?? null,
          }
        : null,
      suggestions: suggestionsFrom(forSuggestions, agreement),
    };
  }

  /** Follow-ups come into being the first time they are asked for after the stop. */
  function followUpsView(who: Who): FollowUpsView {
    const { stoppedAt } = sceneFacts(who.sceneId);
    if (stoppedAt !== null)
      store.debriefs.addFollowUps(who.sceneId, who.role, followUpTimes(stoppedAt));
    return {
      sceneId: who.sceneId,
      stoppedAt,
      followUps: store.debriefs.followUps(who.sceneId, who.role).map((f) => ({
        dueAt: f.dueWallMs,
        answeredAt: f.answeredWallMs,
        answer: followUpAnswerOf(f.answer),
      })),
    };
  }

  const handlers: Record<AftercareRoute, Handler> = {
    'GET /api/scenes/:id/debrief': withSecret((who, _request, reply) =>
      reply.send(debriefView(who)),
    ),
    'PUT /api/scenes/:id/debrief': withSecret((who, request, reply) => {
      const answers = parseDebriefAnswers(request.body);
      if (!answers.ok) return apiError(reply, 400, 'bad-request', answers.errors.join('; '));
      store.debriefs.putDebrief(who.sceneId, who.role, answers.value, wallNow());
      return reply.send(debriefView(who));
    }),
    'POST /api/scenes/:id/debrief/share': withSecret((who, request, reply) => {
      const body = parseWith(shareRequestSchema, request.body);
      if (!body.ok) return apiError(reply, 400, 'bad-request', body.errors.join('; '));
      const own = store.debriefs.debrief(who.sceneId, who.role);
      const answers = own === null ? null : answersOf(own.answers);
      if (answers === null)
        return apiError(reply, 409, 'no-debrief', 'save your answers before sharing them');
      const part = sharedPart(answers, body.value.fields);
      const nothing = Object.keys(part).length === 0;
      store.debriefs.share(who.sceneId, who.role, nothing ? null : part, wallNow());
      return reply.send(debriefView(who));
    }),
    'GET /api/scenes/:id/follow-ups': withSecret((who, _request, reply) =>
      reply.send(followUpsView(who)),
    ),
    'POST /api/scenes/:id/follow-ups/:due': withSecret((who, request, reply) => {
      const due = parseWith(dueParam, param(request, 'due'), 'due');
      if (!due.ok) return apiError(reply, 400, 'bad-request', due.errors.join('; '));
      const answer = parseFollowUpAnswer(request.body);
      if (!answer.ok) return apiError(reply, 400, 'bad-request', answer.errors.join('; '));
      const dueAt = Number(due.value);
      const view = followUpsView(who);
      const found = view.followUps.find((f) => f.dueAt === dueAt);
      if (found === undefined)
        return apiError(reply, 404, 'not-found', 'there is no follow-up at that time');
      if (!store.debriefs.answerFollowUp(who.sceneId, who.role, dueAt, answer.value, wallNow()))
        return apiError(reply, 409, 'answered', 'that follow-up was answered already');
      return reply.send(followUpsView(who));
    }),
  };

  return (scope, _options, registered) => {
    // Nothing is logged: a failure's message could quote what someone wrote.
    scope.setErrorHandler(apiErrorHandler());
    for (const route of AFTERCARE_ROUTES) {
      const [method, url] = route.split(' ') as [string, string];
      const bodyLimit = BODY_LIMITS[route];
      scope.route({ method, url, handler: handlers[route], ...(bodyLimit ? { bodyLimit } : {}) });
    }
    registered();
  };
}
