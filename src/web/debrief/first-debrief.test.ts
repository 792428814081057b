import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStorage } from '../test-support/storage.test-support';
import { isFirstDebrief, markDebriefed, parseDebriefed } from './first-debrief';

describe('the first debrief on this device', () => {
  beforeEach(() => {
    Object.assign(globalThis, { localStorage: memoryStorage() });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('is first until another scene was debriefed here', () => {
    expect(isFirstDebrief('a')).toBe(true);
    markDebriefed('a');
    expect(isFirstDebrief('a')).toBe(true);
    expect(isFirstDebrief('b')).toBe(false);
  });

  it('trusts nothing stored', () => {
    expect(parseDebriefed('not json')).toEqual([]);
    expect(parseDebriefed('[1, "a", null]')).toEqual(['a']);
    expect(parseDebriefed('{"a": 1}')).toEqual([]);
  });
});
