import { useEffect, useState } from 'react';
import { followUpTimes } from '../../core/aftercare/follow-up-times';
import { askToRemind, notificationSupport, scheduleReminders } from '../debrief/reminders';
import { laterWords } from './later-words';

/**
 * What comes after aftercare: Redline checks in later (the follow-ups, shown whenever Redline is
 * opened, and as a notification on this device where it is allowed and the page is open), and the
 * debrief, when the person is ready. Permission is only ever asked on the button's press.
 */
export function Afterwards({ sceneId, stopWallMs }: { sceneId: string; stopWallMs: number }) {
  const [support, setSupport] = useState(notificationSupport);
  useEffect(() => {
    if (support !== 'granted') return;
    return scheduleReminders(followUpTimes(stopWallMs), Date.now(), () => undefined);
  }, [support, stopWallMs]);

  return (
    <section className="card stack" aria-labelledby="aftercare-later" data-testid="aftercare-later">
      <h3 id="aftercare-later">Later</h3>
      <p>
        Redline will check in with you {laterWords()}: open it then, and it asks how you are
        feeling.
        {support === 'granted' && ' This device will also remind you while Redline stays open.'}
      </p>
      <div className="row">
        <a
          className="btn"
          href={`#/debrief/${encodeURIComponent(sceneId)}`}
          data-testid="aftercare-debrief-link"
        >
          Debrief when you are ready
        </a>
        {support === 'default' && (
          <button
            type="button"
            className="btn btn-quiet"
            data-testid="aftercare-remind"
            onClick={() => {
              void askToRemind().then(setSupport);
            }}
          >
            Remind me on this device
          </button>
        )}
      </div>
    </section>
  );
}
