import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { Store } from './store';
import { StoreError } from './store';
import { useTempStores } from './temp-store.test-support';

/** A negotiation "n" with Sam (submissive) as initiator and Alex joined, code hash "code-n". */
function addNegotiation(store: Store, id = 'n', joined = true) {
  store.negotiations.create({
    negotiationId: id,
    createdWallMs: 1_000,
    message: null,
    initiator: { role: 'submissive', name: 'Sam', secretHash: `${id}-sam` },
    invitation: { codeHash: `code-${id}`, expiresWallMs: 10_000 },
  });
  if (joined)
    store.negotiations.addParticipant(id, {
      role: 'dominant',
      name: 'Alex',
      secretHash: `${id}-alex`,
      joinedWallMs: 2_000,
    });
}

function sealOne(store: Store, hash = 'sha256:one', version = 1) {
  const n = store.negotiations;
  n.putDraft('n', {
    version,
    agreementHash: hash,
    agreement: { a: 1 },
    byRole: 'dominant',
    atWallMs: 1,
  });
  for (const role of ['dominant', 'submissive'] as const)
    n.addSignature('n', {
      draftVersion: version,
      role,
      agreementHash: hash,
      atWallMs: 2,
      mac: 'm',
    });
  n.markReplaced('n', 3);
  n.seal('n', { agreementHash: hash, agreement: { a: 1 }, draftVersion: version, sealedWallMs: 3 });
}

describe('the negotiation store', () => {
  const stores = useTempStores();

  it('creates a negotiation, its initiator and first code together, or nothing', () => {
    const store = stores.open();
    addNegotiation(store);
    expect(store.negotiations.negotiation('n')).toEqual({
      negotiationId: 'n',
      createdWallMs: 1_000,
      status: 'invited',
      initiatorRole: 'submissive',
      message: null,
      customItems: [],
      round: 1,
      revealedRound: null,
    });
    expect(store.negotiations.participantBySecret('n-alex')).toEqual({
      negotiationId: 'n',
      role: 'dominant',
    });
    expect(() => {
      store.negotiations.create({
        negotiationId: 'm',
        createdWallMs: 1,
        message: 'hi',
        initiator: { role: 'dominant', name: 'Kim', secretHash: 'n-sam' },
        invitation: { codeHash: 'code-m', expiresWallMs: 2 },
      });
    }).toThrow('could not create negotiation "m": a secret is already in use');
    expect(store.negotiations.negotiation('m')).toBeNull();
    expect(store.negotiations.invitation('code-m')).toBeNull();
  });

  it('spends an invitation once, before it expires; retired codes count as used', () => {
    const store = stores.open();
    addNegotiation(store, 'n', false);
    const n = store.negotiations;
    expect(n.claimInvitation('code-n', 10_000)).toEqual({ ok: false, reason: 'expired' });
    expect(n.claimInvitation('code-n', 9_999)).toEqual({ ok: true, negotiationId: 'n' });
    expect(n.claimInvitation('code-n', 9_999)).toEqual({ ok: false, reason: 'used' });
    expect(n.claimInvitation('nope', 1)).toEqual({ ok: false, reason: 'unknown' });
    n.addInvitation({
      codeHash: 'code-2',
      negotiationId: 'n',
      createdWallMs: 2_000,
      expiresWallMs: 99,
    });
    expect(n.latestInvitation('n')).toEqual({
      negotiationId: 'n',
      expiresWallMs: 99,
      usedWallMs: null,
    });
    n.retireInvitations('n', 6);
    expect(n.claimInvitation('code-2', 7)).toEqual({ ok: false, reason: 'used' });
  });

  it('keeps answers per participant and round; a submission is marked once', () => {
    const store = stores.open();
    addNegotiation(store);
    const n = store.negotiations;
    n.putAnswers('n', 'submissive', 1, {
      items: { hands: {} },
      updatedWallMs: 5,
      submittedWallMs: null,
    });
    expect(n.submitAnswers('n', 'submissive', 1, 6)).toBe(true);
    expect(n.submitAnswers('n', 'submissive', 1, 7)).toBe(false);
    expect(n.answers('n', 'submissive', 1)).toEqual({
      items: { hands: {} },
      updatedWallMs: 5,
      submittedWallMs: 6,
    });
    expect(n.answers('n', 'submissive', 2)).toBeNull();
    expect(n.answers('n', 'dominant', 1)).toBeNull();
    expect(() => {
      n.putAnswers('x', 'dominant', 1, { items: {}, updatedWallMs: 1, submittedWallMs: null });
    }).toThrow(StoreError);
  });

  it('keeps a sealed agreement as it was sealed: the database itself refuses a change', () => {
    const store = stores.open();
    addNegotiation(store);
    sealOne(store);
    const raw = new Database(stores.path());
    expect(() => raw.prepare(`UPDATE agreements SET json = '{"a":2}'`).run()).toThrow(
      'a sealed agreement never changes',
    );
    expect(() => raw.prepare(`UPDATE signatures SET at_wall_ms = 9`).run()).toThrow(
      'a signature never changes',
    );
    raw.close();
    expect(store.negotiations.markWithdrawn('n', 4, 'submissive')).toBe('sha256:one');
    expect(store.negotiations.markWithdrawn('n', 5, 'dominant')).toBeNull();
    const raw2 = new Database(stores.path());
    expect(() => raw2.prepare(`UPDATE agreements SET withdrawn_wall_ms = NULL`).run()).toThrow(
      'a withdrawn or replaced agreement stays so',
    );
    raw2.close();
    expect(store.negotiations.agreement('n', 'sha256:one')).toMatchObject({
      agreement: { a: 1 },
      withdrawnWallMs: 4,
      withdrawnBy: 'submissive',
    });
  });

  it('holds at most one agreement in force, and never drops a sealed one’s signatures', () => {
    const store = stores.open();
    addNegotiation(store);
    sealOne(store, 'sha256:one', 1);
    const n = store.negotiations;
    expect(() => {
      n.seal('n', { agreementHash: 'sha256:two', agreement: {}, draftVersion: 2, sealedWallMs: 4 });
    }).toThrow('negotiation "n" already has an agreement in force');
    n.putDraft('n', {
      version: 2,
      agreementHash: 'sha256:two',
      agreement: {},
      byRole: 'dominant',
      atWallMs: 5,
    });
    n.addSignature('n', {
      draftVersion: 2,
      role: 'dominant',
      agreementHash: 'sha256:two',
      atWallMs: 6,
      mac: 'm',
    });
    n.clearPendingSignatures('n');
    expect(n.signatures('n', 2)).toEqual([]);
    expect(n.signatures('n', 1)).toHaveLength(2);
    expect(n.removePendingSignature('n', 1, 'dominant')).toBe(false);
    expect(n.signatures('n', 1)).toHaveLength(2);
    sealOne(store, 'sha256:two', 2);
    expect(n.agreements('n').map((a) => [a.agreementHash, a.replacedWallMs])).toEqual([
      ['sha256:two', null],
      ['sha256:one', 3],
    ]);
  });

  it('refuses every call once closed', () => {
    const store = stores.open();
    store.close();
    expect(() => store.negotiations.negotiation('n')).toThrow(/the store at .* is closed/);
    expect(() => store.negotiations.transaction(() => 1)).toThrow(StoreError);
  });
});
