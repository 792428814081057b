/**
 * Between the governor's levels and the Edge-o-Matic's motor: maps 0–1 to the device's 0–255,
 * drops repeats, and sends at most one motor command per interval (the ESP32 answers every
 * command and the scene loop may set levels far faster than a motor can follow). A stop
 * bypasses all of it and is written at once (S1).
 */

export const MOTOR_MAX = 255;

/**
 * 0–1 to 0–255, rounding down: rounding up could put the motor above the agreed ceiling (S2).
 * A level outside 0–1 is a broken invariant (only the governor makes levels), so it throws.
 */
export function motorByte(level: number): number {
  if (!Number.isFinite(level) || level < 0 || level > 1)
    throw new Error(`refusing level ${level} for the Edge-o-Matic motor: outside 0–1`);
  return Math.min(MOTOR_MAX, Math.max(0, Math.floor(level * MOTOR_MAX)));
}

/** Timers, injectable so tests move time by hand. */
export type Timers = Readonly<{
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}>;

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export type MotorGate = {
  /** Asks for a speed: sent now, coalesced into the next slot, or dropped as a repeat. */
  set(speed: number): void;
  /** Writes 0 at once, whatever was sent or is pending (S1). */
  stop(): void;
  /** The device is at `speed` by other means (the connect handshake); nothing pending survives. */
  assume(speed: number): void;
  /** The link went away: nothing pending survives and what the motor runs at is unknown. */
  forget(): void;
};

export type MotorGateOptions = Readonly<{
  minIntervalMs: number;
  now: () => number;
  timers: Timers;
  /** Writes one motor command; never awaits anything. */
  write: (speed: number) => void;
}>;

export function createMotorGate({
  minIntervalMs,
  now,
  timers,
  write,
}: MotorGateOptions): MotorGate {
  let sent: number | undefined;
  let sentAt = Number.NEGATIVE_INFINITY;
  let pending: number | undefined;
  let timer: unknown;

  const send = (speed: number) => {
    sent = speed;
    sentAt = now();
    write(speed);
  };
  const cancel = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  const flush = () => {
    timer = undefined;
    const speed = pending;
    pending = undefined;
    if (speed !== undefined && speed !== sent) send(speed);
  };

  return {
    set(speed) {
      if (timer !== undefined) {
        // A slot is already booked: the latest wish wins, and the flush drops it if it repeats.
        pending = speed;
        return;
      }
      if (speed === sent) return;
      const wait = sentAt + minIntervalMs - now();
      if (wait <= 0) {
        send(speed);
        return;
      }
      pending = speed;
      timer = timers.setTimeout(flush, wait);
    },
    stop() {
      cancel();
      send(0);
    },
    assume(speed) {
      cancel();
      sent = speed;
      sentAt = now();
    },
    forget() {
      cancel();
      sent = undefined;
    },
  };
}
