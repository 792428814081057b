import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { request as plainRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { captureIo } from '../capture-io';
import type { SecretSources } from '../passphrase/passphrase-sources';
import { serveCommand } from './serve-command';
import { readTlsFiles } from './tls-files';
import { makeCertificate } from './tls.test-support';

/** `redline serve --tls-cert FILE --tls-key FILE`: HTTPS and WSS with the user's certificate. */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'redline-serve-tls-'));
  dirs.push(dir);
  return dir;
};
const secrets: SecretSources = { env: {}, platform: 'linux', ask: null };

/** Runs serve; `whileUp` gets its address and runs before it is stopped. */
async function serve(args: string[], whileUp: (url: string) => Promise<void> = async () => {}) {
  const capture = captureIo();
  let stop!: () => void;
  const stopWhen = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const checks: { failed: Error | null } = { failed: null };
  const status = await serveCommand(
    ['--sim', '--port', '0', '--data', tempDir(), ...args],
    capture.io,
    {
      stopWhen,
      signals: () => () => undefined,
      onReady: (url) => {
        whileUp(url).then(stop, (error: unknown) => {
          checks.failed = error instanceof Error ? error : new Error('the checks failed');
          stop();
        });
      },
      secrets,
      webRoot: join(tmpdir(), 'redline-no-web-app'),
    },
  );
  if (checks.failed !== null) throw checks.failed;
  return { status, out: capture.stdout(), err: capture.stderr() };
}

/** A JSON request over HTTPS trusting only `ca`: the status and body. */
const https = (url: string, ca: string, path: string, body?: object) =>
  new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = request(
      new URL(path, url),
      {
        ca,
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });

describe('redline serve over TLS', () => {
  it('serves the API over HTTPS and the WebSocket over WSS, and nothing in plain HTTP', async () => {
    const cert = await makeCertificate(tempDir());
    const run = await serve(
      ['--tls-cert', cert.certPath, '--tls-key', cert.keyPath],
      async (url) => {
        expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
        expect(await https(url, cert.cert, '/api/health')).toEqual({
          status: 200,
          body: { ok: true },
        });
        // A solo scene, signed in over WSS.
        const setup = (await https(url, cert.cert, '/api/setup')).body as {
          devices: { id: string }[];
        };
        const created = await https(url, cert.cert, '/api/scenes', {
          mode: 'solo',
          names: { submissive: 'Rin' },
          devices: setup.devices.map((d) => d.id),
        });
        expect(created.status).toBe(201);
        const { sceneId, secret } = created.body as { sceneId: string; secret: string };
        const welcome = await new Promise<string>((resolve, reject) => {
          const socket = new WebSocket(`${url.replace(/^https/, 'wss')}ws`, { ca: cert.cert });
          socket.once('open', () => {
            socket.send(JSON.stringify({ type: 'hello', v: 1, sceneId, secret }));
          });
          socket.once('message', (data: Buffer) => {
            resolve((JSON.parse(data.toString('utf8')) as { type: string }).type);
            socket.close();
          });
          socket.once('error', reject);
        });
        expect(welcome).toBe('welcome');
        // Plain HTTP on the same port gets no answer from Redline.
        const plain = await new Promise<string>((resolve) => {
          const req = plainRequest(url.replace(/^https/, 'http') + 'api/health', (response) => {
            resolve(`answered ${response.statusCode ?? 0}`);
            response.resume();
          });
          req.on('error', () => {
            resolve('refused');
          });
          req.end();
        });
        expect(plain === 'refused' || plain === 'answered 400').toBe(true);
        // A client that does not trust the certificate is refused by its own TLS.
        await expect(
          new Promise((resolve, reject) => {
            const req = request(new URL('/api/health', url), resolve);
            req.on('error', reject);
            req.end();
          }),
        ).rejects.toThrow(/self-signed|self signed|certificate/);
      },
    );
    expect(run.status).toBe(0);
    expect(run.out).toContain(`Open the console:  https://127.0.0.1:`);
    expect(run.out).toContain(
      `Connections:       encrypted (TLS: the certificate in ${cert.certPath}`,
    );
    // Its fingerprint, to compare with what a phone shows of the certificate.
    expect(run.out).toContain(
      `Its SHA-256:       ${new X509Certificate(cert.cert).fingerprint256}`,
    );
    // The certificate names 127.0.0.1, the address the panel opens here: no warning.
    expect(run.err).toBe('');
  });

  it('warns when the certificate does not name the address the panel opens', async () => {
    const cert = await makeCertificate(tempDir(), {
      ips: ['192.0.2.7'],
      names: ['elsewhere.example'],
    });
    const run = await serve(['--tls-cert', cert.certPath, '--tls-key', cert.keyPath]);
    expect(run.status).toBe(0);
    expect(run.err).toContain(
      `the certificate in ${cert.certPath} does not name 127.0.0.1, the address the panel opens`,
    );
  });

  it('refuses a key others can read, files that are not what they say, a key of another certificate, and dates out of range', async () => {
    const dir = tempDir();
    const cert = await makeCertificate(dir);
    const now = new Date();
    expect(readTlsFiles(cert.certPath, cert.keyPath, 'linux', now).ok).toBe(true);
    const problem = (certPath: string, keyPath: string, at = now) => {
      const read = readTlsFiles(certPath, keyPath, 'linux', at);
      return read.ok ? null : read.errors.join('; ');
    };
    chmodSync(cert.keyPath, 0o644);
    expect(problem(cert.certPath, cert.keyPath)).toContain(`chmod 600 ${cert.keyPath}`);
    chmodSync(cert.keyPath, 0o600);
    const other = await makeCertificate(tempDir());
    expect(problem(cert.certPath, other.keyPath)).toBe(
      `${other.keyPath} is not the private key of the certificate in ${cert.certPath}`,
    );
    const notPem = join(dir, 'not.pem');
    writeFileSync(notPem, 'hello\n', { mode: 0o600 });
    expect(problem(notPem, cert.keyPath)).toContain(`${notPem} is not a certificate`);
    expect(problem(cert.certPath, notPem)).toContain(`${notPem} is not a private key`);
    // The key and certificate swapped.
    expect(problem(cert.keyPath, cert.certPath)).not.toBeNull();
    expect(problem(join(dir, 'missing.crt'), cert.keyPath)).toContain('missing.crt');
    const expired = await makeCertificate(tempDir(), {
      notBefore: new Date(Date.now() - 10 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    });
    expect(problem(expired.certPath, expired.keyPath)).toMatch(/expired on .*: make a new one$/);
    expect(problem(cert.certPath, cert.keyPath, new Date(Date.now() - 86_400_000))).toContain(
      'is not valid before',
    );
    // No problem ever quotes the key.
    const keyBody = readFileSync(cert.keyPath, 'utf8').split('\n')[1] ?? '';
    for (const [c, k] of [
      [cert.certPath, other.keyPath],
      [notPem, cert.keyPath],
      [cert.keyPath, cert.certPath],
    ] as const)
      expect(problem(c, k) ?? '').not.toContain(keyBody.slice(0, 20));
  });

  it('is refused with one of the two files, or a bad one, before anything starts', async () => {
    const cert = await makeCertificate(tempDir());
    const half = await serve(['--tls-cert', cert.certPath]);
    expect(half).toMatchObject({
      status: 2,
      out: '',
      err: 'redline serve: give both --tls-cert and --tls-key, or neither\n',
    });
    chmodSync(cert.keyPath, 0o640);
    const loose = await serve(['--tls-cert', cert.certPath, '--tls-key', cert.keyPath]);
    expect(loose).toMatchObject({ status: 2, out: '' });
    expect(loose.err).toContain('chmod 600');
  });
});
