import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pairAgreement } from '../fixtures/agreements';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { openStore } from '../../src/server/store/store';
import { hashSecret } from '../../src/server/secrets';
import { signIn } from './scene-setup';
import { isType } from '../support/ws-client';

const running: TestRedline[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

describe('a restarted server', () => {
  it('[S5] [S7] brings a scene that was running back as stopped, and never resumes it', async () => {
    const first = await startTestRedline();
    const dataDir = first.dataDir;
    const sim = first.sim;
    await first.stop();
    // The simulated device server, like Intiface, serves one client at a time.
    while (sim.clientName() !== null) await new Promise((resolve) => setTimeout(resolve, 20));
    // A scene left running by a crash: created, started, an output requested — and no stop.
    const store = openStore({ path: join(dataDir, 'redline.sqlite') });
    const secret = 's'.repeat(43);
    store.createScene({
      created: {
        type: 'scene.created',
        at: 0,
        sceneId: 'crashed',
        agreement: pairAgreement,
        devices: [{ id: 'lush', name: 'Lush', features: [{ id: 'vibrate', kind: 'vibrate' }] }],
      },
      createdWallMs: 1,
      participants: [{ role: 'dominant', secretHash: hashSecret(secret) }],
    });
    const log = store.eventLog('crashed');
    log.append({ type: 'panel.heartbeat', at: 100, by: 'submissive' });
    log.append({ type: 'scene.start', at: 200, by: 'dominant' });
    log.append({
      type: 'intensity.requested',
      at: 300,
      by: 'dominant',
      device: 'lush',
      feature: 'vibrate',
      value: 0.3,
    });
    store.close();

    const second = await startTestRedline({ dataDir, sim });
    running.push(second);
    expect(second.server.restored).toBe(1);
    const con = await signIn(second.url, 'crashed', secret);
    const welcome = con.frames.find(isType('welcome'));
    expect(welcome?.view.stop).toMatchObject({ cause: 'interrupted', by: 'system' });
    expect(Object.values(welcome?.view.applied ?? {}).every((v) => v === 0)).toBe(true);
    expect(sim.outputs().every((o) => o.value === 0)).toBe(true);
    const events = second.server.store.events('crashed');
    expect(events.ok && events.value.at(-1)?.type).toBe('scene.interrupted');
    await con.close();
  });

  it('[S1] stops every scene when it is closed, and records why', async () => {
    const r = await startTestRedline();
    running.push(r);
    const { createScene } = await import('./scene-setup');
    const created = await createScene(r.url);
    await r.stop();
    const store = openStore({ path: join(r.dataDir, 'redline.sqlite') });
    const events = store.events(created.sceneId);
    store.close();
    expect(events.ok && events.value.at(-1)).toMatchObject({
      type: 'scene.interrupted',
      by: 'system',
    });
  });
});
