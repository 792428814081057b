import { templateAgreement, type Agreement, type DeviceSpec } from '../../src/core';

/**
 * A couple's agreement, signed by both through the real negotiation API (docs/protocol.md
 * "Negotiation"), for tests and benchmarks that need a scene for two: Alex (dominant) invites
 * Sam (submissive), Alex writes the cautious template for the devices, both sign it.
 */
export type SignedAgreement = {
  negotiationId: string;
  agreementHash: string;
  agreement: Agreement;
  secrets: { dominant: string; submissive: string };
};

type Answer = { status: number; body: unknown };

async function call(
  url: string,
  path: string,
  init: { method?: string; body?: unknown; secret?: string } = {},
): Promise<Answer> {
  const response = await fetch(new URL(path, url), {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.secret === undefined ? {} : { authorization: `Bearer ${init.secret}` }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

function expectStatus(answer: Answer, status: number, what: string): Record<string, unknown> {
  if (answer.status !== status)
    throw new Error(`${what}: ${String(answer.status)} ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown>;
}

/** The cautious template for two, with the participant ids a negotiation requires (its roles). */
export function coupleAgreement(
  devices: readonly DeviceSpec[],
  patch: Partial<Agreement> = {},
): Agreement {
  const template = templateAgreement({
    mode: 'pair',
    names: { dominant: 'Alex', submissive: 'Sam' },
    devices,
  });
  return {
    ...template,
    participants: [
      { id: 'dominant', name: 'Alex', role: 'dominant' },
      { id: 'submissive', name: 'Sam', role: 'submissive' },
    ],
    ...patch,
  };
}

export async function signAgreement(
  url: string,
  patch: Partial<Agreement> = {},
): Promise<SignedAgreement> {
  const setup = expectStatus(await call(url, '/api/setup'), 200, 'setup');
  const devices = setup.devices as DeviceSpec[];
  const created = expectStatus(
    await call(url, '/api/negotiations', { body: { name: 'Alex', role: 'dominant' } }),
    201,
    'invite',
  );
  const negotiationId = created.negotiationId as string;
  const code = (created.invitation as { code: string }).code;
  const accepted = expectStatus(
    await call(url, `/api/invitations/${code}/accept`, { body: { name: 'Sam' } }),
    200,
    'accept',
  );
  const secrets = { dominant: created.secret as string, submissive: accepted.secret as string };
  const agreement = coupleAgreement(devices, patch);
  const base = `/api/negotiations/${negotiationId}`;
  const drafted = expectStatus(
    await call(url, `${base}/draft`, {
      method: 'PUT',
      body: { agreement },
      secret: secrets.dominant,
    }),
    200,
    'draft',
  );
  const agreementHash = (drafted.draft as { agreementHash: string }).agreementHash;
  for (const secret of [secrets.dominant, secrets.submissive])
    expectStatus(await call(url, `${base}/sign`, { body: { agreementHash }, secret }), 200, 'sign');
  return { negotiationId, agreementHash, agreement, secrets };
}

/** `POST /api/scenes` for two from a signed agreement, with every connected device. */
export async function sceneFromAgreement(
  url: string,
  signed: SignedAgreement,
  devices?: readonly string[],
): Promise<Answer> {
  const setup = expectStatus(await call(url, '/api/setup'), 200, 'setup');
  return call(url, '/api/scenes', {
    body: {
      mode: 'pair',
      agreement: { negotiationId: signed.negotiationId, agreementHash: signed.agreementHash },
      devices: devices ?? (setup.devices as DeviceSpec[]).map((d) => d.id),
    },
    secret: signed.secrets.dominant,
  });
}
