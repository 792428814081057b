import type {
  DebriefAnswers,
  IntensityAnswer,
  LimitAnswer,
  LimitKind,
  SignalAnswer,
} from '../../core';

/**
 * The debrief form as typed, and the answers it stands for. An empty choice or blank words are
 * no answer at all (every answer is optional); words are kept as written otherwise.
 */
export type DebriefForm = {
  scale: string;
  words: string;
  intensity: IntensityAnswer | '';
  limit: LimitAnswer | '';
  which: LimitKind[];
  limitNote: string;
  signal: SignalAnswer | '';
  why: string;
  keep: string;
  change: string;
};

export const EMPTY_FORM: DebriefForm = {
  scale: '',
  words: '',
  intensity: '',
  limit: '',
  which: [],
  limitNote: '',
  signal: '',
  why: '',
  keep: '',
  change: '',
};

export function formFromAnswers(a: DebriefAnswers | null): DebriefForm {
  if (a === null) return EMPTY_FORM;
  return {
    scale: a.feeling?.scale === undefined ? '' : String(a.feeling.scale),
    words: a.feeling?.words ?? '',
    intensity: a.intensity ?? '',
    limit: a.limit?.answer ?? '',
    which: a.limit?.which ?? [],
    limitNote: a.limit?.note ?? '',
    signal: a.signal?.answer ?? '',
    why: a.signal?.why ?? '',
    keep: a.keep ?? '',
    change: a.change ?? '',
  };
}

const given = (text: string) => text.trim() !== '';

export function answersFromForm(form: DebriefForm): DebriefAnswers {
  const answers: DebriefAnswers = {};
  const scale = Number(form.scale);
  const hasScale = form.scale !== '' && Number.isInteger(scale) && scale >= 1 && scale <= 5;
  if (hasScale || given(form.words))
    answers.feeling = {
      ...(hasScale ? { scale } : {}),
      ...(given(form.words) ? { words: form.words } : {}),
    };
  if (form.intensity !== '') answers.intensity = form.intensity;
  if (form.limit !== '') {
    const which = form.limit === 'none' ? [] : form.which;
    answers.limit = {
      answer: form.limit,
      ...(which.length > 0 ? { which } : {}),
      ...(form.limit !== 'none' && given(form.limitNote) ? { note: form.limitNote } : {}),
    };
  }
  if (form.signal !== '')
    answers.signal = {
      answer: form.signal,
      ...(form.signal === 'wanted-could-not' && given(form.why) ? { why: form.why } : {}),
    };
  if (given(form.keep)) answers.keep = form.keep;
  if (given(form.change)) answers.change = form.change;
  return answers;
}
