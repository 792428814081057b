import {
  createScene,
  featureKey,
  step,
  type Actor,
  type Agreement,
  type DeviceSpec,
  type Effect,
  type SceneEvent,
  type SceneState,
} from '../../src/core';
import { devices as fixtureDevices } from '../fixtures/agreements';
import { DeviceModel } from './run';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Body = DistributiveOmit<Exclude<SceneEvent, { type: 'scene.created' | 'tick' }>, 'at'>;

/**
 * Drives one scene by hand for example tests: time moves only when the test says so, and the
 * panel's heartbeats and check-in answers can be kept up automatically while it does.
 */
export class SceneDriver {
  state: SceneState;
  /** Every effect so far, in order. */
  readonly log: Effect[] = [];
  /** The effects of the last event sent. */
  last: readonly Effect[] = [];
  readonly devices = new DeviceModel();
  readonly events: SceneEvent[];

  constructor(agreement: Agreement, devices: DeviceSpec[] = fixtureDevices, at = 0) {
    const created: SceneEvent = {
      type: 'scene.created',
      at,
      sceneId: 'walk',
      agreement,
      devices,
    };
    this.events = [created];
    this.state = createScene(created).state;
  }

  get now(): number {
    return this.state.now;
  }

  send(event: SceneEvent): readonly Effect[] {
    const { state, effects } = step(this.state, event);
    this.state = state;
    this.last = effects;
    this.log.push(...effects);
    this.devices.apply(effects);
    this.events.push(event);
    return effects;
  }

  /** Sends an event at the given time (default: now). */
  at(at: number, body: Body): readonly Effect[] {
    return this.send({ ...body, at });
  }

  tick(at: number): readonly Effect[] {
    return this.send({ type: 'tick', at });
  }

  beat(at = this.now, by: Actor = 'submissive'): readonly Effect[] {
    return this.at(at, { type: 'panel.heartbeat', by });
  }

  /**
   * Lets time pass to `until` with the panel beating every `everyMs` and, unless told otherwise,
   * the submissive answering each check-in green right after its prompt.
   */
  live(until: number, options: { everyMs?: number; answer?: boolean } = {}): void {
    const every = options.everyMs ?? 1000;
    const answer = options.answer ?? true;
    for (let t = this.now + every; t <= until; t += every) {
      const effects = this.beat(t);
      const prompted = effects.some((e) => e.type === 'prompt' && e.prompt === 'check-in');
      if (answer && prompted)
        this.at(t, { type: 'checkin.answered', by: 'submissive', answer: 'green' });
    }
    if (this.now < until) this.beat(until);
  }

  level(device: string, feature: string): number {
    return this.state.applied[featureKey(device, feature)] ?? 0;
  }

  /** The effects of the last event of the given type. */
  lastOf<T extends Effect['type']>(type: T): Extract<Effect, { type: T }>[] {
    return this.last.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
  }

  /** Every effect of the given type so far. */
  all<T extends Effect['type']>(type: T): Extract<Effect, { type: T }>[] {
    return this.log.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
  }
}
