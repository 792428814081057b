import type { FastifyPluginCallback } from 'fastify';
import { z } from 'zod';
import { parseWith } from '../../core';
import type { AttemptLimiter } from '../attempt-limiter';
import { hashSecret } from '../secrets';
import type { Store } from '../store/store';
import { apiError, bearer } from './api-error';

export type HistoryRouteDeps = Readonly<{
  store: Store;
  /** Failed secrets per address, shared with pairing and sign-in. */
  limiter?: AttemptLimiter;
}>;

const sceneIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * A past (or running) scene's history: its event log, readings and stop timings, for its two
 * participants only — each with their own scene secret, checked against the store, so a scene
 * closed long ago (or before a restart) still answers. Both see the whole log: they shared the
 * scene. Nothing from the negotiation that led to it (P3). An unknown scene and a wrong secret
 * get the same 401.
 */
export function historyRoutes(deps: HistoryRouteDeps): FastifyPluginCallback {
  const { store, limiter } = deps;
  return (scope, _options, done) => {
    scope.get<{ Params: { id: string } }>('/api/scenes/:id/history', (request, reply) => {
      const id = parseWith(sceneIdSchema, request.params.id);
      const secret = bearer(request.headers.authorization);
      const who = id.ok && secret !== null ? store.participant(id.value, hashSecret(secret)) : null;
      const scene = id.ok && who !== null ? store.scene(id.value) : null;
      if (!id.ok || scene === null) {
        if (secret !== null) limiter?.failed(request.ip);
        return apiError(reply, 401, 'unauthorized', 'unknown scene or secret');
      }
      const events = store.events(scene.sceneId);
      const created = events.ok ? events.value[0] : undefined;
      if (!events.ok || created?.type !== 'scene.created')
        return apiError(
          reply,
          500,
          'unreadable',
          `this scene's log could not be read back: ${events.ok ? 'it has no start' : events.errors.join('; ')}`,
        );
      return reply.header('cache-control', 'no-store').send({
        sceneId: scene.sceneId,
        mode: scene.mode,
        createdWallMs: scene.createdWallMs,
        agreementHash: scene.agreementHash,
        agreement: created.agreement,
        events: events.value,
        readings: store.history.readings(scene.sceneId),
        stopTimings: store.history.stopTimings(scene.sceneId),
      });
    });
    done();
  };
}
