import { describe, expect, it } from 'vitest';
import { agreement } from '../test-support/view.test-support';
import { capitalize, nameOf } from './names';

describe('names', () => {
  it('reads names from the agreement', () => {
    expect(nameOf(agreement, 'submissive')).toBe('Kai');
    expect(nameOf(agreement, 'dominant')).toBe('Robin');
  });

  it('falls back to role words for the middle of a sentence', () => {
    const solo = {
      ...agreement,
      participants: [{ id: 's', name: ' ', role: 'submissive' as const }],
    };
    expect(nameOf(solo, 'submissive')).toBe('the receiver');
    expect(nameOf(solo, 'dominant')).toBe('your partner');
    expect(capitalize(nameOf(solo, 'submissive'))).toBe('The receiver');
  });
});
