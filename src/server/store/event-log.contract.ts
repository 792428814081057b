import { describe, expect, it } from 'vitest';
import type { SceneEvent } from '../../core';
import { created } from '../../../test/fixtures/agreements';
import type { EventLog } from '../event-log';

/**
 * What every `EventLog` keeps, as one suite each durable log's tests run (STYLE.md: one contract
 * suite for every implementation). The same expectations as the JSON-lines log's own tests.
 */
export type LogUnderTest = Readonly<{
  log: EventLog;
  close(): void;
  /** Everything stored, read back from disk after `close` (a new reader, not the writer). */
  readBack(): SceneEvent[];
}>;

export function eventLogContract(name: string, open: (sceneId: string) => LogUnderTest): void {
  describe(`${name} keeps the EventLog contract`, () => {
    it('[S7] keeps every appended event, valid and in order, once closed', () => {
      const first = { ...created(), sceneId: 'contract' };
      const events: SceneEvent[] = [
        first,
        { type: 'scene.start', at: 10, by: 'dominant' },
        {
          type: 'intensity.requested',
          at: 50,
          by: 'dominant',
          device: 'wand',
          feature: 'vibrate',
          value: 0.25,
        },
        { type: 'tick', at: 100 },
        { type: 'safeword', at: 120, by: 'submissive', word: 'red' },
      ];
      const subject = open('contract');
      for (const event of events) subject.log.append(event);
      subject.close();
      expect(subject.readBack()).toEqual(events);
    });

    it('refuses an append once closed, saying so, and keeps what it had', () => {
      const subject = open('contract');
      subject.log.append({ ...created(), sceneId: 'contract' });
      subject.log.append({ type: 'tick', at: 100 });
      subject.close();
      expect(() => {
        subject.log.append({ type: 'tick', at: 200 });
      }).toThrow(/closed/);
      expect(subject.readBack().map((e) => e.type)).toEqual(['scene.created', 'tick']);
    });
  });
}
