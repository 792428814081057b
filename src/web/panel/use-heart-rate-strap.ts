import { useCallback, useEffect, useRef, useState } from 'react';
import { isPlausible, parseHeartRateMeasurement, readingDue } from './heart-rate';
import { openStrap, type StrapLink } from './strap-link';
import { webBluetooth } from './web-bluetooth';

export type StrapStatus = 'unavailable' | 'idle' | 'connecting' | 'connected' | 'lost';
export type StrapState = Readonly<{
  status: StrapStatus;
  name: string | null;
  bpm: number | null;
  /** Why the last try failed or the strap went away, in words; null when there is nothing to say. */
  message: string | null;
}>;

export type HeartRateStrap = StrapState & { connect: () => void; disconnect: () => void };

const IDLE: StrapState = { status: 'idle', name: null, bpm: null, message: null };
const UNAVAILABLE: StrapState = { ...IDLE, status: 'unavailable' };

function failureWords(error: unknown): string {
  // The browser's chooser was closed without picking a strap: nothing went wrong.
  if (error instanceof DOMException && error.name === 'NotFoundError') return 'No strap chosen.';
  const detail = error instanceof Error && error.message !== '' ? ` (${error.message})` : '';
  return `Could not connect to the strap${detail}. Check it is on, worn and near, then try again.`;
}

/**
 * A standard Bluetooth heart-rate strap, read in this browser: each plausible value goes to
 * `onBpm` at most about once a second. Where Web Bluetooth or an adapter is missing it says so
 * and never asks for a device.
 */
export function useHeartRateStrap(onBpm: (bpm: number) => void): HeartRateStrap {
  const bluetooth = webBluetooth();
  const [state, setState] = useState<StrapState>(bluetooth === null ? UNAVAILABLE : IDLE);
  const link = useRef<StrapLink | null>(null);
  const lastSentAt = useRef<number | null>(null);
  const send = useRef(onBpm);
  // Each connect and disconnect starts a new attempt; late answers from an older one are closed.
  const attempt = useRef(0);

  useEffect(() => {
    send.current = onBpm;
  }, [onBpm]);

  const release = useCallback(() => {
    attempt.current += 1;
    link.current?.close();
    link.current = null;
  }, []);

  const onValue = useCallback((value: DataView) => {
    const measurement = parseHeartRateMeasurement(value);
    if (measurement === null || !isPlausible(measurement)) return;
    setState((s) => (s.bpm === measurement.bpm ? s : { ...s, bpm: measurement.bpm }));
    const now = performance.now();
    if (!readingDue(lastSentAt.current, now)) return;
    lastSentAt.current = now;
    send.current(measurement.bpm);
  }, []);

  const connect = useCallback(() => {
    if (bluetooth === null) return;
    release();
    const mine = attempt.current;
    setState({ ...IDLE, status: 'connecting' });
    const onGone = () => {
      if (mine !== attempt.current) return;
      link.current = null;
      setState((s) => ({
        ...s,
        status: 'lost',
        message:
          'The strap disconnected (out of range, or its battery). Connect it again to go on.',
      }));
    };
    openStrap(bluetooth, { onValue, onGone }).then(
      (opened) => {
        if (mine !== attempt.current) {
          opened.close();
          return;
        }
        link.current = opened;
        lastSentAt.current = null;
        setState({ status: 'connected', name: opened.name, bpm: null, message: null });
      },
      (error: unknown) => {
        if (mine === attempt.current) setState({ ...IDLE, message: failureWords(error) });
      },
    );
  }, [bluetooth, onValue, release]);

  const disconnect = useCallback(() => {
    release();
    setState({ ...IDLE, message: 'Strap disconnected.' });
  }, [release]);

  // No adapter (a desktop without Bluetooth, a headless browser): say so instead of a dead button.
  useEffect(() => {
    if (bluetooth?.getAvailability === undefined) return undefined;
    let gone = false;
    bluetooth.getAvailability().then(
      (available) => {
        if (!gone && !available) setState(UNAVAILABLE);
      },
      () => {
        if (!gone) setState(UNAVAILABLE);
      },
    );
    return () => {
      gone = true;
    };
  }, [bluetooth]);

  useEffect(() => release, [release]);

  return { ...state, connect, disconnect };
}
