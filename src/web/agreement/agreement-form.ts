import { OUTPUT_KINDS, type Agreement, type OutputKind } from '../../core/agreement/agreement';
import { minutesText, readMinutes, readNumber, readShifted, shiftDecimal } from './decimal';

/**
 * The agreement editor's values and their exact conversion to and from an agreement (issue 5).
 * People see percentages, seconds and minutes; the agreement keeps levels 0–1, seconds and
 * milliseconds. Numbers stay text while typed. Anything the form does not show (the version,
 * the participants, the early-orgasm rule, the plan) comes from the base agreement unchanged.
 */
export type Action = 'yellow' | 'red';
export type OutputRow = Readonly<{ kind: OutputKind; allowed: boolean; percent: string }>;

export type AgreementForm = Readonly<{
  activities: readonly string[];
  /** Toy names; none ticked leaves the field out (any toy of the allowed kinds). */
  toys: readonly string[];
  outputs: readonly OutputRow[];
  rampSeconds: string;
  warmUpSeconds: string;
  warmUpPercent: string;
  /** Blank: no time limit. */
  playMinutes: string;
  playPercent: string;
  postOrgasmSeconds: string;
  postOrgasmPercent: string;
  orgasmMax: string;
  checkInSeconds: string;
  answerSeconds: string;
  onMissed: 'pause' | 'stop';
  yellowPercent: string;
  red: string;
  yellow: string;
  /** Blank: none agreed. */
  nonVerbal: string;
  holdOn: boolean;
  holdGraceSeconds: string;
  holdAction: Action;
  tapsOn: boolean;
  taps: string;
  tapsWithinSeconds: string;
  tapsAction: Action;
  heartbeatSeconds: string;
  restraintUsed: boolean;
  restraintCheckMinutes: string;
  lubricantOn: boolean;
  lubricantMinutes: string;
  detectionOn: boolean;
  sensorOrgasm: 'start-post-orgasm' | 'ask-dominant';
  distressOn: boolean;
  hrCeilingBpm: string;
  sustainSeconds: string;
  distressAction: Action;
  aftercareMinutes: string;
  /** One wish a line. */
  aftercareItems: string;
  notes: string;
}>;

/** Field problems by the agreement's own path (`checkIn.answerTimeoutSeconds`). */
export type FieldErrors = Readonly<Record<string, string>>;
export type FormResult = { ok: true; value: Agreement } | { ok: false; errors: FieldErrors };

const pct = (level: number) => shiftDecimal(level, 2);
const secs = (ms: number) => shiftDecimal(ms, -3);
const text = (n: number) => String(n);

/** Defaults shown for parts the agreement leaves out, used only if switched on. */
const DEFAULTS = {
  holdGraceSeconds: '2',
  taps: '3',
  tapsWithinSeconds: '2',
  restraintCheckMinutes: '5',
  lubricantMinutes: '10',
  hrCeilingBpm: '150',
  sustainSeconds: '20',
};

/** The form for an agreement; `kinds` adds rows for output kinds the toys have. */
export function agreementToForm(a: Agreement, kinds: readonly OutputKind[] = []): AgreementForm {
  const shown = OUTPUT_KINDS.filter((k) => a.outputs[k] !== undefined || kinds.includes(k));
  const { holdToContinue: hold, tapPattern: tap } = a.signals;
  const lube = a.lubricant?.reminderIntervalSeconds ?? null;
  const distress = a.detection?.distress ?? null;
  return {
    activities: a.activities ?? [],
    toys: a.toys ?? [],
    outputs: shown.map((kind) => {
      const ceiling = a.outputs[kind]?.ceiling;
      return ceiling === undefined
        ? { kind, allowed: false, percent: '0' }
        : { kind, allowed: true, percent: pct(ceiling) };
    }),
    rampSeconds: text(a.rampFullScaleSeconds),
    warmUpSeconds: text(a.warmUp.seconds),
    warmUpPercent: pct(a.warmUp.ceiling),
    playMinutes: a.play.maxSeconds === null ? '' : minutesText(a.play.maxSeconds),
    playPercent: pct(a.play.ceiling),
    postOrgasmSeconds: text(a.postOrgasm.maxSeconds),
    postOrgasmPercent: pct(a.postOrgasm.ceiling),
    orgasmMax: text(a.orgasm.max),
    checkInSeconds: text(a.checkIn.intervalSeconds),
    answerSeconds: text(a.checkIn.answerTimeoutSeconds),
    onMissed: a.checkIn.onMissed,
    yellowPercent: pct(a.yellow.factor),
    red: a.safewords?.red ?? '',
    yellow: a.safewords?.yellow ?? '',
    nonVerbal: a.safewords?.nonVerbal ?? '',
    holdOn: hold !== null,
    holdGraceSeconds: hold === null ? DEFAULTS.holdGraceSeconds : secs(hold.graceMs),
    holdAction: hold?.action ?? 'red',
    tapsOn: tap !== null,
    taps: tap === null ? DEFAULTS.taps : text(tap.taps),
    tapsWithinSeconds: tap === null ? DEFAULTS.tapsWithinSeconds : secs(tap.withinMs),
    tapsAction: tap?.action ?? 'red',
    heartbeatSeconds: text(a.panel.heartbeatTimeoutSeconds),
    restraintUsed: a.restraint.used,
    restraintCheckMinutes:
      a.restraint.checkIntervalSeconds === null
        ? a.restraint.used
          ? ''
          : DEFAULTS.restraintCheckMinutes
        : minutesText(a.restraint.checkIntervalSeconds),
    lubricantOn: lube !== null,
    lubricantMinutes: lube === null ? DEFAULTS.lubricantMinutes : minutesText(lube),
    detectionOn: a.detection !== undefined,
    sensorOrgasm: a.detection?.sensorOrgasm ?? 'ask-dominant',
    distressOn: distress !== null,
    hrCeilingBpm: distress === null ? DEFAULTS.hrCeilingBpm : text(distress.hrCeilingBpm),
    sustainSeconds: distress === null ? DEFAULTS.sustainSeconds : text(distress.sustainSeconds),
    distressAction: distress?.action ?? 'yellow',
    aftercareMinutes: text(a.aftercare.minutes),
    aftercareItems: a.aftercare.items.join('\n'),
    notes: a.notes ?? '',
  };
}

/** Reads typed numbers, collecting a message per field that is not one. */
class Reader {
  readonly errors: Record<string, string> = {};
  private read(path: string, value: number | null, blank: string): number {
    if (value === null) {
      this.errors[path] = blank.trim() === '' ? 'Please fill this in.' : 'Please enter a number.';
      return 0;
    }
    return value;
  }
  number(path: string, t: string): number {
    return this.read(path, readNumber(t), t);
  }
  percent(path: string, t: string): number {
    return this.read(path, readShifted(t, -2), t);
  }
  secondsToMs(path: string, t: string): number {
    return this.read(path, readShifted(t, 3), t);
  }
  minutes(path: string, t: string): number {
    return this.read(path, readMinutes(t), t);
  }
}

const lines = (t: string) =>
  t
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/**
 * The agreement the form describes, on top of `base`. Only typing problems are found here;
 * `checkForm` adds every rule of the agreement itself.
 */
export function formToAgreement(form: AgreementForm, base: Agreement): FormResult {
  const r = new Reader();
  const outputs: Agreement['outputs'] = {};
  for (const row of form.outputs)
    if (row.allowed)
      outputs[row.kind] = { ceiling: r.percent(`outputs.${row.kind}.ceiling`, row.percent) };
  const safewordsBlank =
    form.red.trim() === '' && form.yellow.trim() === '' && form.nonVerbal.trim() === '';
  const value: Agreement = {
    ...withoutOptional(base),
    outputs,
    rampFullScaleSeconds: r.number('rampFullScaleSeconds', form.rampSeconds),
    warmUp: {
      seconds: r.number('warmUp.seconds', form.warmUpSeconds),
      ceiling: r.percent('warmUp.ceiling', form.warmUpPercent),
    },
    play: {
      ceiling: r.percent('play.ceiling', form.playPercent),
      maxSeconds:
        form.playMinutes.trim() === '' ? null : r.minutes('play.maxSeconds', form.playMinutes),
    },
    orgasm: { ...base.orgasm, max: r.number('orgasm.max', form.orgasmMax) },
    postOrgasm: {
      maxSeconds: r.number('postOrgasm.maxSeconds', form.postOrgasmSeconds),
      ceiling: r.percent('postOrgasm.ceiling', form.postOrgasmPercent),
    },
    checkIn: {
      intervalSeconds: r.number('checkIn.intervalSeconds', form.checkInSeconds),
      answerTimeoutSeconds: r.number('checkIn.answerTimeoutSeconds', form.answerSeconds),
      onMissed: form.onMissed,
    },
    yellow: { factor: r.percent('yellow.factor', form.yellowPercent) },
    signals: {
      holdToContinue: form.holdOn
        ? {
            graceMs: r.secondsToMs('signals.holdToContinue.graceMs', form.holdGraceSeconds),
            action: form.holdAction,
          }
        : null,
      tapPattern: form.tapsOn
        ? {
            taps: r.number('signals.tapPattern.taps', form.taps),
            withinMs: r.secondsToMs('signals.tapPattern.withinMs', form.tapsWithinSeconds),
            action: form.tapsAction,
          }
        : null,
    },
    panel: {
      heartbeatTimeoutSeconds: r.number('panel.heartbeatTimeoutSeconds', form.heartbeatSeconds),
    },
    restraint: {
      used: form.restraintUsed,
      // Used and blank: null, which the agreement's own rule names ("is required when …").
      checkIntervalSeconds: form.restraintUsed
        ? form.restraintCheckMinutes.trim() === ''
          ? null
          : r.minutes('restraint.checkIntervalSeconds', form.restraintCheckMinutes)
        : base.restraint.used
          ? null
          : base.restraint.checkIntervalSeconds,
    },
    aftercare: {
      minutes: r.number('aftercare.minutes', form.aftercareMinutes),
      items: lines(form.aftercareItems),
    },
  };
  const optional: Partial<Agreement> = {};
  if (form.lubricantOn)
    optional.lubricant = {
      reminderIntervalSeconds: r.minutes(
        'lubricant.reminderIntervalSeconds',
        form.lubricantMinutes,
      ),
    };
  else if (base.lubricant !== undefined) optional.lubricant = { reminderIntervalSeconds: null };
  if (form.detectionOn)
    optional.detection = {
      sensorOrgasm: form.sensorOrgasm,
      distress: form.distressOn
        ? {
            hrCeilingBpm: r.number('detection.distress.hrCeilingBpm', form.hrCeilingBpm),
            sustainSeconds: r.number('detection.distress.sustainSeconds', form.sustainSeconds),
            action: form.distressAction,
          }
        : null,
    };
  if (form.activities.length > 0 || base.activities !== undefined)
    optional.activities = [...form.activities];
  if (form.toys.length > 0) optional.toys = [...form.toys];
  if (!safewordsBlank || base.safewords !== undefined)
    optional.safewords = {
      red: form.red.trim(),
      yellow: form.yellow.trim(),
      nonVerbal: form.nonVerbal.trim() === '' ? null : form.nonVerbal.trim(),
    };
  if (form.notes !== '' || base.notes !== undefined) optional.notes = form.notes;
  if (Object.keys(r.errors).length > 0) return { ok: false, errors: r.errors };
  return { ok: true, value: { ...value, ...optional } };
}

/** The base agreement without the parts the form decides whether to include. */
function withoutOptional(a: Agreement): Agreement {
  const copy: Partial<Agreement> = { ...a };
  delete copy.lubricant;
  delete copy.detection;
  delete copy.activities;
  delete copy.toys;
  delete copy.safewords;
  delete copy.notes;
  return copy as Agreement;
}
