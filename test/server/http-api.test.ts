import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/http/security-headers';
import { startTestRedline, type TestRedline } from '../support/redline-server';
import { api, createScene } from './scene-setup';

describe('the HTTP API', () => {
  let r: TestRedline;
  beforeAll(async () => {
    r = await startTestRedline();
  });
  afterAll(async () => {
    await r.close();
  });

  it('[P1] answers with strict headers: only its own origin', async () => {
    for (const path of ['/', '/api/setup', '/nothing-here']) {
      const answer = await api(r.url, path);
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('lists the connected toys and the default agreements', async () => {
    const setup = await api<{ devices: unknown[]; deviceServer: { connected: boolean } }>(
      r.url,
      '/api/setup',
    );
    expect(setup.status).toBe(200);
    expect(setup.body.devices.length).toBe(2);
    expect(setup.body.deviceServer.connected).toBe(true);
  });

  it('refuses a bad scene request, naming the fields, and creates nothing', async () => {
    const before = r.server.store.scenes().length;
    const trio = await api<{ error: string; code: string }>(r.url, '/api/scenes', {
      body: { mode: 'trio', names: {}, devices: 'all' },
    });
    expect(trio.status).toBe(400);
    expect(trio.body.error).toContain('mode');
    const bad = await api<{ error: string; code: string }>(r.url, '/api/scenes', {
      body: { mode: 'solo', names: {}, devices: 'all' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('names.submissive');
    expect(bad.body.error).toContain('devices');
    const unknownDevice = await api<{ error: string }>(r.url, '/api/scenes', {
      body: { mode: 'solo', names: { submissive: 'Rin' }, devices: ['nope'] },
    });
    expect(unknownDevice.status).toBe(400);
    expect(unknownDevice.body.error).toContain('nope');
    const notJson = await fetch(new URL('/api/scenes', r.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"mode":',
    });
    expect(notJson.status).toBe(400);
    const huge = await api(r.url, '/api/scenes', { body: { pad: 'x'.repeat(20_000) } });
    expect(huge.status).toBe(413);
    expect(r.server.store.scenes().length).toBe(before);
  });

  it('pairs once per code, and refuses malformed, unknown and used codes', async () => {
    const created = await createScene(r.url);
    const code = created.pairing?.code ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const paired = await api<{ role: string; sceneId: string }>(r.url, '/api/pair', {
      body: { code: code.toLowerCase() },
    });
    expect(paired.body).toMatchObject({ role: 'submissive', sceneId: created.sceneId });
    expect((await api(r.url, '/api/pair', { body: { code } })).status).toBe(410);
    expect((await api(r.url, '/api/pair', { body: { code: 'short' } })).status).toBe(400);
  });

  it('gives a fresh code only to the scene’s console, by its secret in a header', async () => {
    const created = await createScene(r.url);
    const path = `/api/scenes/${created.sceneId}/pairing`;
    expect((await api(r.url, path, { method: 'POST' })).status).toBe(401);
    const fresh = await api<{ code: string }>(r.url, path, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.secret}` },
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.code).not.toBe(created.pairing?.code);
  });

  it('rate-limits guessing codes: after 10 wrong tries an address must wait', async () => {
    const fresh = await startTestRedline();
    try {
      // Made first: accepting the couple's invitation is a code route, limited as well.
      const created = await createScene(fresh.url);
      const wrong = async () =>
        (await api(fresh.url, '/api/pair', { body: { code: 'AAAAAA' } })).status;
      for (let i = 0; i < 10; i++) expect(await wrong()).toBe(404);
      const limited = await api<{ error: string }>(fresh.url, '/api/pair', {
        body: { code: 'AAAAAA' },
      });
      expect(limited.status).toBe(429);
      expect(limited.body.error).toMatch(/try again in \d+ s/);
      // Even the right code waits: guessing must not be able to tell.
      const right = await api(fresh.url, '/api/pair', { body: { code: created.pairing?.code } });
      expect(right.status).toBe(429);
    } finally {
      await fresh.close();
    }
  });
});
