import type { Agreement, Limits } from '../../core';

const percent = (level: number) => `${Math.round(level * 100)}%`;

/** "1.5 s", "45 s", "5 min", "2 min 30 s". */
export function shortSeconds(seconds: number): string {
  const exact = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  // Short graces and tap windows are agreed to the half second: keep that precision.
  if (exact < 10 && !Number.isInteger(exact)) return `${String(Math.round(exact * 10) / 10)} s`;
  const s = Math.round(exact);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}

const actionWords = (action: 'yellow' | 'red') => (action === 'red' ? 'stops' : 'slows down');

/** The agreement and the limits in force, in a few short lines for the receiver. */
export function limitLines(agreement: Agreement, limits: Limits): string[] {
  const c = limits.phaseCeilings;
  const lines = [
    `Intensity at most ${percent(c['warm-up'])} in warm-up, ${percent(c.play)} in play, ${percent(c['post-orgasm'])} after orgasm.`,
    `After orgasm: at most ${shortSeconds(limits.postOrgasmMaxMs / 1000)}.`,
    `Orgasms: at most ${limits.orgasmsMax}.`,
    `Check-in every ${shortSeconds(agreement.checkIn.intervalSeconds)}; no answer within ${shortSeconds(agreement.checkIn.answerTimeoutSeconds)} ${agreement.checkIn.onMissed === 'stop' ? 'stops' : 'pauses'} the scene.`,
    `Yellow lowers everything to ${percent(agreement.yellow.factor)} of where it was, until you press green.`,
  ];
  const { holdToContinue: hold, tapPattern: tap } = agreement.signals;
  if (hold !== null)
    lines.push(
      `Hold to continue: letting go for more than ${shortSeconds(hold.graceMs / 1000)} ${actionWords(hold.action)} the scene.`,
    );
  if (tap !== null)
    lines.push(
      `Tapping the screen ${tap.taps} times within ${shortSeconds(tap.withinMs / 1000)} ${actionWords(tap.action)} the scene.`,
    );
  lines.push(
    `If this panel goes quiet for ${shortSeconds(agreement.panel.heartbeatTimeoutSeconds)} (screen off, no connection), the scene stops.`,
  );
  return lines;
}

/** The strongest output right now, 0–1 (what the governor let through, not what was asked). */
export function strongestApplied(applied: Readonly<Record<string, number>>): number {
  let max = 0;
  for (const value of Object.values(applied))
    if (Number.isFinite(value) && value > max) max = Math.min(1, value);
  return max;
}
