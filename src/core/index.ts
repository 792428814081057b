/** Redline's pure core: the agreement, the scene machine and the governor. */
export * from './agreement/agreement';
export * from './agreement/hash';
export * from './agreement/coverage';
export * from './agreement/template';
export * from './detection';
export * from './governor/governor';
export * from './governor/limits';
export * from './governor/test-pulse';
export * from './negotiation';
export * from './scene/effects';
export * from './scene/events';
export * from './scene/machine';
export { isStopRequest, senderRefusal, stopsAtOnce, type SentEventType } from './scene/handlers';
export * from './scene/phases';
export * from './scene/state';
export { STOPPED_DWELL_MS } from './scene/timers';
export * from './validation';
