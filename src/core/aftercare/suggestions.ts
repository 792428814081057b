import type { Agreement, Role } from '../agreement/agreement';
import type { DebriefAnswers } from './debrief';

/**
 * What a debrief suggests for the next agreement (DESIGN.md step 8): concrete, cautious changes,
 * each with a plain reason naming who asked for it. Suggestions only ever narrow (S3's spirit for
 * the next agreement too): a lower ceiling, a shorter post-orgasm phase, more frequent checks, a
 * signal that stops when let go. Nothing here widens a limit, even when someone found the
 * intensity too low: widening is for both partners to write, never for Redline to suggest.
 *
 * A change carries its target value, not a step: applying it sets the limit to at most that
 * value, so applying it twice, or to an agreement already lower, changes nothing.
 */
export type AgreementChange =
  | { kind: 'play-ceiling'; to: number }
  | { kind: 'post-orgasm-ceiling'; to: number }
  | { kind: 'post-orgasm-seconds'; to: number }
  | { kind: 'check-in-interval'; to: number }
  | { kind: 'restraint-check-interval'; to: number }
  | { kind: 'hold-to-continue'; graceMs: number };

export type Suggestion = Readonly<{
  change: AgreementChange;
  /** "Sam found the intensity too high: lower the post-orgasm ceiling from 50 % to 40 %". */
  reason: string;
  /** Whose shared answers led to it. */
  from: readonly Role[];
}>;

/** One participant's shared answers (only what they chose to share). */
export type SharedDebrief = Readonly<{ role: Role; answers: DebriefAnswers }>;

/** Ceilings come down by 10 points, never below 5 %. */
export const CEILING_STEP = 0.1;
export const CEILING_FLOOR = 0.05;
/** Times and intervals come down by a quarter. */
export const SHORTEN_FACTOR = 0.75;
export const HOLD_GRACE_MS = 2000;

const CHECK_IN_MIN_SECONDS = 10;
const RESTRAINT_CHECK_MIN_SECONDS = 30;

const percent = (level: number) => `${Number((level * 100).toFixed(1))} %`;

export function formatSeconds(seconds: number): string {
  const s = Number(seconds.toFixed(1));
  if (s < 120) return `${s} s`;
  const minutes = Math.floor(s / 60);
  const rest = Number((s - minutes * 60).toFixed(1));
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

function lowerCeiling(level: number): number | null {
  const points = Math.max(
    Math.round(CEILING_FLOOR * 100),
    Math.floor(level * 100 + 1e-9) - CEILING_STEP * 100,
  );
  const to = points / 100;
  return to < level ? to : null;
}

function shorten(seconds: number, min: number): number | null {
  const to = Math.max(min, Math.floor(seconds * SHORTEN_FACTOR));
  return to < seconds ? to : null;
}

function names(agreement: Agreement, roles: readonly Role[]): string {
  const named = roles.map(
    (role) => agreement.participants.find((p) => p.role === role)?.name ?? role,
  );
  return named.length <= 1
    ? (named[0] ?? '')
    : `${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
}

type Cause =
  'too-high' | 'intensity-crossed' | 'post-orgasm-crossed' | 'restraint-crossed' | 'signal';

const CAUSE_WORDS: Readonly<Record<Cause, string>> = {
  'too-high': 'found the intensity too high',
  'intensity-crossed': 'felt the intensity went past a limit',
  'post-orgasm-crossed': 'felt the post-orgasm time went past a limit',
  'restraint-crossed': 'felt a limit with the restraints was crossed',
  signal: 'wanted to give a signal but could not',
};

function causesOf(answers: DebriefAnswers): Cause[] {
  const causes: Cause[] = [];
  if (answers.intensity === 'too-high') causes.push('too-high');
  if (answers.limit?.answer === 'crossed') {
    const which = answers.limit.which ?? [];
    if (which.includes('intensity')) causes.push('intensity-crossed');
    if (which.includes('post-orgasm-time')) causes.push('post-orgasm-crossed');
    if (which.includes('restraint')) causes.push('restraint-crossed');
  }
  if (answers.signal?.answer === 'wanted-could-not') causes.push('signal');
  return causes;
}

/** The changes a cause leads to for this agreement, each with what it would say. */
function changesFor(cause: Cause, a: Agreement): { change: AgreementChange; what: string }[] {
  switch (cause) {
    case 'too-high':
    case 'intensity-crossed': {
      const out: { change: AgreementChange; what: string }[] = [];
      const post = lowerCeiling(a.postOrgasm.ceiling);
      if (post !== null)
        out.push({
          change: { kind: 'post-orgasm-ceiling', to: post },
          what: `lower the post-orgasm ceiling from ${percent(a.postOrgasm.ceiling)} to ${percent(post)}`,
        });
      const play = lowerCeiling(a.play.ceiling);
      if (play !== null)
        out.push({
          change: { kind: 'play-ceiling', to: play },
          what: `lower the play ceiling from ${percent(a.play.ceiling)} to ${percent(play)}`,
        });
      return out;
    }
    case 'post-orgasm-crossed': {
      const to = shorten(a.postOrgasm.maxSeconds, 1);
      return to === null
        ? []
        : [
            {
              change: { kind: 'post-orgasm-seconds', to },
              what: `shorten the post-orgasm phase from ${formatSeconds(a.postOrgasm.maxSeconds)} to ${formatSeconds(to)}`,
            },
          ];
    }
    case 'restraint-crossed': {
      const every = a.restraint.checkIntervalSeconds;
      const to =
        !a.restraint.used || every === null ? null : shorten(every, RESTRAINT_CHECK_MIN_SECONDS);
      return to === null || every === null
        ? []
        : [
            {
              change: { kind: 'restraint-check-interval', to },
              what: `check the restraints every ${formatSeconds(to)} instead of every ${formatSeconds(every)}`,
            },
          ];
    }
    case 'signal': {
      const out: { change: AgreementChange; what: string }[] = [];
      const { intervalSeconds, answerTimeoutSeconds } = a.checkIn;
      const shortest = Math.max(CHECK_IN_MIN_SECONDS, Math.floor(answerTimeoutSeconds) + 1);
      const to = shorten(intervalSeconds, shortest);
      if (to !== null)
        out.push({
          change: { kind: 'check-in-interval', to },
          what: `check in every ${formatSeconds(to)} instead of every ${formatSeconds(intervalSeconds)}`,
        });
      if (a.signals.holdToContinue === null)
        out.push({
          change: { kind: 'hold-to-continue', graceMs: HOLD_GRACE_MS },
          what: `add hold to continue, so letting go of the panel for ${formatSeconds(HOLD_GRACE_MS / 1000)} stops the scene`,
        });
      return out;
    }
  }
}

const CAUSES: readonly Cause[] = [
  'too-high',
  'intensity-crossed',
  'post-orgasm-crossed',
  'restraint-crossed',
  'signal',
];

/**
 * The suggestions the shared debriefs of one scene lead to, for the agreement that scene ran
 * under. One suggestion per change: when two answers ask for the same change, the first cause
 * (in CAUSES order) words it and names everyone who gave it.
 */
export function suggestionsFrom(
  debriefs: readonly SharedDebrief[],
  agreement: Agreement,
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const cause of CAUSES) {
    const roles = debriefs
      .filter((d) => causesOf(d.answers).includes(cause))
      .map((d) => d.role)
      .filter((r, i, all) => all.indexOf(r) === i);
    if (roles.length === 0) continue;
    for (const { change, what } of changesFor(cause, agreement)) {
      if (suggestions.some((s) => s.change.kind === change.kind)) continue;
      suggestions.push({
        change,
        reason: `${names(agreement, roles)} ${CAUSE_WORDS[cause]}: ${what}`,
        from: roles,
      });
    }
  }
  return suggestions;
}

const usable = (n: number, min: number, max: number) => Number.isFinite(n) && n >= min && n <= max;

function applyOne(a: Agreement, change: AgreementChange): Agreement {
  switch (change.kind) {
    case 'play-ceiling':
      return usable(change.to, 0, 1)
        ? { ...a, play: { ...a.play, ceiling: Math.min(a.play.ceiling, change.to) } }
        : a;
    case 'post-orgasm-ceiling':
      return usable(change.to, 0, 1)
        ? {
            ...a,
            postOrgasm: { ...a.postOrgasm, ceiling: Math.min(a.postOrgasm.ceiling, change.to) },
          }
        : a;
    case 'post-orgasm-seconds':
      return usable(change.to, 1, 3600)
        ? {
            ...a,
            postOrgasm: {
              ...a.postOrgasm,
              maxSeconds: Math.min(a.postOrgasm.maxSeconds, change.to),
            },
          }
        : a;
    case 'check-in-interval':
      // The answer must still fit inside the interval (the agreement's own rule).
      return usable(change.to, CHECK_IN_MIN_SECONDS, 3600) &&
        change.to > a.checkIn.answerTimeoutSeconds
        ? {
            ...a,
            checkIn: {
              ...a.checkIn,
              intervalSeconds: Math.min(a.checkIn.intervalSeconds, change.to),
            },
          }
        : a;
    case 'restraint-check-interval': {
      const every = a.restraint.checkIntervalSeconds;
      return a.restraint.used &&
        every !== null &&
        usable(change.to, RESTRAINT_CHECK_MIN_SECONDS, 3600)
        ? { ...a, restraint: { ...a.restraint, checkIntervalSeconds: Math.min(every, change.to) } }
        : a;
    }
    case 'hold-to-continue':
      // Adding a way to stop narrows; one already agreed is kept as it is.
      return a.signals.holdToContinue === null &&
        Number.isInteger(change.graceMs) &&
        usable(change.graceMs, 200, 10_000)
        ? {
            ...a,
            signals: { ...a.signals, holdToContinue: { graceMs: change.graceMs, action: 'red' } },
          }
        : a;
  }
}

/**
 * The agreement with the suggestions applied, in order. A change that would not fit the
 * agreement (a value out of range, an interval the answer time no longer fits in) is skipped,
 * so any suggestions applied to a valid agreement give a valid one, never wider.
 */
export function applySuggestions(
  agreement: Agreement,
  suggestions: readonly Pick<Suggestion, 'change'>[],
): Agreement {
  return suggestions.reduce((a, s) => applyOne(a, s.change), agreement);
}

/** The suggestions that would still change this agreement (those already in it are left out). */
export function pendingSuggestions<S extends Pick<Suggestion, 'change'>>(
  agreement: Agreement,
  suggestions: readonly S[],
): S[] {
  return suggestions.filter(
    (s) => JSON.stringify(applyOne(agreement, s.change)) !== JSON.stringify(agreement),
  );
}
