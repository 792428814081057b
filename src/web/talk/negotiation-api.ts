import type { Agreement, Answers, CustomItemInput, Role } from '../../core';
import type {
  Accepted,
  CreatedNegotiation,
  Introduction,
  Invitation,
  ParticipantView,
  SealedAgreement,
} from '../../protocol/negotiation';
import { request, type ApiResult } from '../net/api';

/**
 * The negotiation's HTTP API (docs/protocol.md "Negotiation") for the talk and agreement screens.
 * The secret is the participant's own (talk-credentials.ts) and travels only in the
 * Authorization header. Answers are checked for shape only: the server is the judge of content.
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isRole = (v: unknown): v is Role => v === 'dominant' || v === 'submissive';
const isInvitation = (v: unknown): v is Invitation =>
  isRecord(v) &&
  typeof v.code === 'string' &&
  typeof v.expiresAt === 'number' &&
  typeof v.url === 'string';

export const isCreatedNegotiation = (v: unknown): v is CreatedNegotiation =>
  isRecord(v) &&
  typeof v.negotiationId === 'string' &&
  typeof v.secret === 'string' &&
  isInvitation(v.invitation);
export const isIntroduction = (v: unknown): v is Introduction =>
  isRecord(v) &&
  isRecord(v.initiator) &&
  typeof v.initiator.name === 'string' &&
  isRole(v.initiator.role) &&
  isRecord(v.you) &&
  isRole(v.you.role) &&
  (v.message === null || typeof v.message === 'string') &&
  typeof v.expiresAt === 'number';
export const isAccepted = (v: unknown): v is Accepted =>
  isRecord(v) &&
  typeof v.negotiationId === 'string' &&
  isRole(v.role) &&
  typeof v.secret === 'string';
export const isParticipantView = (v: unknown): v is ParticipantView =>
  isRecord(v) &&
  typeof v.negotiationId === 'string' &&
  typeof v.status === 'string' &&
  typeof v.round === 'number' &&
  isRecord(v.you) &&
  isRecord(v.partner) &&
  isRecord(v.catalogue) &&
  Array.isArray(v.catalogue.items) &&
  isRecord(v.own) &&
  Array.isArray(v.agreements);
export const isSealedAgreement = (
  v: unknown,
): v is SealedAgreement & { yourSignatureVerifies: boolean } =>
  isRecord(v) &&
  typeof v.agreementHash === 'string' &&
  isRecord(v.agreement) &&
  typeof v.negotiationId === 'string' &&
  typeof v.sealedAt === 'number' &&
  typeof v.state === 'string' &&
  Array.isArray(v.signatures) &&
  typeof v.yourSignatureVerifies === 'boolean';
const isNothing = (v: unknown): v is null => v === null;

const id = (negotiationId: string) => `/api/negotiations/${encodeURIComponent(negotiationId)}`;

export function createNegotiation(body: {
  name: string;
  role: Role;
  message?: string;
}): Promise<ApiResult<CreatedNegotiation>> {
  return request('/api/negotiations', { method: 'POST', body }, isCreatedNegotiation);
}

export function readInvitation(code: string): Promise<ApiResult<Introduction>> {
  return request(`/api/invitations/${encodeURIComponent(code)}`, {}, isIntroduction);
}

export function acceptInvitation(code: string, name: string): Promise<ApiResult<Accepted>> {
  const path = `/api/invitations/${encodeURIComponent(code)}/accept`;
  return request(path, { method: 'POST', body: { name } }, isAccepted);
}

/** 204 with no body: the server's answer reads as null. */
export function declineInvitation(code: string): Promise<ApiResult<null>> {
  const path = `/api/invitations/${encodeURIComponent(code)}/decline`;
  return request(path, { method: 'POST', body: {} }, isNothing);
}

export function renewInvitation(
  negotiationId: string,
  secret: string,
): Promise<ApiResult<Invitation>> {
  const path = `${id(negotiationId)}/invitation`;
  return request(path, { method: 'POST', body: {}, secret }, isInvitation);
}

export function readNegotiation(
  negotiationId: string,
  secret: string,
): Promise<ApiResult<ParticipantView>> {
  return request(id(negotiationId), { secret }, isParticipantView);
}

/** Files this participant's answers for the current round (all of them: it replaces). */
export function putAnswers(
  negotiationId: string,
  secret: string,
  items: Answers['items'],
): Promise<ApiResult<ParticipantView>> {
  const path = `${id(negotiationId)}/answers`;
  return request(path, { method: 'PUT', body: { items }, secret }, isParticipantView);
}

export function submitAnswers(
  negotiationId: string,
  secret: string,
): Promise<ApiResult<ParticipantView>> {
  const path = `${id(negotiationId)}/submit`;
  return request(path, { method: 'POST', body: {}, secret }, isParticipantView);
}

export function addItems(
  negotiationId: string,
  secret: string,
  customItems: readonly CustomItemInput[],
): Promise<ApiResult<ParticipantView>> {
  const path = `${id(negotiationId)}/items`;
  return request(path, { method: 'POST', body: { customItems }, secret }, isParticipantView);
}

export function putDraft(
  negotiationId: string,
  secret: string,
  agreement: Agreement,
): Promise<ApiResult<ParticipantView>> {
  const path = `${id(negotiationId)}/draft`;
  return request(path, { method: 'PUT', body: { agreement }, secret }, isParticipantView);
}

export function signDraft(
  negotiationId: string,
  secret: string,
  agreementHash: string,
): Promise<ApiResult<ParticipantView>> {
  const path = `${id(negotiationId)}/sign`;
  return request(path, { method: 'POST', body: { agreementHash }, secret }, isParticipantView);
}

export function withdrawConsent(
  negotiationId: string,
  secret: string,
): Promise<ApiResult<ParticipantView>> {
  const path = `${id(negotiationId)}/withdraw`;
  return request(path, { method: 'POST', body: {}, secret }, isParticipantView);
}

export function readSealed(
  agreementHash: string,
  secret: string,
): Promise<ApiResult<SealedAgreement & { yourSignatureVerifies: boolean }>> {
  const path = `/api/agreements/${encodeURIComponent(agreementHash)}`;
  return request(path, { secret }, isSealedAgreement);
}
