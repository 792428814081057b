import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * Each participant's own secret (P2): 256 random bits, given once to its owner and stored only
 * as a hash (docs/decisions/0007). Pairing codes are short enough to type, so they also expire
 * and guessing them is rate-limited (src/server/http/pair-route.ts).
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Scene ids appear in URLs and logs, so they carry no secret: 16 characters, random. */
export function newSceneId(): string {
  return randomBytes(12).toString('base64url');
}

/** No 0/O, 1/I/L: a code read aloud or typed from a phone's screen stays unambiguous. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
export const PAIRING_CODE_TTL_MS = 10 * 60 * 1000;

export function newPairingCode(): string {
  let code = '';
  // randomInt draws without modulo bias.
  for (let i = 0; i < CODE_LENGTH; i++)
    code += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return code;
}

/** Accepts a code as people type it: any case, with spaces or dashes; null if it cannot be one. */
export function normalizePairingCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
  return code;
}
