import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { pairAgreement } from '../../../test/fixtures/agreements';
import { EventList } from './EventList';
import { foldLog } from './fold';
import { SceneRow } from './HistoryList';
import { sampleEvents, sampleHistory } from './history.test-support';
import { timelineMarks } from './marks';
import { Replay } from './Replay';
import { summarize } from './summary';
import { plotOutputs } from '../console/plot-labels';

const steps = () => {
  const f = foldLog(sampleEvents());
  if (!f.ok) throw new Error(f.error);
  return f.steps;
};

describe('history, rendered', () => {
  it('a scene in the list links to its page and says why it stopped', () => {
    const history = sampleHistory();
    const html = renderToStaticMarkup(
      createElement(SceneRow, {
        loaded: { ok: true, history, summary: summarize(history, steps(), 'en-GB') },
      }),
    );
    expect(html).toContain('href="#/history/scene-1"');
    expect(html).toContain('Alex and Sam · for two · 0:49 · 0 orgasms');
    expect(html).toContain('Sam called red.');
  });

  it('the event list is an ordered list with the time of each event, the plot’s text alternative', () => {
    const html = renderToStaticMarkup(
      createElement(EventList, { marks: timelineMarks(steps(), pairAgreement), origin: 1000 }),
    );
    expect(html).toContain('<ol class="plain history-events"');
    expect(html).toMatch(
      /<time class="history-time">0:49<\/time><span>Stopped\. Sam called red\.<\/span>/,
    );
  });

  it('the replay starts at the creation, with a labelled scrubber over every step', () => {
    const all = steps();
    const html = renderToStaticMarkup(
      createElement(Replay, {
        steps: all,
        outputs: plotOutputs(all[0]?.state.devices ?? []),
        origin: 1000,
        agreement: pairAgreement,
      }),
    );
    expect(html).toContain('aria-label="Replay position"');
    expect(html).toContain(`max="${all.length - 1}"`);
    expect(html).toContain('data-testid="replay-phase">Set-up<');
  });
});
