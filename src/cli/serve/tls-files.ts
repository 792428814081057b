import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { createSecureContext } from 'node:tls';
import type { Result } from '../../core';
import { readSecretFile } from '../private-file';

/** A certificate and its private key for `redline serve --tls-cert --tls-key`, checked. */
export type TlsFiles = Readonly<{ cert: string; key: string; certificate: X509Certificate }>;

/**
 * Reads and checks the certificate (PEM, any mode) and its private key (PEM, private to its owner
 * on POSIX systems, as a passphrase file): that each is what it says, that the key is the
 * certificate's, and that the certificate is valid at `now`. Each problem is named in plain words;
 * nothing of the key is ever quoted.
 */
export function readTlsFiles(
  certPath: string,
  keyPath: string,
  platform: NodeJS.Platform,
  now: Date,
): Result<TlsFiles> {
  const cert = readSecretFile(certPath, platform, 'a certificate', false);
  if (!cert.ok) return cert;
  const key = readSecretFile(keyPath, platform, 'a private key');
  if (!key.ok) return key;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert.value);
  } catch {
    return fail(`${certPath} is not a certificate (PEM, "-----BEGIN CERTIFICATE-----")`);
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.value))
    return fail(`${keyPath} is not a private key (PEM, "-----BEGIN PRIVATE KEY-----")`);
  const from = new Date(certificate.validFrom);
  const to = new Date(certificate.validTo);
  if (now < from)
    return fail(`the certificate in ${certPath} is not valid before ${from.toISOString()}`);
  if (now > to)
    return fail(`the certificate in ${certPath} expired on ${to.toISOString()}: make a new one`);
  try {
    createSecureContext({ cert: cert.value, key: key.value });
  } catch {
    // OpenSSL's own words may say little to a person; this is what went wrong.
    return fail(`${keyPath} is not the private key of the certificate in ${certPath}`);
  }
  return { ok: true, value: { cert: cert.value, key: key.value, certificate } };
}

/**
 * Whether the certificate names `host` (an IP address or a name), so a browser opening it there
 * accepts it; a phone given an address the certificate does not name shows a warning instead.
 */
export function certificateNames(certificate: X509Certificate, host: string): boolean {
  return isIP(host) === 0
    ? certificate.checkHost(host) !== undefined
    : certificate.checkIP(host) !== undefined;
}

const fail = (message: string): Result<never> => ({ ok: false, errors: [message] });
