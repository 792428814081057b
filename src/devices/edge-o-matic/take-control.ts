import { command, isManualMode, MANUAL_MODE_NAMES, replyProblem, type Frame } from './messages';
import type { Timers } from './motor-gate';

/** What the handshake needs from a fresh connection. */
export type ControlIo = Readonly<{
  send(text: string): boolean;
  /** Hears every valid frame, and the connection's end; returns a function that unsubscribes. */
  listen(listener: { frame(frame: Frame): void; closed(reason: string): void }): () => void;
  timers: Timers;
  requestTimeoutMs: number;
  nextNonce(): number;
}>;

export type ControlResult = { ok: true } | { ok: false; error: string };

type Attempt = { kind: 'manual' } | { kind: 'refused'; why: string } | ControlFailure;
type ControlFailure = { kind: 'failed'; error: string };

/**
 * Puts a freshly connected Edge-o-Matic in manual mode with its motor at 0 and starts its
 * readings. Several firmware generations name manual mode differently, so each name is tried
 * in turn. Setting the motor to 0 here is what keeps a reconnect from restoring any level (S6).
 */
export async function takeControl(io: ControlIo): Promise<ControlResult> {
  const refusals: string[] = [];
  for (const name of MANUAL_MODE_NAMES) {
    const attempt = await tryManualMode(io, name);
    switch (attempt.kind) {
      case 'manual':
        return { ok: true };
      case 'refused':
        refusals.push(`"${name}": ${attempt.why}`);
        break;
      case 'failed':
        return { ok: false, error: attempt.error };
    }
  }
  return {
    ok: false,
    error: `the Edge-o-Matic would not switch to manual mode (${refusals.join('; ')})`,
  };
}

/**
 * Sends setMode, setMotor 0 and streamReadings with a nonce, then waits for the nonce to come
 * back. The device answers one frame at a time, in order, so by then any setMode refusal has
 * arrived too. (Early firmware says nothing when setMode succeeds; later firmware echoes the mode.)
 */
function tryManualMode(io: ControlIo, name: string): Promise<Attempt> {
  const nonce = io.nextNonce();
  return new Promise((resolve) => {
    let refusal: string | undefined;
    let done = false;
    const finish = (attempt: Attempt) => {
      if (done) return;
      done = true;
      io.timers.clearTimeout(timer);
      unsubscribe();
      resolve(attempt);
    };
    const timer = io.timers.setTimeout(() => {
      finish({
        kind: 'failed',
        error: `no reply from the Edge-o-Matic within ${io.requestTimeoutMs} ms while taking control`,
      });
    }, io.requestTimeoutMs);
    const unsubscribe = io.listen({
      closed: (reason) => {
        finish({ kind: 'failed', error: `${reason} while taking control` });
      },
      frame(frame) {
        if (frame.error !== undefined) {
          finish({
            kind: 'failed',
            error: 'the Edge-o-Matic could not read a command while taking control',
          });
          return;
        }
        if (frame.setMode !== undefined) {
          const mode = frame.setMode.mode;
          refusal =
            replyProblem('setMode', frame.setMode) ??
            (mode !== undefined && !isManualMode(mode) ? `it switched to ${mode}` : refusal);
        }
        const ack = frame.streamReadings;
        if (ack?.nonce !== nonce) return;
        const problem = replyProblem('streamReadings', ack);
        if (problem !== undefined) finish({ kind: 'failed', error: problem });
        else if (refusal !== undefined) finish({ kind: 'refused', why: refusal });
        else finish({ kind: 'manual' });
      },
    });
    const sent =
      io.send(command.setMode(name)) &&
      io.send(command.setMotor(0)) &&
      io.send(command.streamReadings(nonce));
    if (!sent) finish({ kind: 'failed', error: 'the connection closed while taking control' });
  });
}
