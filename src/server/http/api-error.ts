import type { FastifyReply } from 'fastify';

/** Every refusal from the HTTP API: a status, a code for programs and a message for people. */
export function apiError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: message, code });
}

/** The secret from `Authorization: Bearer …` (never from a URL), or null. */
export function bearer(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header);
  return match?.[1] ?? null;
}
