import type { StopConfirmation } from '../adapter';
import { isManualMode, replyProblem, type Frame } from './messages';
import type { Timers } from './motor-gate';

/** What waiting for a confirmation needs from the open connection. */
export type ConfirmIo = Readonly<{
  /** Hears every valid frame, and the connection's end; returns a function that unsubscribes. */
  listen(listener: { frame(frame: Frame): void; closed(reason: string): void }): () => void;
  timers: Timers;
  timeoutMs: number;
}>;

/**
 * Waits for the Edge-o-Matic to show that the `setMotor 0` just written took hold. `setMotor`
 * cannot carry a nonce and early firmware says nothing when it succeeds, so the proof is the
 * device's own word on its motor: the `motor` field of a `readings` frame that arrives after the
 * stop was written and reads 0, in manual mode. A reading still on its way from before the stop
 * may show the old speed; that one is passed over and the next is awaited. What this cannot
 * prove is that the reading was taken after the device ran this very command (a reading already
 * in flight that says 0 counts); docs/devices-edge-o-matic.md says so. Never rejects.
 */
export function confirmMotorZero(io: ConfirmIo): Promise<StopConfirmation> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: StopConfirmation) => {
      if (done) return;
      done = true;
      io.timers.clearTimeout(timer);
      unsubscribe();
      resolve(result);
    };
    const timer = io.timers.setTimeout(() => {
      finish({
        ok: false,
        error: `the Edge-o-Matic did not report its motor at 0 within ${io.timeoutMs} ms`,
      });
    }, io.timeoutMs);
    const unsubscribe = io.listen({
      closed: (reason) => {
        finish({ ok: false, error: `${reason} before the stop was confirmed` });
      },
      frame(frame) {
        const refused =
          frame.setMotor === undefined ? undefined : replyProblem('setMotor', frame.setMotor);
        if (refused !== undefined) {
          finish({ ok: false, error: refused });
          return;
        }
        const readings = frame.readings;
        if (readings === undefined || readings.motor !== 0) return;
        const mode = readings.runMode;
        if (mode !== undefined && !isManualMode(mode)) {
          finish({
            ok: false,
            error: `the Edge-o-Matic reports its motor at 0 but is in ${mode} mode, where it drives its motor by itself`,
          });
          return;
        }
        finish({ ok: true });
      },
    });
  });
}
