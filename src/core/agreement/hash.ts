import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Agreement } from './agreement';

/**
 * The agreement's identity for signatures: SHA-256 over its RFC 8785 canonical JSON, so key
 * order and number formatting never change the hash, and any change of content does.
 */
export function canonicalAgreement(agreement: Agreement): string {
  const text = canonicalize(agreement);
  if (text === undefined) throw new Error('an agreement always has a canonical form');
  return text;
}

export function agreementHash(agreement: Agreement): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalAgreement(agreement))))}`;
}
