import type { DeviceSpec } from '../core';
import type { DevicePort } from './port';

/**
 * A connection to real (or simulated-over-the-wire) toys and sensors: Buttplug, Edge-o-Matic.
 * Output goes through the `DevicePort` half, synchronously, so a stop never awaits anything
 * (S1). Everything the adapter learns arrives as events; the shell turns loss into scene events
 * (`device.lost`), which stop the scene (S1, S5).
 */
export type DeviceAdapterEvent =
  /** The devices this adapter offers now, with ids stable for as long as the device stays. */
  | { type: 'devices'; devices: readonly DeviceSpec[] }
  /** One device went away (removed, out of range, battery flat). */
  | { type: 'device-lost'; device: string; reason: string }
  /** The connection to the device server or sensor went away: every device of it is lost. */
  | { type: 'connection-lost'; reason: string }
  /** Connected again after a loss. Nothing resumes by itself: only the receiver's green does (S6). */
  | { type: 'reconnected' }
  /** A sensor or input reading, timestamped by the adapter's clock (ms). */
  | {
      type: 'reading';
      device: string;
      sensor: string;
      kind: ReadingKind;
      value: number;
      at: number;
    }
  /** Something from the device side was wrong (a bad frame, an error reply): refused, nothing changed. */
  | { type: 'error'; message: string };

export type ReadingKind = 'pressure' | 'pressure-average' | 'arousal' | 'battery' | 'motor';

export type DeviceAdapterListener = (event: DeviceAdapterEvent) => void;

export type ConnectResult =
  { ok: true; devices: readonly DeviceSpec[] } | { ok: false; error: string };

/** Whether the device side confirmed a stop in time; if not, why, in plain words. */
export type StopConfirmation = { ok: true } | { ok: false; error: string };

export type DeviceAdapter = DevicePort & {
  /** A short name for messages: "buttplug ws://127.0.0.1:12345", "edge-o-matic ws://eom3k.local/". */
  readonly name: string;
  /** Connects and lists devices; gives up with a clear error after its timeout. Never throws. */
  connect(): Promise<ConnectResult>;
  /** Stops every output first (without waiting for a reply), then disconnects. */
  close(): Promise<void>;
  /**
   * The set-up's test stop (DESIGN.md "Set up"): sends the stop exactly as `stopAll()` does,
   * written before this returns, then resolves ok only once the device side has confirmed it
   * within the adapter's request timeout. Never rejects. The scene's own stops never wait on
   * this (S1); what "confirmed" proves depends on the device (docs/devices*.md).
   */
  confirmStop(): Promise<StopConfirmation>;
  /** Hears every event; returns a function that unsubscribes. */
  on(listener: DeviceAdapterListener): () => void;
};
