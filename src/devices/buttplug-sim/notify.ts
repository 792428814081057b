/**
 * Calls every listener with the value. A listener that throws does not stop the others or the
 * frame being handled (perhaps a stop, S1); its error is thrown again on its own, outside the
 * socket's receive path, so the bug still shows.
 */
export function notify<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of listeners) {
    try {
      listener(value);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}
