import { describe, expect, it } from 'vitest';
import { makeView } from '../test-support/view.test-support';
import { createConnection } from './connection';
import {
  CLOSE_ENDED,
  CLOSE_GOING_AWAY,
  CLOSE_REPLACED,
  CLOSE_UNAUTHORIZED,
  STOP_ACK_TIMEOUT_MS,
  WELCOME_TIMEOUT_MS,
} from './connection-types';
import { fakeEnv } from './fake-env.test-support';

const options = { url: 'ws://x/ws', sceneId: 'scene-1', secret: 's'.repeat(43), heartbeat: true };

function opened(storedLastSeq = 0, lastSeq = 0, heartbeat = true) {
  const fake = fakeEnv(storedLastSeq);
  const connection = createConnection({ ...options, heartbeat }, fake.env);
  fake.socket().open();
  fake.socket().welcome(lastSeq);
  return { ...fake, connection };
}

describe('connection: signing in', () => {
  it('sends the hello first, with the secret only in the frame', () => {
    const fake = fakeEnv();
    const connection = createConnection(options, fake.env);
    expect(connection.snapshot().status).toBe('connecting');
    expect(fake.socket().url).toBe('ws://x/ws');
    fake.socket().open();
    expect(fake.socket().sent[0]).toEqual({
      type: 'hello',
      v: 1,
      sceneId: 'scene-1',
      secret: options.secret,
    });
  });

  it('is open after the welcome, with role and view', () => {
    const { connection } = opened();
    const snap = connection.snapshot();
    expect(snap.status).toBe('open');
    expect(snap.role).toBe('submissive');
    expect(snap.view?.sceneId).toBe('scene-1');
  });

  it('refuses for good on unauthorized and never retries', () => {
    const fake = fakeEnv();
    const connection = createConnection(options, fake.env);
    fake.socket().open();
    fake
      .socket()
      .receive({ type: 'error', code: 'unauthorized', message: 'Unknown scene or secret.' });
    expect(connection.snapshot().status).toBe('refused');
    expect(connection.snapshot().lastError?.message).toBe('Unknown scene or secret.');
    fake.advance(60_000);
    expect(fake.sockets).toHaveLength(1);
  });

  it('refuses on close code 4401 too', () => {
    const fake = fakeEnv();
    const connection = createConnection(options, fake.env);
    fake.socket().serverClose(CLOSE_UNAUTHORIZED);
    expect(connection.snapshot().status).toBe('refused');
  });

  it('gives up a socket that is never welcomed and tries again', () => {
    const fake = fakeEnv();
    const connection = createConnection(options, fake.env);
    fake.socket().open();
    fake.advance(WELCOME_TIMEOUT_MS + 1);
    expect(connection.snapshot().status).toBe('reconnecting');
    fake.advance(250);
    expect(fake.sockets).toHaveLength(2);
  });
});

describe('connection: sequence numbers never repeat', () => {
  it('starts after the welcome lastSeq', () => {
    const { connection, socket } = opened(0, 41);
    expect(socket().frames('heartbeat')[0]?.seq).toBe(42);
    expect(connection.send({ type: 'safeword', word: 'yellow' })).toBe(43);
  });

  it('starts after the stored lastSeq when the server remembers less', () => {
    const { socket } = opened(100, 7);
    expect(socket().frames('heartbeat')[0]?.seq).toBe(101);
  });

  it('keeps rising across reconnects and remembers each seq', () => {
    const fake = opened();
    const first = fake.connection.send({ type: 'safeword', word: 'yellow' });
    fake.socket().serverClose();
    fake.advance(250);
    fake.socket().open();
    fake.socket().welcome(0); // a server that forgot: the browser still does not reuse
    const second = fake.connection.send({ type: 'safeword', word: 'yellow' });
    expect(second).not.toBeNull();
    expect(first).not.toBeNull();
    expect(second ?? 0).toBeGreaterThan(first ?? 0);
    const all = fake.sockets
      .flatMap((s) => s.sent.map((f) => f.seq))
      .filter((n) => n !== undefined);
    expect(new Set(all).size).toBe(all.length);
    expect(fake.saved.at(-1)).toBe(second);
  });

  it('tracks pending frames until their ack', () => {
    const { connection, socket } = opened();
    const seq = connection.send({ type: 'checkin', answer: 'green' });
    expect(connection.snapshot().pending).toContain(seq);
    socket().receive({ type: 'ack', seq });
    expect(connection.snapshot().pending).not.toContain(seq);
  });
});

describe('connection: what happens offline (S1, S4)', () => {
  it('queues red while connecting and sends it first thing after the welcome', () => {
    const fake = fakeEnv();
    const connection = createConnection(options, fake.env);
    const seq = connection.send({ type: 'safeword', word: 'red' });
    expect(seq).not.toBeNull();
    expect(connection.snapshot().queuedStops).toBe(1);
    fake.socket().open();
    fake.socket().welcome(0);
    const after = fake.socket().sent.slice(1); // after the hello
    expect(after[0]).toMatchObject({ type: 'safeword', word: 'red' });
    expect(after[1]).toMatchObject({ type: 'heartbeat' });
    expect(connection.snapshot().queuedStops).toBe(0);
  });

  it('queues checkin red and withdraw, but not yellow, green, heartbeats or signals', () => {
    const fake = opened();
    fake.socket().serverClose();
    const c = fake.connection;
    expect(c.send({ type: 'safeword', word: 'yellow' })).toBeNull();
    expect(c.send({ type: 'checkin', answer: 'green' })).toBeNull();
    expect(c.send({ type: 'signal', action: 'released' })).toBeNull();
    expect(c.send({ type: 'checkin', answer: 'red' })).not.toBeNull();
    expect(c.send({ type: 'withdraw' })).not.toBeNull();
    expect(c.snapshot().queuedStops).toBe(2);
  });

  it('keeps one red however often it is pressed offline', () => {
    const fake = opened();
    fake.socket().serverClose();
    const a = fake.connection.send({ type: 'safeword', word: 'red' });
    const b = fake.connection.send({ type: 'safeword', word: 'red' });
    expect(a).toBe(b);
    expect(fake.connection.snapshot().queuedStops).toBe(1);
  });

  it('sends again a red that was never acknowledged before the drop, with a new seq', () => {
    const fake = opened();
    const seq = fake.connection.send({ type: 'safeword', word: 'red' });
    fake.socket().serverClose();
    fake.advance(250);
    fake.socket().open();
    fake.socket().welcome(seq ?? 0);
    const again = fake.socket().frames('safeword');
    expect(again).toHaveLength(1);
    expect(again[0]?.seq).toBeGreaterThan(seq ?? 0);
  });

  it('reconnects at once when a red is not acknowledged in time, and sends it again', () => {
    const fake = opened();
    const seq = fake.connection.send({ type: 'safeword', word: 'red' });
    fake.advance(STOP_ACK_TIMEOUT_MS);
    expect(fake.connection.snapshot().status).toBe('reconnecting');
    expect(fake.connection.snapshot().queuedStops).toBe(1);
    fake.advance(250);
    fake.socket().open();
    fake.socket().welcome(seq ?? 0);
    expect(fake.socket().frames('safeword')).toHaveLength(1);
  });

  it('keeps the socket when the red is acknowledged', () => {
    const fake = opened();
    const seq = fake.connection.send({ type: 'safeword', word: 'red' });
    fake.socket().receive({ type: 'ack', seq });
    fake.advance(STOP_ACK_TIMEOUT_MS);
    expect(fake.connection.snapshot().status).toBe('open');
  });

  it('renumbers a red refused as replayed and sends it at once', () => {
    const fake = opened();
    const seq = fake.connection.send({ type: 'safeword', word: 'red' });
    fake.socket().receive({ type: 'error', code: 'replayed', message: 'old seq', seq });
    const reds = fake.socket().frames('safeword');
    expect(reds).toHaveLength(2);
    expect(reds[1]?.seq).toBeGreaterThan(seq ?? 0);
  });

  it('writes red to the socket inside send(), before returning', () => {
    const { connection, socket } = opened();
    const before = socket().sent.length;
    connection.send({ type: 'safeword', word: 'red' });
    expect(socket().sent.length).toBe(before + 1);
  });
});

describe('connection: reconnecting', () => {
  it('backs off 0.25 s, 0.5 s, 1 s, 2 s, 2 s', () => {
    const fake = fakeEnv();
    createConnection(options, fake.env);
    const gaps = [250, 500, 1000, 2000, 2000];
    for (const gap of gaps) {
      const count = fake.sockets.length;
      fake.socket().serverClose();
      fake.advance(gap - 1);
      expect(fake.sockets).toHaveLength(count);
      fake.advance(1);
      expect(fake.sockets).toHaveLength(count + 1);
    }
  });

  it('starts the backoff again after a welcome', () => {
    const fake = opened();
    fake.socket().serverClose();
    fake.advance(250);
    fake.socket().serverClose();
    fake.advance(500);
    fake.socket().open();
    fake.socket().welcome(10);
    fake.socket().serverClose();
    fake.advance(250);
    expect(fake.sockets).toHaveLength(4);
  });

  it('treats a silent socket as dead (the panel notices by its unanswered heartbeats)', () => {
    const fake = opened();
    fake.advance(5000);
    expect(fake.connection.snapshot().status).toBe('reconnecting');
    expect(fake.sockets[0]?.closed).toBe(true);
  });

  it('stays open while the server answers', () => {
    const fake = opened();
    for (let i = 0; i < 20; i++) {
      fake.advance(1000);
      const last = fake.socket().frames('heartbeat').at(-1);
      fake.socket().receive({ type: 'ack', seq: last?.seq });
    }
    expect(fake.connection.snapshot().status).toBe('open');
  });

  it('does not come back by itself when another screen took the role', () => {
    const fake = opened();
    fake.socket().receive({ type: 'bye', reason: 'Another screen took over the panel.' });
    expect(fake.connection.send({ type: 'safeword', word: 'yellow' })).toBeNull();
    fake.socket().serverClose(CLOSE_REPLACED);
    expect(fake.connection.snapshot().status).toBe('refused');
    expect(fake.connection.snapshot().lastError?.message).toContain('Another screen');
    fake.advance(60_000);
    expect(fake.sockets).toHaveLength(1);
    fake.connection.retry();
    expect(fake.sockets).toHaveLength(2);
  });

  it('ends, keeping the last view, when the scene it watched ended (bye, 4410); never retries', () => {
    const fake = opened();
    const view = fake.connection.snapshot().view;
    fake.socket().receive({ type: 'bye', reason: 'this scene has ended' });
    fake.socket().serverClose(CLOSE_ENDED);
    expect(fake.connection.snapshot().status).toBe('ended');
    expect(fake.connection.snapshot().view).toBe(view);
    fake.advance(60_000);
    expect(fake.sockets).toHaveLength(1);
  });

  it('ends when it signs in to a scene that has ended (error "ended" before any welcome)', () => {
    const fake = fakeEnv();
    const connection = createConnection(options, fake.env);
    fake.socket().open();
    fake.socket().receive({ type: 'error', code: 'ended', message: 'this scene has ended.' });
    expect(connection.snapshot().status).toBe('ended');
    expect(connection.snapshot().view).toBeNull();
    fake.advance(60_000);
    expect(fake.sockets).toHaveLength(1);
  });

  it('comes back after a bye from a server going away (1001), and keeps trying', () => {
    const fake = opened();
    fake.socket().receive({ type: 'bye', reason: 'The server is stopping.' });
    fake.socket().serverClose(CLOSE_GOING_AWAY);
    expect(fake.connection.snapshot().status).toBe('reconnecting');
    fake.advance(250);
    expect(fake.sockets).toHaveLength(2);
    // The server is still down: each try fails, and the tries go on.
    fake.socket().serverClose(1006);
    fake.advance(500);
    fake.socket().serverClose(1006);
    fake.advance(1000);
    expect(fake.sockets).toHaveLength(4);
    // Back up: welcomed again, with the stop queued while it was down sent first.
    const red = fake.connection.send({ type: 'safeword', word: 'red' });
    expect(red).not.toBeNull();
    fake.socket().open();
    fake.socket().welcome(0);
    expect(fake.connection.snapshot().status).toBe('open');
    expect(fake.connection.snapshot().lastError).toBeNull();
    expect(fake.socket().sent[1]).toMatchObject({ type: 'safeword', word: 'red' });
  });

  it('stops everything on close()', () => {
    const fake = opened();
    fake.connection.close();
    fake.advance(60_000);
    expect(fake.sockets).toHaveLength(1);
    expect(fake.connection.send({ type: 'safeword', word: 'red' })).toBeNull();
  });
});

describe('connection: heartbeats and views', () => {
  it('beats every min(1 s, timeout / 3) only when asked to', () => {
    const fake = opened();
    fake.advance(1000);
    fake.socket().receive({ type: 'ack', seq: 1 });
    expect(fake.socket().frames('heartbeat')).toHaveLength(2);
    const console = opened(0, 0, false);
    console.advance(3000);
    expect(console.socket().frames('heartbeat')).toHaveLength(0);
  });

  it('hands effects to listeners with their view', () => {
    const fake = opened();
    const heard: string[] = [];
    fake.connection.onEffects((effects, view) => {
      heard.push(`${effects.length}:${view.phase}`);
    });
    const view = makeView({ phase: 'post-orgasm' });
    fake.socket().receive({
      type: 'view',
      view,
      effects: [{ type: 'prompt', at: 1, prompt: 'check-in', to: 'submissive' }],
    });
    expect(heard).toEqual(['1:post-orgasm']);
    expect(fake.connection.snapshot().lastEffects).toHaveLength(1);
  });

  it('ignores frames it cannot read', () => {
    const fake = opened();
    fake.socket().onmessage?.({ data: 'not json' });
    fake.socket().receive({ type: 'view', view: { nope: true }, effects: [] });
    expect(fake.connection.snapshot().view?.phase).toBe('play');
  });
});
