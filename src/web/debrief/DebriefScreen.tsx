import { useEffect, useState } from 'react';
import type { DebriefField } from '../../core/aftercare/debrief';
import type { DebriefView } from '../../protocol/debrief';
import type { ApiResult } from '../net/api';
import { loadCredentials } from '../net/credentials';
import { ReflectiveQuestions } from '../talk/ReflectiveQuestions';
import { asSentence } from '../words/format';
import { readDebrief, saveDebrief, shareDebrief } from './debrief-api';
import { answersFromForm, formFromAnswers, type DebriefForm as Form } from './debrief-form';
import { DebriefForm } from './DebriefForm';
import { PartnerSection, ShareSection, SuggestionsSection } from './DebriefShared';
import { isFirstDebrief, markDebriefed } from './first-debrief';
import './debrief.css';

type State =
  | { status: 'no-secret' }
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; view: DebriefView };

/**
 * One participant's debrief of a scene: private answers first, then what to share, then what the
 * partner shared and the suggestions it leads to (DESIGN.md step 8, P3).
 */
export function DebriefScreen({ sceneId }: { sceneId: string }) {
  const [credentials] = useState(() => loadCredentials(sceneId));
  const [state, setState] = useState<State>(
    credentials === null ? { status: 'no-secret' } : { status: 'loading' },
  );
  const [first] = useState(() => isFirstDebrief(sceneId));
  useEffect(() => {
    if (credentials === null) return;
    let live = true;
    void readDebrief(sceneId, credentials.secret).then((result) => {
      if (!live) return;
      setState(
        result.ok
          ? { status: 'ready', view: result.value }
          : { status: 'failed', message: result.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [sceneId, credentials]);

  return (
    <main className="page stack debrief">
      <p>
        <a className="back-link" href="#/">
          ← Home
        </a>
      </p>
      <h1>Debrief</h1>
      <p className="debrief-lede">
        When you feel settled, look back on the scene: how you feel, what worked, what you would
        change. Be honest and kind, with yourself too.
      </p>
      {state.status === 'no-secret' && (
        <p className="notice notice-warning" role="alert">
          This browser does not hold your key for this scene. Open the debrief on the device you
          took part from.
        </p>
      )}
      {state.status === 'loading' && <p className="muted">Loading your debrief…</p>}
      {state.status === 'failed' && (
        <p className="notice notice-danger" role="alert">
          {asSentence(state.message)}
        </p>
      )}
      {state.status === 'ready' && credentials !== null && (
        <>
          {first && <ReflectiveQuestions negotiationId={`debrief-${sceneId}`} open={false} />}
          <Loaded
            sceneId={sceneId}
            secret={credentials.secret}
            view={state.view}
            onView={(view) => {
              setState({ status: 'ready', view });
            }}
          />
        </>
      )}
    </main>
  );
}

function Loaded({
  sceneId,
  secret,
  view,
  onView,
}: {
  sceneId: string;
  secret: string;
  view: DebriefView;
  onView: (view: DebriefView) => void;
}) {
  const [form, setForm] = useState<Form>(() => formFromAnswers(view.you.answers));
  const [busy, setBusy] = useState<'saving' | 'sharing' | null>(null);
  const [status, setStatus] = useState<{ of: 'save' | 'share'; text: string } | null>(null);

  const after = (of: 'save' | 'share', result: ApiResult<DebriefView>, done: string): boolean => {
    setBusy(null);
    if (!result.ok) {
      setStatus({ of, text: asSentence(result.error.message) });
      return false;
    }
    markDebriefed(sceneId);
    onView(result.value);
    setStatus({ of, text: done });
    return true;
  };
  const save = async () => {
    setBusy('saving');
    after(
      'save',
      await saveDebrief(sceneId, secret, answersFromForm(form)),
      'Saved. Only you see these answers.',
    );
  };
  // Sharing picks from the saved answers, so what is on screen is saved first.
  const share = async (fields: DebriefField[]) => {
    setBusy('sharing');
    const saved = await saveDebrief(sceneId, secret, answersFromForm(form));
    if (!after('share', saved, 'Saved.')) return;
    setBusy('sharing');
    after(
      'share',
      await shareDebrief(sceneId, secret, fields),
      fields.length === 0 ? 'Saved. Nothing is shared.' : 'Saved and shared.',
    );
  };

  return (
    <>
      <DebriefForm
        form={form}
        onChange={setForm}
        onSave={() => void save()}
        saving={busy === 'saving'}
        status={status?.of === 'save' ? status.text : null}
      />
      {view.mode === 'pair' && (
        <ShareSection
          key={view.you.sharedAt ?? 'none'}
          view={view}
          saved={view.you.answers}
          sharing={busy !== null}
          onShare={(fields) => void share(fields)}
          status={status?.of === 'share' ? status.text : null}
        />
      )}
      <PartnerSection view={view} />
      <SuggestionsSection view={view} />
      <p className="muted">
        Feeling low or tired in the days after a scene is common.{' '}
        <a href="#/guide/aftercare">What helps, in the guide</a>.
      </p>
    </>
  );
}
