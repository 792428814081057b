import { createHash, X509Certificate } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** A self-signed certificate and its key, written to `dir` (the key with mode 0600). */
export type TestCertificate = Readonly<{
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
  /** Chromium's `--ignore-certificate-errors-spki-list` value: this certificate, and no other. */
  spkiHash: string;
}>;

export async function makeCertificate(
  dir: string,
  options: { ips?: string[]; names?: string[]; notAfter?: Date; notBefore?: Date } = {},
): Promise<TestCertificate> {
  const ips = options.ips ?? ['127.0.0.1'];
  const names = options.names ?? ['localhost'];
  const pems = await generate([{ name: 'commonName', value: ips[0] ?? names[0] ?? 'redline' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: options.notBefore ?? new Date(Date.now() - 60_000),
    notAfterDate: options.notAfter ?? new Date(Date.now() + 24 * 3600_000),
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          ...ips.map((ip) => ({ type: 7 as const, ip })),
          ...names.map((value) => ({ type: 2 as const, value })),
        ],
      },
    ],
  });
  const certPath = join(dir, 'redline.crt');
  const keyPath = join(dir, 'redline.key');
  writeFileSync(certPath, pems.cert);
  writeFileSync(keyPath, pems.private);
  chmodSync(keyPath, 0o600);
  const spki = new X509Certificate(pems.cert).publicKey.export({ type: 'spki', format: 'der' });
  return {
    cert: pems.cert,
    key: pems.private,
    certPath,
    keyPath,
    spkiHash: createHash('sha256').update(spki).digest('base64'),
  };
}
