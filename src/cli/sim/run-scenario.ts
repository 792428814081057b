import type { CreatedEvent, SceneState } from '../../core';
import type { Scenario } from './scenario';
import { scenarioSchedule } from './schedule';
import { openSession, type SessionOptions } from './session';

/** The scene's first event: its id, the scenario's agreement and the scenario's devices. */
export function createdEvent(scenario: Scenario, sceneId: string): CreatedEvent {
  return {
    type: 'scene.created',
    at: 0,
    sceneId,
    agreement: scenario.agreement,
    devices: scenario.devices,
  };
}

/**
 * Runs a scenario on a simulated clock from 0, as fast as it can (no real waiting): it jumps
 * from one due moment of the schedule to the next. It stops when the scene is closed, or in
 * debrief with no actions left, or before the first moment past `untilMs`.
 */
export function runScenario(
  scenario: Scenario,
  sceneId: string,
  options: SessionOptions,
): SceneState {
  const session = openSession(createdEvent(scenario, sceneId), options);
  const finished = () => {
    const { phase } = session.state;
    return phase === 'closed' || (phase === 'debrief' && !schedule.actionsLeft());
  };
  const schedule = scenarioSchedule(scenario, session, finished);
  while (!finished()) {
    const due = schedule.next();
    if (due > scenario.untilMs) break;
    schedule.run(due, due);
  }
  return session.finish();
}
