import { describe, expect, it } from 'vitest';
import { serverFormErrors } from './talk-form';
import { splitFieldErrors } from './server-errors';

describe('server errors by field', () => {
  it('puts each named problem by its field', () => {
    expect(
      splitFieldErrors('name: must not be empty; message: must be at most 500 characters', [
        'name',
        'message',
      ]),
    ).toEqual({
      fields: { name: 'must not be empty', message: 'must be at most 500 characters' },
      rest: [],
    });
  });

  it('keeps problems of unknown fields and plain messages whole', () => {
    expect(splitFieldErrors('colour: unknown key; too many wrong codes', ['name'])).toEqual({
      fields: {},
      rest: ['colour: unknown key', 'too many wrong codes'],
    });
  });

  it('reads nested paths as their top field', () => {
    expect(
      splitFieldErrors('customItems[0].label: must not be blank', ['customItems']).fields,
    ).toEqual({ customItems: 'must not be blank' });
  });

  it('gives the talk form its fields and one line for the rest', () => {
    expect(serverFormErrors('role: must be "dominant" or "submissive"; (root): odd')).toEqual({
      fields: { role: 'must be "dominant" or "submissive"' },
      rest: '(root): odd',
    });
    expect(serverFormErrors('name: must not be empty').rest).toBeNull();
  });
});
