import { describe, expect, it } from 'vitest';
import { created } from '../../../test/fixtures/agreements';
import { step } from './machine';
import { draftOf, initialState } from './state';

describe('draftOf', () => {
  it('copies every field of a state, and nothing more, into a new object', () => {
    let state = initialState(created());
    state = step(state, { type: 'panel.heartbeat', at: 5, by: 'submissive' }).state;
    state = step(state, { type: 'scene.start', at: 10, by: 'dominant' }).state;
    for (const s of [initialState(created()), state]) {
      const draft = draftOf(s);
      expect(draft).not.toBe(s);
      expect(Object.keys(draft).sort()).toEqual(Object.keys(s).sort());
      expect(draft).toStrictEqual(s);
    }
  });
});
