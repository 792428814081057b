import type {
  DebriefAnswers,
  DebriefField,
  FollowUpFeeling,
  IntensityAnswer,
  LimitAnswer,
  LimitKind,
  SignalAnswer,
} from '../../core';

/** The debrief's questions and answers in plain words, for the form and for what was shared. */

export const QUESTIONS: Readonly<Record<DebriefField, string>> = {
  feeling: 'How do you feel now?',
  intensity: 'Was the intensity right?',
  limit: 'Was any limit approached or crossed?',
  signal: 'Did you want to use a signal, and could you?',
  keep: 'What would you keep?',
  change: 'What would you change?',
};

export const FEELING_WORDS: Readonly<Record<number, string>> = {
  1: 'Very low',
  2: 'Low',
  3: 'Okay',
  4: 'Good',
  5: 'Very good',
};

export const INTENSITY_WORDS: Readonly<Record<IntensityAnswer, string>> = {
  'too-low': 'Too low',
  right: 'About right',
  'too-high': 'Too high',
};

export const LIMIT_WORDS: Readonly<Record<LimitAnswer, string>> = {
  none: 'No',
  approached: 'One came close',
  crossed: 'One was crossed',
};

export const LIMIT_KIND_WORDS: Readonly<Record<LimitKind, string>> = {
  intensity: 'Intensity',
  'post-orgasm-time': 'Time after orgasm',
  restraint: 'Restraint',
  words: 'Words or talk',
  other: 'Something else',
};

export const SIGNAL_WORDS: Readonly<Record<SignalAnswer, string>> = {
  no: 'No, I did not need to',
  'wanted-and-did': 'I wanted to, and I could',
  'wanted-could-not': 'I wanted to, but I could not',
};

export const FOLLOW_UP_WORDS: Readonly<Record<FollowUpFeeling, string>> = {
  good: 'Good',
  okay: 'Okay',
  tired: 'Tired',
  low: 'Low',
};

const joined = (parts: readonly string[]) => parts.filter((p) => p !== '').join(' · ');

/** One answer as a short line; empty when there is none. */
export function answerWords(field: DebriefField, a: DebriefAnswers): string {
  switch (field) {
    case 'feeling':
      return a.feeling === undefined
        ? ''
        : joined([
            a.feeling.scale === undefined ? '' : (FEELING_WORDS[a.feeling.scale] ?? ''),
            a.feeling.words ?? '',
          ]);
    case 'intensity':
      return a.intensity === undefined ? '' : INTENSITY_WORDS[a.intensity];
    case 'limit':
      return a.limit === undefined
        ? ''
        : joined([
            LIMIT_WORDS[a.limit.answer],
            (a.limit.which ?? []).map((w) => LIMIT_KIND_WORDS[w].toLowerCase()).join(', '),
            a.limit.note ?? '',
          ]);
    case 'signal':
      return a.signal === undefined
        ? ''
        : joined([SIGNAL_WORDS[a.signal.answer], a.signal.why ?? '']);
    case 'keep':
      return a.keep ?? '';
    case 'change':
      return a.change ?? '';
  }
}
