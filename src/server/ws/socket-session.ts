import { parseWith } from '../../core';
import {
  clientFrameSchema,
  helloSchema,
  MAX_FRAME_BYTES,
  type ErrorCode,
  type Role,
} from '../../protocol/frames';
import type { ServerFrame } from '../../protocol/view';
import type { AttemptLimiter } from '../attempt-limiter';
import type { SceneRegistry } from '../scenes/scene-registry';
import { ENDED, type SceneRuntime } from '../scenes/scene-runtime';

/** WebSocket close codes Redline uses (4000–4999 are the application's). */
export const CLOSE = {
  replaced: 4000,
  badHello: 4400,
  unauthorized: 4401,
  rateLimited: 4429,
  /** The scene is over for this server (closed, or stopped and left): do not come back. */
  ended: 4410,
  /** The server is stopping: come back when it is up again. */
  goingAway: 1001,
} as const;

export type SocketSessionDeps = Readonly<{
  registry: SceneRegistry;
  /** Failed sign-ins, per remote address. */
  limiter: AttemptLimiter;
  remote: string;
  send(frame: ServerFrame): void;
  close(code: number, reason: string): void;
}>;

export type SocketSession = Readonly<{
  receive(data: unknown, isBinary: boolean): void;
  closed(): void;
}>;

type SignedIn = {
  sceneId: string;
  role: Role;
  lastSeq: number;
  runtime: SceneRuntime;
  detach: () => void;
};

/**
 * One WebSocket connection, from its hello to its close. Every frame is untrusted: it is sized,
 * parsed and validated before anything reads it, checked against the sender's role and its
 * sequence number (a replayed frame is refused), and answered with `ack` or a plain `error`.
 * A refused frame changes nothing.
 */
export function createSocketSession(deps: SocketSessionDeps): SocketSession {
  let signedIn: SignedIn | null = null;
  let ended = false;

  const error = (code: ErrorCode, message: string, seq?: number) => {
    deps.send(
      seq === undefined ? { type: 'error', code, message } : { type: 'error', code, message, seq },
    );
  };
  const end = (code: number, reason: string) => {
    if (ended) return;
    ended = true;
    signedIn?.detach();
    deps.close(code, reason);
  };

  const hello = (input: unknown) => {
    const wait = deps.limiter.retryAfter(deps.remote);
    if (wait > 0) {
      error('rate-limited', `too many failed sign-ins: try again in ${Math.ceil(wait / 1000)} s`);
      end(CLOSE.rateLimited, 'rate limited');
      return;
    }
    const parsed = parseWith(helloSchema, input);
    if (!parsed.ok) {
      error('bad-frame', `the first frame must be a hello: ${parsed.errors.join('; ')}`);
      end(CLOSE.badHello, 'bad hello');
      return;
    }
    const { sceneId, secret } = parsed.value;
    const who = deps.registry.authenticate(sceneId, secret);
    const runtime = deps.registry.get(sceneId);
    if (who === null || runtime === undefined) {
      // The right secret for a scene that is over is no failed sign-in: its screens may come
      // back to it any time (a phone woken in the morning) and must not lock anyone out.
      if (deps.registry.ended(sceneId, secret)) {
        error('ended', `${ENDED}.`);
        end(CLOSE.ended, 'scene ended');
        return;
      }
      deps.limiter.failed(deps.remote);
      error('unauthorized', 'unknown scene or secret');
      end(CLOSE.unauthorized, 'unauthorized');
      return;
    }
    // The welcome comes first: views the attachment itself causes are already in it.
    let welcomed = false;
    const detach = runtime.attach(who.role, {
      send: (f) => {
        if (welcomed) deps.send(f);
      },
      close: (reason, why) => {
        deps.send({ type: 'bye', reason });
        end(
          why === 'replaced' ? CLOSE.replaced : why === 'ended' ? CLOSE.ended : CLOSE.goingAway,
          reason,
        );
      },
    });
    signedIn = { sceneId, role: who.role, lastSeq: who.lastSeq, runtime, detach };
    deps.send({
      type: 'welcome',
      role: who.role,
      sceneId,
      lastSeq: who.lastSeq,
      view: runtime.view(),
    });
    welcomed = true;
  };

  const frame = (me: SignedIn, input: unknown) => {
    const seq = seqOf(input);
    if (isHello(input)) {
      error('bad-frame', 'already signed in on this connection', seq);
      return;
    }
    const parsed = parseWith(clientFrameSchema, input);
    if (!parsed.ok) {
      error('bad-frame', parsed.errors.join('; '), seq);
      return;
    }
    const f = parsed.value;
    if (f.seq <= me.lastSeq) {
      error(
        'replayed',
        `frame ${f.seq} is not newer than ${me.lastSeq}: refused as a replay`,
        f.seq,
      );
      return;
    }
    me.lastSeq = f.seq;
    // The frame is carried out first (a stop goes to the toys now); its number is stored after:
    // with its event, or else on its own.
    if (!me.runtime.handle(me.role, f, deps.send)) deps.registry.seen(me.sceneId, me.role, f.seq);
  };

  return {
    receive(data, isBinary) {
      if (ended) return;
      // Before the hello every wrong frame ends the connection (docs/protocol.md), not only a
      // wrong JSON object: nobody keeps an unauthenticated socket open by sending junk.
      const refuse = (code: ErrorCode, message: string) => {
        error(code, message);
        if (signedIn === null) end(CLOSE.badHello, 'bad hello');
      };
      const text = asText(data, isBinary);
      if (text === null) {
        refuse('bad-frame', 'frames are JSON text, not binary');
        return;
      }
      if (Buffer.byteLength(text, 'utf8') > MAX_FRAME_BYTES) {
        refuse('too-large', `a frame may be at most ${MAX_FRAME_BYTES} bytes`);
        return;
      }
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch {
        refuse('bad-frame', 'a frame must be one JSON object');
        return;
      }
      if (signedIn === null) hello(input);
      else frame(signedIn, input);
    },
    closed() {
      ended = true;
      signedIn?.detach();
    },
  };
}

function asText(data: unknown, isBinary: boolean): string | null {
  if (isBinary) return null;
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return null;
}

function seqOf(input: unknown): number | undefined {
  if (typeof input !== 'object' || input === null || !('seq' in input)) return undefined;
  const { seq } = input;
  return Number.isSafeInteger(seq) ? (seq as number) : undefined;
}

function isHello(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'type' in input && input.type === 'hello';
}
