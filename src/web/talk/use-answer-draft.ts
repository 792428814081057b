import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParticipantView } from '../../protocol/negotiation';
import type { ApiResult } from '../net/api';
import { answersKey, cleanAnswers, type AnswerMap } from './answer-map';
import { putAnswers, submitAnswers } from './negotiation-api';

export const AUTOSAVE_MS = 1500;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

type Run = (call: () => Promise<ApiResult<ParticipantView>>) => Promise<ApiResult<ParticipantView>>;

/**
 * This round's answers as being edited here. Saved by itself a moment after each change (the
 * whole map, as the server replaces it), or at once with Save; a failed save is not retried
 * until something changes, so a refusal is not sent again and again.
 */
export function useAnswerDraft(
  negotiationId: string,
  secret: string,
  initial: AnswerMap,
  run: Run,
  editable: boolean,
) {
  const [answers, setAnswers] = useState<AnswerMap>(initial);
  const [savedKey, setSavedKey] = useState(() => answersKey(initial));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const latest = useRef(answers);
  latest.current = answers;

  const key = answersKey(answers);
  const dirty = key !== savedKey;

  const save = useCallback(async (): Promise<boolean> => {
    const items = cleanAnswers(latest.current);
    const sentKey = answersKey(items);
    setSaving(true);
    const result = await run(() => putAnswers(negotiationId, secret, items));
    setSaving(false);
    if (result.ok) {
      setSavedKey(sentKey);
      setError(null);
    } else setError({ key: sentKey, message: result.error.message });
    return result.ok;
  }, [run, negotiationId, secret]);

  useEffect(() => {
    if (!editable || !dirty || saving || error?.key === key) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [editable, dirty, saving, error, key, save]);

  const submit = useCallback(async (): Promise<ApiResult<ParticipantView> | null> => {
    if (answersKey(latest.current) !== savedKey && !(await save())) return null;
    return run(() => submitAnswers(negotiationId, secret));
  }, [save, savedKey, run, negotiationId, secret]);

  const state: SaveState = saving
    ? 'saving'
    : error?.key === key
      ? 'failed'
      : dirty
        ? 'unsaved'
        : 'saved';

  return {
    answers,
    setAnswers,
    state,
    error: error?.key === key ? error.message : null,
    save,
    submit,
  };
}
