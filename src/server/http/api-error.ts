import type { FastifyReply, FastifyRequest } from 'fastify';

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

/** Bodies and framing the parser refused, in plain words that echo nothing back. */
const CLIENT_ERRORS: Readonly<Record<number, string>> = {
  400: 'the body is not valid JSON',
  413: 'the body is too large',
  415: 'send the body as JSON (content-type: application/json)',
};

/**
 * The error handler of a route plugin whose bodies may hold what people wrote: the parser's
 * refusals as plain 4xx, anything else a generic 500. Nothing of the failure is answered;
 * `report` (if given) decides what, if anything, may be logged.
 */
export function apiErrorHandler(report?: (error: unknown, request: FastifyRequest) => void) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const code: unknown =
      typeof error === 'object' && error !== null && 'statusCode' in error
        ? error.statusCode
        : undefined;
    const status = typeof code === 'number' ? code : 500;
    if (status >= 400 && status < 500)
      return apiError(
        reply,
        status,
        'bad-request',
        CLIENT_ERRORS[status] ?? 'the request could not be read',
      );
    report?.(error, request);
    return apiError(reply, 500, 'internal', 'Redline could not do this just now: try again');
  };
}
