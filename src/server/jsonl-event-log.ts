import { closeSync, openSync, writeSync } from 'node:fs';
import type { EventLog } from './event-log';

export type FileEventLog = EventLog & { close(): void };

/**
 * A scene's events as JSON lines, one event per line, in the order they were dispatched: the
 * format `redline replay` reads. The file is created or emptied when opened; opening throws
 * (before any scene runs) if it cannot be written.
 */
export function openJsonLinesEventLog(path: string): FileEventLog {
  const fd = openSync(path, 'w');
  let open = true;
  return {
    append(event) {
      if (!open) throw new Error(`the event log ${path} is closed`);
      // Written straight through: an event acknowledged by the loop is with the OS (S7).
      writeSync(fd, `${JSON.stringify(event)}\n`);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}
