import { afterEach, describe, expect, it } from 'vitest';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { isType, openScreen } from '../support/ws-client';
import { acked, createScene, signIn, sleep, until, viewWhere, type Signed } from './scene-setup';

/**
 * How long the server holds a scene: until it closes, or until it has been stopped and no screen
 * has watched it for a while. Then its runtime leaves memory, its devices are let go, its store
 * row is marked closed, and a screen that comes back hears that the scene ended (4410): never a
 * failed sign-in, which would lock the address out of the next scene.
 */
const ENDED_CLOSE = 4410;

async function hello(url: string, sceneId: string, secret: string) {
  const screen = await openScreen(url);
  screen.send({ type: 'hello', v: 1, sceneId, secret });
  const { code } = await screen.closed;
  return { code, frames: screen.frames };
}

const eventCount = (r: TestRedline, sceneId: string) => {
  const events = r.server.store.events(sceneId);
  if (!events.ok) throw new Error(events.errors.join('; '));
  return events.value.length;
};

/** A solo scene stopped in its set-up (red), its screen still on it. */
async function stoppedScene(
  r: TestRedline,
): Promise<{ sceneId: string; secret: string; screen: Signed }> {
  const created = await createScene(r.url, 'solo');
  const screen = await signIn(r.url, created.sceneId, created.secret);
  expect(await acked(screen, screen.frame({ type: 'safeword', word: 'red' }))).toMatchObject({
    type: 'ack',
  });
  await viewWhere(screen, (v) => v.phase === 'stopped');
  return { sceneId: created.sceneId, secret: created.secret, screen };
}

describe('how long the server holds a scene', () => {
  let r: TestRedline | undefined;
  afterEach(async () => {
    await r?.close();
    r = undefined;
  });

  it('a scene ended in its set-up leaves memory: its screen gets the closed view, then bye and 4410', async () => {
    r = await startTestRedline();
    const created = await createScene(r.url, 'solo');
    const screen = await signIn(r.url, created.sceneId, created.secret);
    expect(await acked(screen, screen.frame({ type: 'end' }))).toMatchObject({ type: 'ack' });
    expect((await screen.closed).code).toBe(ENDED_CLOSE);
    // The closed view first, then the goodbye, then nothing.
    const closedView = screen.frames.findIndex(
      (f) => f.type === 'view' && f.view.phase === 'closed',
    );
    expect(closedView).toBeGreaterThan(-1);
    expect(screen.frames.at(-1)).toMatchObject({ type: 'bye' });
    expect(JSON.stringify(screen.frames.at(-1))).toMatch(/this scene has ended/);
    expect(screen.frames.findIndex(isType('bye'))).toBe(screen.frames.length - 1);
    expect(r.server.registry.get(created.sceneId)).toBeUndefined();
    await until(() => r?.server.store.scene(created.sceneId)?.status === 'closed', 2000, 'closed');
  });

  it('coming back to an ended scene hears "ended" every time, and is never a failed sign-in', async () => {
    r = await startTestRedline();
    const created = await createScene(r.url, 'solo');
    const screen = await signIn(r.url, created.sceneId, created.secret);
    screen.frame({ type: 'end' });
    await screen.closed;
    // More than the sign-in limit (10 failures a minute from one address).
    for (let i = 0; i < 12; i++) {
      const back = await hello(r.url, created.sceneId, created.secret);
      expect(back.code).toBe(ENDED_CLOSE);
      expect(back.frames).toHaveLength(1);
      expect(back.frames[0]).toMatchObject({ type: 'error', code: 'ended' });
      expect(JSON.stringify(back.frames[0])).toMatch(/this scene has ended/);
    }
    // The address is not locked out: a wrong secret is still only unauthorized...
    const wrong = await hello(r.url, created.sceneId, 'not-the-secret-at-all-000000000');
    expect(wrong.frames[0]).toMatchObject({ type: 'error', code: 'unauthorized' });
    // ...and the next scene signs in.
    const next = await createScene(r.url, 'solo');
    const again = await signIn(r.url, next.sceneId, next.secret);
    await again.close();
  });

  it('many scenes run and ended: the registry keeps none of them', async () => {
    r = await startTestRedline();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const created = await createScene(r.url, 'solo');
      const screen = await signIn(r.url, created.sceneId, created.secret);
      screen.frame({ type: 'end' });
      await screen.closed;
      ids.push(created.sceneId);
    }
    expect(ids.filter((id) => r?.server.registry.get(id) !== undefined)).toEqual([]);
    expect(ids.filter((id) => r?.server.store.scene(id)?.status !== 'closed')).toEqual([]);
  });

  it('[S6] a stopped scene is let go once no screen has watched it for a while, and not before', async () => {
    r = await startTestRedline({ retire: { afterMs: 300, everyMs: 0 } });
    const { registry } = r.server;
    const watched = await stoppedScene(r);
    const left = await stoppedScene(r);
    const before = eventCount(r, left.sceneId);

    // Watched all along: never let go, however long.
    expect(registry.retireIdle()).toBe(0);
    await sleep(350);
    expect(registry.retireIdle()).toBe(0);
    expect(registry.get(watched.sceneId)).toBeDefined();

    // Left: the first look notes since when; a look after `afterMs` lets it go.
    await left.screen.close();
    await until(() => registry.get(left.sceneId)?.screens() === 0, 2000, 'the screen to go');
    expect(registry.retireIdle()).toBe(0);
    await sleep(100);
    expect(registry.retireIdle()).toBe(0);
    expect(registry.get(left.sceneId)).toBeDefined();
    await sleep(300);
    expect(registry.retireIdle()).toBe(1);
    expect(registry.get(left.sceneId)).toBeUndefined();
    expect(registry.get(watched.sceneId)).toBeDefined();
    await until(() => r?.server.store.scene(left.sceneId)?.status === 'closed', 2000, 'closed');
    expect((await hello(r.url, left.sceneId, left.secret)).code).toBe(ENDED_CLOSE);

    // Its devices are let go: a device lost now reaches the watched scene, not the one let go.
    const running = r;
    const watchedBefore = eventCount(running, watched.sceneId);
    expect(running.sim.removeDevice(0)).toBe(true);
    await until(() => eventCount(running, watched.sceneId) > watchedBefore, 5000, 'device.lost');
    await sleep(100);
    expect(eventCount(r, left.sceneId)).toBe(before);
    const events = r.server.store.events(left.sceneId);
    expect(events.ok && events.value.at(-1)?.type).not.toBe('device.lost');
    await watched.screen.close();
  });

  it('[S5] never lets go of a scene that may drive toys, even with no screen on it; one never started goes', async () => {
    r = await startTestRedline({ retire: { afterMs: 0, everyMs: 0 } });
    const { registry } = r.server;
    const created = await createScene(r.url, 'solo');
    const screen = await signIn(r.url, created.sceneId, created.secret);
    const welcome = screen.frames.find(isType('welcome'));
    for (const item of welcome?.view.setup.checklist ?? [])
      await acked(screen, screen.frame({ type: 'setup.check', item, done: true }));
    screen.frame({ type: 'heartbeat' });
    screen.frame({ type: 'stop.test' });
    await viewWhere(screen, (v) => v.setup.missing.length === 0);
    expect(await acked(screen, screen.frame({ type: 'start' }))).toMatchObject({ type: 'ack' });
    await viewWhere(screen, (v) => v.phase === 'warm-up');
    const unstarted = await createScene(r.url, 'solo');

    await screen.close();
    await until(() => registry.get(created.sceneId)?.screens() === 0, 2000, 'the screen to go');
    expect(registry.get(created.sceneId)?.state().phase).toBe('warm-up');
    registry.retireIdle();
    expect(registry.retireIdle()).toBe(1);
    // The running one stays, so its panel-lost stop still comes (S5); the unstarted one went.
    expect(registry.get(created.sceneId)).toBeDefined();
    expect(registry.get(unstarted.sceneId)).toBeUndefined();
    await until(
      () => registry.get(created.sceneId)?.state().stop?.cause === 'panel-lost',
      15_000,
      'the panel-lost stop',
    );
    registry.retireIdle();
    expect(registry.retireIdle()).toBe(1);
    expect(registry.get(created.sceneId)).toBeUndefined();
  });

  it('a scene let go does not come back after a restart; one still held comes back stopped', async () => {
    r = await startTestRedline({ retire: { afterMs: 0, everyMs: 0 } });
    const held = await stoppedScene(r);
    const left = await stoppedScene(r);
    await left.screen.close();
    await until(() => r?.server.registry.get(left.sceneId)?.screens() === 0, 2000, 'the screen');
    // The first look notes since when; the next lets it go (afterMs 0).
    r.server.registry.retireIdle();
    expect(r.server.registry.retireIdle()).toBe(1);
    await held.screen.close();
    const { dataDir, sim } = r;
    await r.stop();
    // The simulated device server, like Intiface, serves one client at a time.
    await until(() => sim.clientName() === null, 2000, 'the first server to let go of the toys');
    const again = await startTestRedline({ dataDir, sim });
    try {
      expect(again.server.restored).toBe(1);
      expect(again.server.registry.get(held.sceneId)?.state().phase).toBe('stopped');
      expect(again.server.registry.get(left.sceneId)).toBeUndefined();
      expect((await hello(again.url, left.sceneId, left.secret)).code).toBe(ENDED_CLOSE);
    } finally {
      await again.stop();
    }
  });
});
