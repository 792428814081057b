import { describe, expect, it } from 'vitest';
import { newSecret } from '../secrets';
import { signatureMac, signatureVerifies, type SignedFields } from './signature';

describe('signatures', () => {
  const secret = newSecret();
  const fields: SignedFields = {
    negotiationId: 'n1',
    role: 'submissive',
    agreementHash: `sha256:${'a'.repeat(64)}`,
    atWallMs: 1_000,
  };

  it('check out with the signer’s secret, and with nothing else', () => {
    const mac = signatureMac(secret, fields);
    expect(mac).toMatch(/^[0-9a-f]{64}$/);
    expect(signatureVerifies(secret, fields, mac)).toBe(true);
    expect(signatureVerifies(newSecret(), fields, mac)).toBe(false);
    expect(signatureVerifies(secret, fields, mac.slice(2))).toBe(false);
    expect(signatureVerifies(secret, fields, 'not hex')).toBe(false);
  });

  it('bind every field of the record: negotiation, role, hash and time', () => {
    const mac = signatureMac(secret, fields);
    const changes: Partial<SignedFields>[] = [
      { negotiationId: 'n2' },
      { role: 'dominant' },
      { agreementHash: `sha256:${'b'.repeat(64)}` },
      { atWallMs: 1_001 },
    ];
    for (const change of changes)
      expect(signatureVerifies(secret, { ...fields, ...change }, mac), JSON.stringify(change)).toBe(
        false,
      );
  });
});
