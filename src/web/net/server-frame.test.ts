import { describe, expect, it } from 'vitest';
import { makeView } from '../test-support/view.test-support';
import { parseServerFrame } from './server-frame';

const text = (v: unknown) => JSON.stringify(v);

describe('reading server frames', () => {
  it('reads a welcome', () => {
    const view = makeView();
    const frame = parseServerFrame(
      text({ type: 'welcome', role: 'submissive', sceneId: 's', lastSeq: 3, view }),
    );
    expect(frame).toMatchObject({ type: 'welcome', role: 'submissive', lastSeq: 3 });
  });

  it('drops a welcome with a strange role or seq', () => {
    const view = makeView();
    expect(
      parseServerFrame(text({ type: 'welcome', role: 'admin', sceneId: 's', lastSeq: 3, view })),
    ).toBeNull();
    expect(
      parseServerFrame(
        text({ type: 'welcome', role: 'dominant', sceneId: 's', lastSeq: -1, view }),
      ),
    ).toBeNull();
  });

  it('keeps only effects that look like effects', () => {
    const frame = parseServerFrame(
      text({
        type: 'view',
        view: makeView(),
        effects: [{ type: 'stop-all', at: 1, reason: 'stop' }, 'x', null],
      }),
    );
    expect(frame?.type === 'view' ? frame.effects : null).toHaveLength(1);
  });

  it('reads acks, errors and byes', () => {
    expect(parseServerFrame(text({ type: 'ack', seq: 4 }))).toEqual({ type: 'ack', seq: 4 });
    expect(
      parseServerFrame(text({ type: 'error', code: 'refused', message: 'no', seq: 2 })),
    ).toEqual({
      type: 'error',
      code: 'refused',
      message: 'no',
      seq: 2,
    });
    expect(parseServerFrame(text({ type: 'error', code: 'x', message: 'm' }))).toEqual({
      type: 'error',
      code: 'x',
      message: 'm',
    });
    expect(parseServerFrame(text({ type: 'bye' }))).toEqual({ type: 'bye', reason: '' });
  });

  it('drops anything else', () => {
    for (const raw of [
      '',
      'null',
      '[]',
      '{"type":"eval"}',
      '{"type":"ack","seq":"1"}',
      '{"type":"view","view":null}',
    ])
      expect(parseServerFrame(raw)).toBeNull();
    expect(parseServerFrame(42)).toBeNull();
  });
});
