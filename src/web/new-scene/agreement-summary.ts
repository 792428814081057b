import type { Agreement } from '../../core/agreement/agreement';
import { formatPercent, formatSpan, formatSpanMs } from '../words/format';

/** The agreement in plain sentences, grouped, for a read-only summary before a scene. */
export type SummaryGroup = Readonly<{ id: string; title: string; lines: readonly string[] }>;

/** "every minute" rather than "every 1 minute". */
const every = (seconds: number) => {
  const span = formatSpan(seconds);
  return /^1 (minute|hour)$/.test(span) ? span.slice(2) : span;
};

const actionWords = (action: 'yellow' | 'red') =>
  action === 'red' ? 'stops the scene (red)' : 'slows it down (yellow)';

function signalLines(a: Agreement): string[] {
  const { holdToContinue: hold, tapPattern: taps } = a.signals;
  const lines: string[] = [];
  if (hold !== null)
    lines.push(
      `Hold to continue: letting go of the panel's button for more than ${formatSpanMs(hold.graceMs)} ${actionWords(hold.action)}.`,
    );
  if (taps !== null)
    lines.push(
      `Tap pattern: ${taps.taps} taps within ${formatSpanMs(taps.withinMs)} ${actionWords(taps.action)}.`,
    );
  lines.push('Red on the panel always stops everything; yellow slows down.');
  return lines;
}

/** Said only when the agreement has an early window (0 means any time is fine). */
function earlyLines({ notBeforeSeconds, early }: Agreement['orgasm']): string[] {
  if (notBeforeSeconds <= 0) return [];
  const within = `An orgasm within the first ${formatSpan(notBeforeSeconds)} of the scene`;
  return [
    early === 'stop'
      ? `${within} is too early: it stops the scene.`
      : `${within} counts as early; the scene still moves on to post-orgasm.`,
  ];
}

function lubricantLines(a: Agreement): string[] {
  const seconds = a.lubricant?.reminderIntervalSeconds ?? null;
  return seconds === null ? [] : [`A reminder to check the lubricant every ${every(seconds)}.`];
}

export function summarizeAgreement(a: Agreement): readonly SummaryGroup[] {
  const outputs = Object.entries(a.outputs).map(
    ([kind, spec]) => `${kind} at most ${formatPercent(spec.ceiling)}`,
  );
  const playEnd =
    a.play.maxSeconds === null
      ? 'no time limit'
      : `ends after ${formatSpan(a.play.maxSeconds)} if no orgasm has come`;
  const missed =
    a.checkIn.onMissed === 'stop'
      ? 'a missed check-in stops the scene'
      : "a missed check-in pauses it (every toy to zero) until the receiver's green";
  const groups: SummaryGroup[] = [
    {
      id: 'ceilings',
      title: 'Intensity ceilings',
      lines: [
        `Warm-up: ${formatPercent(a.warmUp.ceiling)} for ${formatSpan(a.warmUp.seconds)}.`,
        `Play: ${formatPercent(a.play.ceiling)}, ${playEnd}.`,
        `Post-orgasm: ${formatPercent(a.postOrgasm.ceiling)}.`,
        `Outputs allowed: ${outputs.join(', ')}.`,
      ],
    },
    {
      id: 'ramp',
      title: 'Start slow',
      lines: [`Intensity rises no faster than 0 to full in ${formatSpan(a.rampFullScaleSeconds)}.`],
    },
    {
      id: 'orgasm',
      title: 'Orgasm and after',
      lines: [
        `Orgasms allowed: ${a.orgasm.max}. One more stops the scene.`,
        ...earlyLines(a.orgasm),
        `Post-orgasm stimulation lasts at most ${formatSpan(a.postOrgasm.maxSeconds)} after the orgasm.`,
      ],
    },
    {
      id: 'check-in',
      title: 'Check-ins',
      lines: [
        `Every ${every(a.checkIn.intervalSeconds)}, answered within ${formatSpan(a.checkIn.answerTimeoutSeconds)}; ${missed}.`,
        `Yellow lowers every output to ${formatPercent(a.yellow.factor)} of its level and holds it there until green.`,
        ...lubricantLines(a),
      ],
    },
    { id: 'signals', title: 'Signals', lines: signalLines(a) },
    {
      id: 'panel',
      title: 'The panel',
      lines: [
        `If the panel is silent for ${formatSpan(a.panel.heartbeatTimeoutSeconds)}, the scene stops. Keep it on screen and awake.`,
      ],
    },
    {
      id: 'restraint',
      title: 'Restraint',
      lines: [
        a.restraint.used && a.restraint.checkIntervalSeconds !== null
          ? `Used, with a check every ${every(a.restraint.checkIntervalSeconds)}.`
          : 'Not used.',
      ],
    },
    {
      id: 'aftercare',
      title: 'Aftercare',
      lines: [
        `At least ${formatSpan(a.aftercare.minutes * 60)}.`,
        ...(a.aftercare.items.length > 0 ? [`With: ${a.aftercare.items.join(', ')}.`] : []),
      ],
    },
  ];
  return groups;
}
