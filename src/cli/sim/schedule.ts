import type { SceneEvent } from '../../core';
import type { Schedule } from '../../server/realtime-driver';
import type { Scenario } from './scenario';
import type { SimSession } from './session';
import { actionEvent } from './timeline';

export type ScenarioSchedule = Schedule &
  Readonly<{
    /** True while timeline actions remain to be run. */
    actionsLeft(): boolean;
  }>;

/**
 * What a scenario's simulated panel and people do, and when: the panel's heartbeats on their
 * grid (t = 0, heartbeatEveryMs, …) unless it is silent, timeline actions at their `t`, ticks on
 * their grid. At equal times: the heartbeat, then the actions in file order, then the tick.
 * The simulated clock and the real-time driver both run this, so the two orders cannot drift.
 * `finished` is asked before each event: once it is true, nothing more is dispatched.
 */
export function scenarioSchedule(
  scenario: Scenario,
  session: SimSession,
  finished: () => boolean,
): ScenarioSchedule {
  const { timeline, tickMs } = scenario;
  const mode = scenario.agreement.mode;
  let nextBeat = 0;
  let nextTick = 0;
  let next = 0;
  let panelSilent = false;
  const send = (event: SceneEvent) => {
    if (!finished()) session.dispatch(event);
  };

  return {
    next: () => Math.min(nextBeat, nextTick, timeline[next]?.t ?? Number.POSITIVE_INFINITY),
    actionsLeft: () => next < timeline.length,
    run(due, at) {
      if (nextBeat === due) {
        // The beat schedule runs on while the panel is silent, so it comes back on the grid.
        nextBeat += scenario.panel.heartbeatEveryMs;
        if (!panelSilent) send({ type: 'panel.heartbeat', at, by: 'submissive' });
      }
      for (let action = timeline[next]; action?.t === due && !finished(); action = timeline[next]) {
        next += 1;
        const event = actionEvent(action, mode, at);
        if (event !== null) session.dispatch(event);
        else {
          panelSilent = action.do === 'panel-silent';
          session.emit({ t: at, type: 'action', do: action.do, detail: panelNote(panelSilent) });
        }
      }
      if (nextTick === due) {
        nextTick += tickMs;
        send({ type: 'tick', at });
      }
    },
  };
}

function panelNote(silent: boolean): string {
  return silent
    ? '(the panel stops sending heartbeats)'
    : '(the panel sends heartbeats again from the next one due)';
}
