import { describe, expect, it } from 'vitest';
import { dominantName, receiverName } from './names';
import { agreement } from './test-view.test-support';

describe('names', () => {
  it('reads names from the agreement', () => {
    expect(receiverName(agreement)).toBe('Sam');
    expect(dominantName(agreement)).toBe('Alex');
  });
  it('falls back to role words', () => {
    const solo = {
      ...agreement,
      participants: [{ id: 's', name: ' ', role: 'submissive' as const }],
    };
    expect(receiverName(solo)).toBe('the receiver');
    expect(dominantName(solo)).toBe('the dominant');
  });
});
