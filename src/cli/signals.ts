/** The signals a long-running command answers by stopping every device first. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Hears SIGINT and SIGTERM; returns a function that stops listening. Injectable for tests. */
export type SignalSource = (listener: (signal: StopSignal) => void) => () => void;

export const processSignals: SignalSource = (listener) => {
  const onInterrupt = () => {
    listener('SIGINT');
  };
  const onTerminate = () => {
    listener('SIGTERM');
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onTerminate);
  return () => {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onTerminate);
  };
};
