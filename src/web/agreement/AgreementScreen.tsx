import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import {
  applySuggestions,
  pendingSuggestions,
  type Suggestion,
} from '../../core/aftercare/suggestions';
import type { Agreement, OutputKind } from '../../core/agreement/agreement';
import { draftFromOverlap } from '../../core/negotiation/draft';
import type { DraftView, ParticipantView } from '../../protocol/negotiation';
import { routeHash } from '../app/route';
import { useSetupInfo, type SetupState } from '../new-scene/use-setup-info';
import { asSentence } from '../words/format';
import { AgreementEditor, type Option } from './AgreementEditor';
import { isRehearsedDraft, loadSeenDraft, saveSeenDraft } from './agreement-store';
import { formatWhen, hashForRoute, shortHash, type Labels } from './agreement-words';
import { AgreementsList, Withdraw } from './Consent';
import { partnerChangeNote } from './draft-changes';
import { Signatures, SignSection } from './SignSection';
import { StartScene } from './StartScene';
import { useNegotiation } from './use-negotiation';
import './agreement.css';

const Rehearsal = lazy(() => import('./Rehearsal').then((m) => ({ default: m.Rehearsal })));

/** The agreement both partners write: the draft, the rehearsal, signing, starting a scene. */
export function AgreementScreen({ negotiationId }: { negotiationId: string }) {
  const { credentials, state, reload, replace } = useNegotiation(negotiationId);
  const setup = useSetupInfo();
  const talk = routeHash({ name: 'talk', negotiationId });
  return (
    <main className="page stack agreement-page">
      <p className="no-print">
        <a className="back-link" href={talk}>
          ← Back to talking it through
        </a>
      </p>
      <h1>Your agreement</h1>
      {state.status === 'no-secret' && (
        <div className="notice notice-warning stack" role="alert">
          <p>
            This browser does not hold your key for this conversation, so it cannot show the
            agreement. Open it on the device where you sent or accepted the invitation.
          </p>
          <a className="btn" href="#/">
            Go to the start page
          </a>
        </div>
      )}
      {state.status === 'loading' && <p className="muted">Loading your agreement…</p>}
      {state.status === 'failed' && (
        <div className="notice notice-danger stack" role="alert">
          <p>{asSentence(state.error.message)}</p>
          <button type="button" className="btn" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'ready' && credentials !== null && (
        <Loaded
          view={state.view}
          secret={credentials.secret}
          setup={setup.state}
          reloadSetup={setup.reload}
          reload={reload}
          replace={replace}
        />
      )}
    </main>
  );
}

function labelsOf(view: ParticipantView): Labels {
  return Object.fromEntries(view.catalogue.items.map((i) => [i.id, i.label]));
}

function Loaded({
  view,
  secret,
  setup,
  reloadSetup,
  reload,
  replace,
}: {
  view: ParticipantView;
  secret: string;
  setup: SetupState;
  reloadSetup: () => void;
  reload: () => void;
  replace: (view: ParticipantView) => void;
}) {
  const labels = useMemo(() => labelsOf(view), [view]);
  const partnerName = view.partner.name ?? 'Your partner';
  const draft = view.draft;
  const note = useDraftNote(view, partnerName);
  const [rehearsed, setRehearsed] = useState(
    () => draft !== null && isRehearsedDraft(draft.agreementHash),
  );
  useEffect(() => {
    setRehearsed(draft !== null && isRehearsedDraft(draft.agreementHash));
  }, [draft]);
  const onRehearsed = useCallback(() => {
    setRehearsed(true);
  }, []);
  const inForce = view.agreements.find((a) => a.state === 'in-force');
  const start = useMemo(
    () => (setup.status === 'loading' ? null : startingPoint(view, setup)),
    [view, setup],
  );

  if (view.status === 'declined')
    return (
      <p className="notice notice-warning" role="status">
        The invitation was declined, so this conversation is closed. Nothing more can be signed
        here.
      </p>
    );
  if (!view.partner.joined || view.partner.name === null)
    return (
      <p className="notice notice-warning" role="status">
        Your partner has not joined yet. Once they accept the invitation, you can write the
        agreement together here.
      </p>
    );

  return (
    <>
      {note !== null && (
        <p className="notice notice-warning" role="status" data-testid="agreement-changed">
          {note}
        </p>
      )}
      <DraftStatus view={view} draft={draft} reload={reload} />
      {inForce === undefined && (
        <p className="notice" role="status" data-testid="start-needs-signatures">
          No agreement is in force yet, so no scene can start: a scene for two runs only under an
          agreement you have both signed.
        </p>
      )}
      {inForce !== undefined && (
        <StartScene
          view={view}
          secret={secret}
          agreementHash={inForce.agreementHash}
          setup={setup}
          reloadSetup={reloadSetup}
        />
      )}
      {draft !== null && draft.sealed === null && (
        <>
          <section className="card stack" aria-labelledby="rehearsal-title">
            <h2 id="rehearsal-title">Rehearse the signals</h2>
            <p>
              {view.you.role === 'submissive'
                ? 'Before you sign, try each signal of this draft once: red, yellow and the panel signals you agreed. Your Sign button waits for it.'
                : `${partnerName} rehearses the signals before signing. You may try them too.`}
            </p>
            <Suspense fallback={<p className="muted">Loading the practice toy…</p>}>
              <Rehearsal
                key={draft.agreementHash}
                agreement={draft.agreement}
                agreementHash={draft.agreementHash}
                alreadyRehearsed={rehearsed}
                onDone={onRehearsed}
              />
            </Suspense>
          </section>
          <SignSection
            view={view}
            draft={draft}
            secret={secret}
            labels={labels}
            rehearsed={rehearsed}
            onSigned={replace}
          />
        </>
      )}
      {start !== null && start.suggestions.length > 0 && (
        <FromDebrief suggestions={start.suggestions} applied={start.applied} />
      )}
      {start === null ? (
        <p className="muted">Asking the Redline server which toys are connected…</p>
      ) : (
        <AgreementEditor
          key={draft?.agreementHash ?? 'first'}
          negotiationId={view.negotiationId}
          secret={secret}
          base={start.base}
          activities={activityOptions(view, draft?.agreement, labels)}
          toys={toyOptions(setup, draft?.agreement)}
          kinds={setupKinds(setup)}
          hasDraft={draft !== null}
          onSaved={replace}
        />
      )}
      <AgreementsList view={view} />
      <Withdraw view={view} secret={secret} onWithdrawn={replace} />
    </>
  );
}

/** The partner's changes since this browser last showed the draft; remembers this one. */
function useDraftNote(view: ParticipantView, partnerName: string): string | null {
  const [note, setNote] = useState<string | null>(null);
  const draft = view.draft;
  const version = draft?.version ?? null;
  useEffect(() => {
    if (draft === null) return;
    setNote(
      partnerChangeNote(draft, view.you.role, partnerName, loadSeenDraft(view.negotiationId)),
    );
    saveSeenDraft(view.negotiationId, { version: draft.version, agreement: draft.agreement });
    // Only a new version is news: the view's other changes (signatures) are not.
  }, [version]);
  return note;
}

function DraftStatus({
  view,
  draft,
  reload,
}: {
  view: ParticipantView;
  draft: DraftView | null;
  reload: () => void;
}) {
  const nameOf = (role: string) =>
    role === view.you.role ? `${view.you.name} (you)` : (view.partner.name ?? role);
  return (
    <section className="card stack" aria-labelledby="draft-title">
      <h2 id="draft-title">The draft</h2>
      {draft === null ? (
        <p className="muted">
          No draft yet. The form below starts from cautious limits and what you both welcomed;
          either of you can save it as the first draft.
        </p>
      ) : (
        <>
          <p>
            Version {draft.version}, written by {nameOf(draft.by)} on {formatWhen(draft.at)}.
            Fingerprint <code>{shortHash(draft.agreementHash)}</code>.
          </p>
          <Signatures draft={draft} main />
          {draft.sealed !== null && (
            <div className="notice notice-ok stack" data-testid="agreement-sealed">
              <p>
                <strong>Signed by both.</strong>{' '}
                {draft.sealed === 'in-force'
                  ? 'This agreement is in force.'
                  : draft.sealed === 'withdrawn'
                    ? 'It has since been withdrawn.'
                    : 'It has since been replaced by a newer one.'}
              </p>
              <a
                className="btn"
                href={routeHash({
                  name: 'sealed',
                  negotiationId: view.negotiationId,
                  agreementHash: hashForRoute(draft.agreementHash),
                })}
              >
                Open the printable agreement
              </a>
            </div>
          )}
        </>
      )}
      {view.overlap === null && (
        <p className="muted">
          What you both welcome is not revealed yet: both of you submit your answers on the talk
          page first. You can still write limits now.
        </p>
      )}
      <button type="button" className="btn btn-quiet" onClick={reload}>
        Check for changes
      </button>
    </section>
  );
}

/**
 * Where the editor starts, and the last debrief's suggestions still to take up. A first draft and
 * the next agreement after a sealed one start with them applied (they only narrow); a draft being
 * written is the couple's own and is only shown them.
 */
function startingPoint(
  view: ParticipantView,
  setup: SetupState,
): { base: Agreement; suggestions: Suggestion[]; applied: boolean } {
  const draft = view.draft;
  if (draft === null) {
    const suggestions = pendingSuggestions(firstDraft(view, setup), view.suggestions);
    return { base: firstDraft(view, setup, suggestions), suggestions, applied: true };
  }
  const suggestions = pendingSuggestions(draft.agreement, view.suggestions);
  if (draft.sealed === null) return { base: draft.agreement, suggestions, applied: false };
  return { base: applySuggestions(draft.agreement, suggestions), suggestions, applied: true };
}

function FromDebrief({ suggestions, applied }: { suggestions: Suggestion[]; applied: boolean }) {
  return (
    <section
      className="card stack"
      aria-labelledby="agreement-suggestions-title"
      data-testid="agreement-suggestions"
    >
      <h2 id="agreement-suggestions-title">From your last debrief</h2>
      <ul>
        {suggestions.map((s) => (
          <li key={s.change.kind}>{s.reason}</li>
        ))}
      </ul>
      <p className="muted">
        {applied
          ? 'The form below starts with these changes. Talk them over; you can change them back, and nothing applies until you both sign.'
          : 'Your draft does not have these yet. Talk them over, and change the draft below if you both agree.'}
      </p>
    </section>
  );
}

function firstDraft(
  view: ParticipantView,
  setup: SetupState,
  suggestions: readonly Suggestion[] = [],
): Agreement {
  const partner = view.partner.name ?? 'Partner';
  const names =
    view.you.role === 'dominant'
      ? { dominant: view.you.name, submissive: partner }
      : { dominant: partner, submissive: view.you.name };
  return draftFromOverlap({
    overlap: view.overlap ?? { items: [] },
    catalogue: view.catalogue,
    names,
    devices: setup.status === 'ready' ? setup.setup.devices : [],
    suggestions,
  });
}

/** The overlap's items, and any the draft lists that the overlap no longer has. */
function activityOptions(
  view: ParticipantView,
  agreement: Agreement | undefined,
  labels: Labels,
): Option[] {
  const options: Option[] = (view.overlap?.items ?? []).map((i) => ({
    id: i.id,
    label: i.label,
    hint: i.explanation,
  }));
  for (const id of agreement?.activities ?? [])
    if (!options.some((o) => o.id === id)) options.push({ id, label: labels[id] ?? id });
  return options;
}

function toyOptions(setup: SetupState, agreement: Agreement | undefined): string[] {
  const names = setup.status === 'ready' ? setup.setup.devices.map((d) => d.name) : [];
  // The agreement's own spelling first: names compare without case, and it is what is ticked.
  const all = [...(agreement?.toys ?? []), ...names];
  return all.filter((n, i) => all.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i);
}

function setupKinds(setup: SetupState): OutputKind[] {
  if (setup.status !== 'ready') return [];
  return [...new Set(setup.setup.devices.flatMap((d) => d.features.map((f) => f.kind)))];
}
