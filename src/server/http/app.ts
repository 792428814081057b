import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createAttemptLimiter, type AttemptLimiter } from '../attempt-limiter';
import type { DeviceHub } from '../device-hub';
import type { NegotiationService } from '../negotiation/negotiation-service';
import type { SceneRegistry } from '../scenes/scene-registry';
import { createSocketSession } from '../ws/socket-session';
import { frameText } from '../ws/frame-text';
import type { Store } from '../store/store';
import { aftercareRoutes } from './aftercare-routes';
import { historyRoutes } from './history-routes';
import { negotiationRoutes } from './negotiation-routes';
import { apiError, apiErrorHandler } from './api-error';
import { addRoutes } from './routes';
import { addOwnHostCheck } from './own-host';
import { addSameOriginCheck } from './same-origin';
import { addSecurityHeaders, addUpgradeSecurityHeaders } from './security-headers';

export type AppOptions = Readonly<{
  registry: SceneRegistry;
  hub: DeviceHub;
  negotiations: NegotiationService;
  /** The scenes' store: history, debriefs and follow-ups read it (scenes closed long ago too). */
  store: Store;
  /** The built web app (dist/web); when missing, `/` says how to build it. */
  webRoot: string;
  panelBaseUrl(): string;
  /** Failed pairings and sign-ins per address (defaults: 10 a minute). */
  limiter?: AttemptLimiter;
  /**
   * A name Redline answers to besides IP addresses and localhost: the one given to `--host`, if
   * it is a name (own-host.ts).
   */
  hostName?: string | undefined;
  /**
   * A certificate and its key (PEM): the app is served over HTTPS and the WebSocket over WSS
   * (`redline serve --tls-cert --tls-key`), so nobody on the network can read the traffic.
   */
  tls?: Readonly<{ cert: string; key: string }> | undefined;
}>;

/** Bodies and frames are small; anything larger is refused before it is read. */
const BODY_LIMIT = 16 * 1024;
const SOCKET_PAYLOAD_LIMIT = 64 * 1024;

/**
 * The HTTP and WebSocket server as a Fastify instance, not yet listening (tests call it in-process
 * with `inject`). No request logging: nothing a person typed, and no secret, lands in a log.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { tls } = options;
  const app = Fastify({
    // An HTTPS server is an HTTP server to Fastify's routes and to the WebSocket's upgrade.
    ...(tls === undefined
      ? {}
      : {
          serverFactory: (handler: Parameters<typeof createHttpsServer>[1]) =>
            createHttpsServer({ cert: tls.cert, key: tls.key }, handler) as unknown as Server,
        }),
    logger: false,
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
    // The router's own refusals (a malformed URL, a path part over 100 characters) in Redline's
    // shape; Fastify's would echo the URL back.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode ?? 400;
      void apiError(
        reply,
        status >= 400 && status < 500 ? status : 400,
        'bad-request',
        status === 414 ? 'a part of this address is too long' : 'this address could not be read',
      );
    },
  });
  const limiter = options.limiter ?? createAttemptLimiter({ max: 10, windowMs: 60_000 });
  addSecurityHeaders(app);
  // Fastify's own handler would answer a failure's message, which may quote what someone wrote.
  app.setErrorHandler(apiErrorHandler());
  await app.register(fastifyWebsocket, { options: { maxPayload: SOCKET_PAYLOAD_LIMIT } });
  addUpgradeSecurityHeaders(app);
  // After the WebSocket plugin's own hook, which marks an upgrade as `request.ws`.
  addOwnHostCheck(app, options.hostName);
  addSameOriginCheck(app);

  // A plain request (no upgrade) gets a clear error like every other refusal, not a bare 404.
  const upgradeRequired = (_request: FastifyRequest, reply: FastifyReply) =>
    apiError(reply, 426, 'upgrade-required', 'this is the WebSocket: open it with an upgrade');
  app.route({
    method: 'GET',
    url: '/ws',
    handler: upgradeRequired,
    wsHandler: (socket, request) => {
      const session = createSocketSession({
        registry: options.registry,
        limiter,
        remote: request.ip,
        send: (frame) => {
          if (socket.readyState === socket.OPEN) socket.send(frameText(frame));
        },
        close: (code, reason) => {
          socket.close(code, reason);
        },
      });
      socket.on('message', (data, isBinary) => {
        session.receive(data, isBinary);
      });
      socket.on('close', () => {
        session.closed();
      });
      socket.on('error', () => {
        session.closed();
      });
    },
  });

  addRoutes(app, {
    registry: options.registry,
    negotiations: options.negotiations,
    hub: options.hub,
    pairLimiter: limiter,
    panelBaseUrl: options.panelBaseUrl,
  });

  await app.register(
    negotiationRoutes({
      negotiations: options.negotiations,
      limiter,
      baseUrl: options.panelBaseUrl,
    }),
  );

  await app.register(historyRoutes({ store: options.store, limiter }));
  await app.register(aftercareRoutes({ store: options.store, limiter }));

  if (existsSync(options.webRoot)) {
    await app.register(fastifyStatic, { root: options.webRoot, index: 'index.html' });
  } else {
    app.get('/', (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm run build:web` (npm start does it).\n'),
    );
  }
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: `nothing at ${request.method} ${request.url.split('?')[0] ?? ''}`,
      code: 'not-found',
    }),
  );
  return app;
}
