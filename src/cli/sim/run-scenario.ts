import type { CreatedEvent, SceneEvent, SceneState } from '../../core';
import type { Scenario } from './scenario';
import { openSession, type SessionOptions } from './session';
import { actionEvent } from './timeline';

/**
 * Runs a scenario on a simulated clock from 0, as fast as it can (no real waiting). At each
 * moment: the panel's heartbeat first, then timeline actions in file order, then the tick. It
 * stops when the scene is closed, or in debrief with no actions left, or past `untilMs`.
 */
export function runScenario(
  scenario: Scenario,
  sceneId: string,
  options: SessionOptions,
): SceneState {
  const created: CreatedEvent = {
    type: 'scene.created',
    at: 0,
    sceneId,
    agreement: scenario.agreement,
    devices: scenario.devices,
  };
  const session = openSession(created, options);
  const { timeline, tickMs, untilMs } = scenario;
  const mode = scenario.agreement.mode;
  let nextBeat = 0;
  let nextTick = 0;
  let next = 0;
  let panelSilent = false;
  const finished = () => {
    const { phase } = session.state;
    return phase === 'closed' || (phase === 'debrief' && next >= timeline.length);
  };
  const send = (event: SceneEvent) => {
    if (!finished()) session.dispatch(event);
  };

  while (!finished()) {
    const t = Math.min(nextBeat, nextTick, timeline[next]?.t ?? Number.POSITIVE_INFINITY);
    if (t > untilMs) break;
    if (nextBeat === t) {
      // The beat schedule runs on while the panel is silent, so it comes back on the grid.
      nextBeat += scenario.panel.heartbeatEveryMs;
      if (!panelSilent) send({ type: 'panel.heartbeat', at: t, by: 'submissive' });
    }
    for (let action = timeline[next]; action?.t === t && !finished(); action = timeline[next]) {
      next += 1;
      const event = actionEvent(action, mode);
      if (event !== null) session.dispatch(event);
      else {
        panelSilent = action.do === 'panel-silent';
        session.emit({ t, type: 'action', do: action.do, detail: panelNote(panelSilent) });
      }
    }
    if (nextTick === t) {
      nextTick += tickMs;
      send({ type: 'tick', at: t });
    }
  }
  return session.finish();
}

function panelNote(silent: boolean): string {
  return silent
    ? '(the panel stops sending heartbeats)'
    : '(the panel sends heartbeats again from the next one due)';
}
