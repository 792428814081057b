import type { ParticipantView } from '../../protocol/negotiation';
import { AnswersSection } from './AnswersSection';
import { InvitationStatus } from './InvitationStatus';
import { OverlapSection } from './OverlapSection';
import {
  partnerName,
  partnerProgress,
  roundNote,
  statusWords,
  yourProgress,
} from './progress-words';
import { ReflectiveQuestions } from './ReflectiveQuestions';
import { roleTitle } from './role-words';
import { countAnswered } from './answer-map';
import { loadTalk } from './talk-credentials';
import { useNegotiationView } from './use-negotiation-view';
import { asSentence } from './invitation-words';
import './talk.css';

/** Route #/talk/ID: one negotiation as this partner sees it. */
export function TalkPage({ negotiationId }: { negotiationId: string }) {
  const credentials = loadTalk(negotiationId);
  if (credentials === null) return <MissingTalk />;
  return <Talk negotiationId={negotiationId} secret={credentials.secret} />;
}

function MissingTalk() {
  return (
    <main className="page stack talk">
      <h1>Talk first</h1>
      <div className="notice notice-warning stack" role="alert">
        <p>This browser holds no key to this conversation.</p>
        <p>
          Each partner’s answers open only on the device where they created or accepted the
          invitation. Open this page there, or start a new conversation.
        </p>
      </div>
      <p className="row">
        <a className="btn btn-primary" href="#/talk">
          Start a new conversation
        </a>
        <a className="btn" href="#/">
          Home
        </a>
      </p>
    </main>
  );
}

function Talk({ negotiationId, secret }: { negotiationId: string; secret: string }) {
  const { state, run, refresh } = useNegotiationView(negotiationId, secret);
  return (
    <main className="page stack talk">
      <h1>Talk first</h1>
      {state.status === 'loading' && <p className="muted">Loading your conversation…</p>}
      {state.status === 'failed' && (
        <div className="notice notice-danger stack" role="alert">
          <p>{asSentence(state.error.message)}</p>
          {state.error.status === 401 ? (
            <p>
              This browser’s key to the conversation is no longer accepted (the server’s data may
              have been reset). Start a new conversation if you wish.
            </p>
          ) : (
            <button type="button" className="btn" onClick={() => void refresh()}>
              Try again
            </button>
          )}
          <p className="row">
            <a className="btn" href="#/talk">
              New conversation
            </a>
            <a className="btn" href="#/">
              Home
            </a>
          </p>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          {state.error !== null && (
            <p className="notice notice-warning" role="status">
              Could not check for news: {state.error.message}. Trying again.
            </p>
          )}
          <TalkView view={state.view} secret={secret} run={run} onRenewed={() => void refresh()} />
        </>
      )}
    </main>
  );
}

function TalkView({
  view,
  secret,
  run,
  onRenewed,
}: {
  view: ParticipantView;
  secret: string;
  run: ReturnType<typeof useNegotiationView>['run'];
  onRenewed: () => void;
}) {
  const itemIds = view.catalogue.items.map((i) => i.id);
  const answered = countAnswered(view.own.items, itemIds);
  const note = roundNote(view);
  return (
    <>
      <section className="card stack" aria-labelledby="talk-status" data-testid="talk-status">
        <h2 id="talk-status">Where things stand</h2>
        <p data-testid="talk-status-words">{statusWords(view)}</p>
        <p className="muted talk-hint">
          You: {view.you.name}, {roleTitle(view.you.role)}.{' '}
          {view.partner.joined
            ? `${partnerName(view)}: ${roleTitle(view.partner.role)}.`
            : `Your partner is invited as the ${roleTitle(view.partner.role)}.`}
        </p>
        {view.status !== 'declined' && (
          <ul className="talk-progress" data-testid="talk-progress">
            <li>{yourProgress(view, answered, itemIds.length)}</li>
            <li>{partnerProgress(view)}</li>
          </ul>
        )}
        {note !== null && (
          <p className="notice notice-warning" data-testid="talk-round-note">
            {note}
          </p>
        )}
        {view.status === 'declined' && (
          <p className="row">
            <a className="btn" href="#/">
              Home
            </a>
            <a className="btn btn-quiet" href="#/guide">
              The guide
            </a>
          </p>
        )}
      </section>
      <InvitationStatus view={view} secret={secret} onRenewed={onRenewed} />
      <OverlapSection view={view} />
      {view.status !== 'declined' && (
        <>
          <ReflectiveQuestions negotiationId={view.negotiationId} open={answered === 0} />
          <AnswersSection view={view} secret={secret} run={run} />
        </>
      )}
    </>
  );
}
