import { describe, expect, it } from 'vitest';
import { StoreError } from './store';
import { addScene, useTempStores } from './temp-store.test-support';

describe('store.history', () => {
  const stores = useTempStores();

  it('keeps readings and stop timings per scene, in scene time order, across a reopen', () => {
    const store = stores.open();
    addScene(store, 'a');
    addScene(store, 'b');
    store.history.addReading('a', { at: 400, kind: 'pressure', value: 812.5 });
    store.history.addReading('a', { at: 200, kind: 'heart-rate', value: 96 });
    store.history.addReading('a', { at: 400, kind: 'heart-rate', value: 97 });
    store.history.addReading('b', { at: 100, kind: 'pressure', value: 1 });
    store.history.addStopTiming('a', { at: 900, reachedAfterMs: 3.25 });
    store.close();

    const again = stores.open();
    expect(again.history.readings('a')).toEqual([
      { at: 200, kind: 'heart-rate', value: 96 },
      { at: 400, kind: 'pressure', value: 812.5 },
      { at: 400, kind: 'heart-rate', value: 97 },
    ]);
    expect(again.history.stopTimings('a')).toEqual([{ at: 900, reachedAfterMs: 3.25 }]);
    expect(again.history.stopTimings('b')).toEqual([]);
    expect(again.history.readings('missing')).toEqual([]);
  });

  it('rounds scene times to whole ms and keeps the first timing of a stop', () => {
    const store = stores.open();
    addScene(store, 'a');
    store.history.addReading('a', { at: 10.6, kind: 'pressure', value: 5 });
    store.history.addStopTiming('a', { at: 900, reachedAfterMs: 2 });
    store.history.addStopTiming('a', { at: 900, reachedAfterMs: 7 });
    expect(store.history.readings('a')).toEqual([{ at: 11, kind: 'pressure', value: 5 }]);
    expect(store.history.stopTimings('a')).toEqual([{ at: 900, reachedAfterMs: 2 }]);
  });

  it('refuses traces of a scene it does not have, and everything once closed, naming the scene', () => {
    const store = stores.open();
    expect(() => {
      store.history.addReading('ghost', { at: 1, kind: 'pressure', value: 1 });
    }).toThrow(/scene "ghost" is not in the store/);
    store.close();
    expect(() => store.history.readings('a')).toThrow(StoreError);
  });
});
