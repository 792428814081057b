import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../core';

/**
 * A participant's signature on an agreement (docs/decisions/0011): HMAC-SHA256 under a signing
 * key derived from their own secret, over everything the record says — negotiation, role,
 * agreement hash and time. The server keeps only the secret's hash, so it can check a signature
 * again only when its signer presents the secret; someone holding just the database file cannot
 * make one that checks.
 */
export type SignedFields = Readonly<{
  negotiationId: string;
  role: Role;
  agreementHash: string;
  atWallMs: number;
}>;

const KEY_LABEL = 'redline negotiation signing key v1';

function signingKey(secret: string): Buffer {
  return createHmac('sha256', secret).update(KEY_LABEL, 'utf8').digest();
}

function message(f: SignedFields): string {
  return [
    'redline-signature-v1',
    f.negotiationId,
    f.role,
    f.agreementHash,
    String(f.atWallMs),
  ].join('\n');
}

export function signatureMac(secret: string, fields: SignedFields): string {
  return createHmac('sha256', signingKey(secret)).update(message(fields), 'utf8').digest('hex');
}

export function signatureVerifies(secret: string, fields: SignedFields, mac: string): boolean {
  const expected = Buffer.from(signatureMac(secret, fields), 'hex');
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
