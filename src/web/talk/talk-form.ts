import type { Role } from '../../core';
import { splitFieldErrors } from './server-errors';

/** The "Talk first" form: checked here for plain mistakes; the server judges the rest. */
export const NAME_MAX = 80;
export const MESSAGE_MAX = 500;

export type TalkForm = { name: string; role: Role | null; message: string };
export type TalkFormField = 'name' | 'role' | 'message';
export type TalkFormErrors = Partial<Record<TalkFormField, string>>;
export type TalkRequest = { name: string; role: Role; message?: string };

export function checkTalkForm(
  form: TalkForm,
): { ok: true; body: TalkRequest } | { ok: false; errors: TalkFormErrors } {
  const errors: TalkFormErrors = {};
  const name = form.name.trim();
  const message = form.message.trim();
  if (name === '') errors.name = 'Write the name your partner knows you by.';
  else if (name.length > NAME_MAX) errors.name = `At most ${NAME_MAX} characters.`;
  if (form.role === null) errors.role = 'Choose the role you would like to take.';
  if (message.length > MESSAGE_MAX) errors.message = `At most ${MESSAGE_MAX} characters.`;
  if (form.role === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: message === '' ? { name, role: form.role } : { name, role: form.role, message },
  };
}

/** The server's refusal, each named field's problem beside that field. */
export function serverFormErrors(message: string): { fields: TalkFormErrors; rest: string | null } {
  const split = splitFieldErrors(message, ['name', 'role', 'message'] as const);
  return { fields: split.fields, rest: split.rest.length > 0 ? split.rest.join('; ') : null };
}
