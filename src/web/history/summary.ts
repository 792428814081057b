import { stopWords } from '../aftercare/stop-words';
import { formatDuration } from '../words/format';
import { nameOf } from '../words/names';
import type { FoldedStep } from './fold';
import type { SceneHistory } from './history-api';

/** One line of the history list, in plain words. */
export type SceneSummary = Readonly<{
  sceneId: string;
  createdWallMs: number;
  date: string;
  mode: 'pair' | 'solo';
  names: string;
  /** From the start to the stop ("0:00" for a scene that never started). */
  duration: string;
  orgasms: number;
  stop: string;
}>;

/** The date and time a scene was created, in the reader's own locale and time zone. */
export function formatDate(wallMs: number, locale?: string): string {
  return new Date(wallMs).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export function summarize(
  history: SceneHistory,
  steps: readonly FoldedStep[],
  locale?: string,
): SceneSummary {
  const state = steps.at(-1)?.state;
  if (state === undefined) throw new Error('a folded log has its creation');
  const { agreement } = history;
  const started = state.startedAt;
  const ended = state.stop?.at ?? state.now;
  return {
    sceneId: history.sceneId,
    createdWallMs: history.createdWallMs,
    date: formatDate(history.createdWallMs, locale),
    mode: history.mode,
    names:
      history.mode === 'solo'
        ? nameOf(agreement, 'submissive')
        : `${nameOf(agreement, 'dominant')} and ${nameOf(agreement, 'submissive')}`,
    duration: formatDuration(started === null ? 0 : ended - started),
    orgasms: state.orgasms,
    stop:
      state.stop === null && state.phase !== 'setup'
        ? 'Not stopped yet.'
        : stopWords(state.stop, agreement),
  };
}
