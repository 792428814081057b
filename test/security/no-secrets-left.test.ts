import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers, DeviceSpec } from '../../src/core';
import { captureIo } from '../../src/cli/capture-io';
import { serveCommand } from '../../src/cli/serve/serve-command';
import { hashSecret } from '../../src/server/secrets';
import { openDatabase } from '../../src/server/store/database';
import { databasePath } from '../../src/server/store/data-dir';
import { coupleAgreement } from '../support/signed-agreement';
import { isType, openScreen } from '../support/ws-client';
import { acked, api, signIn, viewWhere } from '../server/scene-setup';

/**
 * A whole evening through `redline serve` as people run it (an encrypted store): a negotiation
 * with private answers, a scene for two with its pairing, red, both debriefs, a withdrawal, and
 * a few wrong guesses on the way. Afterwards, nothing that could let someone in or that someone
 * wrote is in what the server printed, and the store holds secrets and codes only as hashes.
 */

const PASSPHRASE = 'correct horse battery staple 4417';
const DOM = 'Quillonax';
const SUB = 'Maradithe';
const MARK = 'WRITTEN-7fQz';
const message = `${MARK} would you like to talk about the slow evening?`;
const subItems: Answers['items'] = {
  hands: { receiving: { rating: 'yes', note: `${MARK} sub's note on hands` } },
  rope: { receiving: { rating: 'no', note: `${MARK} sub's hard limit` } },
};
const domItems: Answers['items'] = {
  hands: { giving: { rating: 'yes', note: `${MARK} dom's note` } },
};
const subDebrief = {
  feeling: { scale: 3, words: `${MARK} tired and fine` },
  intensity: 'too-high',
  keep: `${MARK} the slow start`,
  change: `${MARK} gentler after`,
};
const domDebrief = { intensity: 'right', keep: `${MARK} the check-ins` };

type Bearer = { authorization: string };
const as = (secret: string): Bearer => ({ authorization: `Bearer ${secret}` });

describe('[P2] [P3] after a whole scene for two, no secret is left in the open', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'redline-security-'));
  const capture = captureIo();
  /** Everything that, printed or stored plainly, would let someone in. */
  const secrets: Record<string, string> = { passphrase: PASSPHRASE };
  let stop!: () => void;
  let run: Promise<number>;

  beforeAll(async () => {
    let url = '';
    const stopWhen = new Promise<void>((resolve) => {
      stop = resolve;
    });
    run = serveCommand(['--sim', '--port', '0', '--data', dataDir], capture.io, {
      stopWhen,
      signals: () => () => undefined,
      onReady: (u) => {
        url = u;
      },
      secrets: { env: { REDLINE_PASSPHRASE: PASSPHRASE }, platform: process.platform, ask: null },
    });
    while (url === '') await new Promise((resolve) => setTimeout(resolve, 20));
    await evening(url, secrets);
    stop();
    expect(await run).toBe(0);
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('what `serve` printed (its banner, every report) holds no secret, code, passphrase or written word', () => {
    const printed = capture.stdout() + capture.stderr();
    expect(printed).toContain('Redline is running.');
    expect(printed).toContain('encrypted with your passphrase');
    for (const [what, value] of Object.entries(secrets))
      expect(printed.includes(value), `${what} was printed`).toBe(false);
    for (const written of [MARK, DOM, SUB]) expect(printed).not.toContain(written);
  });

  it('the store keeps every secret and code only as its hash, and nothing of it in the clear', () => {
    const path = databasePath(dataDir);
    // The files themselves: encrypted, so not even the hashes or the written words are readable.
    for (const file of [path, `${path}-wal`].filter((f) => existsSync(f))) {
      const bytes = readFileSync(file).toString('latin1');
      for (const value of [...Object.values(secrets), MARK, DOM, hashSecret(secrets.console ?? '')])
        expect(bytes.includes(value), file).toBe(false);
    }
    // Opened with the passphrase: every value of every table, as text.
    const db = openDatabase(path, { passphrase: PASSPHRASE });
    let dump = '';
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[];
      expect(tables.length).toBeGreaterThan(3);
      for (const { name } of tables)
        for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
          for (const value of Object.values(row))
            dump += `${Buffer.isBuffer(value) ? value.toString('latin1') : String(value)}\n`;
    } finally {
      db.close();
    }
    // The control: what people wrote is there (this is their store), and so are the hashes.
    expect(dump).toContain(MARK);
    for (const who of ['console', 'panel', 'negotiation-dom', 'negotiation-sub'])
      expect(dump, `${who}'s hash`).toContain(hashSecret(secrets[who] ?? 'missing'));
    for (const [what, value] of Object.entries(secrets))
      expect(dump.includes(value), `${what} is stored in the clear`).toBe(false);
  });
});

/** The evening, over HTTP and WebSockets as the web app does it; fills `secrets` as they come. */
async function evening(url: string, secrets: Record<string, string>): Promise<void> {
  const ok = <T>(answer: { status: number; body: T }, status: number, what: string): T => {
    if (answer.status !== status)
      throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  // Talk: the invitation, private answers, the reveal, the draft, both signatures.
  const created = ok(
    await api<{ negotiationId: string; secret: string; invitation: { code: string } }>(
      url,
      '/api/negotiations',
      { body: { name: DOM, role: 'dominant', message } },
    ),
    201,
    'invite',
  );
  secrets['negotiation-dom'] = created.secret;
  secrets['first invitation code'] = created.invitation.code;
  const id = created.negotiationId;
  const base = `/api/negotiations/${id}`;
  const renewed = ok(
    await api<{ code: string }>(url, `${base}/invitation`, {
      headers: as(created.secret),
      body: {},
    }),
    200,
    'renew the invitation',
  );
  secrets['invitation code'] = renewed.code;
  await api(url, '/api/invitations/ZZZZZZ'); // a wrong guess
  const accepted = ok(
    await api<{ secret: string }>(url, `/api/invitations/${renewed.code}/accept`, {
      body: { name: SUB },
    }),
    200,
    'accept',
  );
  secrets['negotiation-sub'] = accepted.secret;
  const dom = as(created.secret);
  const sub = as(accepted.secret);
  for (const [who, items] of [
    [sub, subItems],
    [dom, domItems],
  ] as const) {
    ok(
      await api(url, `${base}/answers`, { method: 'PUT', headers: who, body: { items } }),
      200,
      'answers',
    );
    ok(await api(url, `${base}/submit`, { headers: who, body: {} }), 200, 'submit');
  }
  const setup = await api<{ devices: DeviceSpec[] }>(url, '/api/setup');
  const agreement = coupleAgreement(setup.body.devices, {
    participants: [
      { id: 'dominant', name: DOM, role: 'dominant' },
      { id: 'submissive', name: SUB, role: 'submissive' },
    ],
  });
  const drafted = ok(
    await api<{ draft: { agreementHash: string } }>(url, `${base}/draft`, {
      method: 'PUT',
      headers: dom,
      body: { agreement },
    }),
    200,
    'draft',
  );
  const { agreementHash } = drafted.draft;
  for (const who of [dom, sub])
    ok(await api(url, `${base}/sign`, { headers: who, body: { agreementHash } }), 200, 'sign');

  // The scene: created from the agreement, a fresh code, pairing, both screens, red.
  const scene = ok(
    await api<{ sceneId: string; secret: string; pairing: { code: string } }>(url, '/api/scenes', {
      headers: dom,
      body: {
        mode: 'pair',
        agreement: { negotiationId: id, agreementHash },
        devices: setup.body.devices.map((d) => d.id),
      },
    }),
    201,
    'scene',
  );
  secrets.console = scene.secret;
  secrets['first pairing code'] = scene.pairing.code;
  const fresh = ok(
    await api<{ code: string }>(url, `/api/scenes/${scene.sceneId}/pairing`, {
      headers: as(scene.secret),
      body: {},
    }),
    201,
    'a fresh code',
  );
  secrets['pairing code'] = fresh.code;
  await api(url, '/api/pair', { body: { code: 'ZZZZZZ' } }); // a wrong guess
  const paired = ok(
    await api<{ secret: string }>(url, '/api/pair', { body: { code: fresh.code } }),
    200,
    'pair',
  );
  secrets.panel = paired.secret;
  const forged = await openScreen(url);
  forged.send({ type: 'hello', v: 1, sceneId: scene.sceneId, secret: 'f'.repeat(43) });
  await forged.closed;
  const console_ = await signIn(url, scene.sceneId, scene.secret);
  const panel = await signIn(url, scene.sceneId, paired.secret);
  panel.frame({ type: 'heartbeat' });
  const red = await acked(panel, panel.frame({ type: 'safeword', word: 'red' }));
  if (red.type !== 'ack') throw new Error(`red: ${JSON.stringify(red)}`);
  await viewWhere(console_, (v) => v.phase === 'stopped');
  await console_.close();
  await panel.close();
  if (console_.frames.some(isType('error'))) throw new Error('the console was refused a frame');

  // Aftercare: both debriefs, one shared in part; then consent withdrawn; a wrong secret.
  const sceneBase = `/api/scenes/${scene.sceneId}`;
  ok(
    await api(url, `${sceneBase}/debrief`, {
      method: 'PUT',
      headers: as(paired.secret),
      body: subDebrief,
    }),
    200,
    'sub debrief',
  );
  ok(
    await api(url, `${sceneBase}/debrief`, {
      method: 'PUT',
      headers: as(scene.secret),
      body: domDebrief,
    }),
    200,
    'dom debrief',
  );
  await api(url, `${sceneBase}/history`, { headers: as('w'.repeat(43)) });
  ok(await api(url, `${base}/withdraw`, { headers: sub, body: {} }), 200, 'withdraw');
}
