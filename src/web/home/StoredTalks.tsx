import { useState } from 'react';
import { roleTitle } from '../talk/role-words';
import { listTalks } from '../talk/talk-credentials';

/** Conversations this browser holds a key for (kept only here), each opening its talk page. */
export function StoredTalks() {
  const [talks] = useState(listTalks);
  if (talks.length === 0) return null;
  return (
    <div className="stack">
      <h3 id="home-talks">Conversations on this device</h3>
      <ul className="plain stack" aria-labelledby="home-talks">
        {talks.map((talk) => (
          <li key={talk.negotiationId}>
            <a
              className="btn home-talk"
              href={`#/talk/${encodeURIComponent(talk.negotiationId)}`}
              data-testid={`home-conversation-${talk.negotiationId}`}
            >
              {talk.name}, as the {roleTitle(talk.role)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
