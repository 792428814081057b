import {
  agreementCovers,
  isActive,
  isAfterStop,
  parseAgreement,
  type Agreement,
  type CreatedEvent,
  type DeviceSpec,
  type Result,
  type SceneEvent,
  type SceneState,
} from '../../core';
import type { Role } from '../../protocol/frames';
import { bridgeDevices } from '../device-bridge';
import type { DeviceHub } from '../device-hub';
import { mapDevices } from '../device-map';
import { createSceneClock } from '../scene-clock';
import {
  hashSecret,
  newPairingCode,
  newSceneId,
  newSecret,
  normalizePairingCode,
  PAIRING_CODE_TTL_MS,
} from '../secrets';
import type { Store } from '../store/store';
import { createReadingBatcher } from './reading-batcher';
import {
  createSceneRuntime,
  holdsDevices,
  VIEW_EVERY_MS,
  type SceneRuntime,
} from './scene-runtime';

/**
 * A scene to create: its agreement (a sealed one for a pair, the cautious template for solo) and
 * the ids of the connected devices it will use, which the agreement must cover.
 */
export type NewScene = Readonly<{
  agreement: Agreement;
  devices: readonly string[];
  /** The negotiation that sealed the agreement: its withdrawal stops the scene. */
  negotiationId?: string;
}>;
export type Pairing = Readonly<{ code: string; expiresAt: number }>;
export type Credentials = Readonly<{ sceneId: string; role: Role; secret: string }>;
export type PairResult =
  | { ok: true; credentials: Credentials }
  | { ok: false; reason: 'malformed' | 'unknown' | 'expired' | 'used' | 'running' };

export type SceneRegistry = Readonly<{
  create(input: NewScene): Result<{ credentials: Credentials; pairing: Pairing | null }>;
  /** A fresh code for the panel (a lost or replaced phone); the old panel's secret is replaced on pairing. */
  newPairing(sceneId: string): Pairing;
  pair(code: string): PairResult;
  /** The role this secret holds in this scene, or null. Never tells which part was wrong. */
  authenticate(sceneId: string, secret: string): { role: Role; lastSeq: number } | null;
  /** Remembers the highest frame number a participant used (the replay guard survives restarts). */
  seen(sceneId: string, role: Role, seq: number): void;
  get(sceneId: string): SceneRuntime | undefined;
  /**
   * True when this secret is a participant's in a scene this server no longer runs: one that
   * closed, or was stopped and then left (`retireIdle`). Its screens are told it ended.
   */
  ended(sceneId: string, secret: string): boolean;
  /**
   * Lets go of every scene that is stopped (or never started) and that no screen has watched for
   * `retireAfterMs`: its runtime leaves memory, its store row is marked closed (a restart does not
   * bring it back), its log stays as it is. A scene that may drive toys is never let go. Returns
   * how many went. Runs every `retireEveryMs` by itself.
   */
  retireIdle(): number;
  /** Brings back every open scene from the store, stopped (never resumes stimulation). */
  restore(): number;
  /** Stops every scene (the server is going away): the stop first, then recorded. */
  interruptAll(): void;
  /**
   * A partner withdrew their negotiation's agreement: every scene started from it stops, as if
   * they had sent the withdraw frame. Returns how many scenes were running under it.
   */
  withdrawConsent(negotiationId: string, by: Role): number;
  dispose(): void;
}>;

export type RegistryOptions = Readonly<{
  store: Store;
  hub: DeviceHub;
  wallNow?: () => number;
  report(message: string): void;
  /** How long a stopped (or unstarted) scene stays in memory with no screen on it (default an hour). */
  retireAfterMs?: number | undefined;
  /** How often stopped scenes are looked at (default a minute); 0: only by `retireIdle`. */
  retireEveryMs?: number | undefined;
}>;

/** A stopped or unstarted scene nobody watches for this long is let go (docs/decisions/0021). */
export const RETIRE_AFTER_MS = 60 * 60_000;
const RETIRE_EVERY_MS = 60_000;

/**
 * While a scene may drive the toys (from the start until the stop), its panel cannot be replaced:
 * otherwise the console could pair a fresh code itself and hold the receiver's stop (S4).
 */
export function panelLocked(state: SceneState): boolean {
  return isActive(state.phase);
}

/**
 * Scenes the server may let go of once nobody watches them: stopped ones (S6: nothing drives a
 * toy again) and ones never started. Never one that may drive toys, a set-up's test pulse
 * included: its timers are its stops (a silent panel, a missed check-in, the pulse's end: S5).
 */
export function mayLetGo(state: SceneState): boolean {
  return (state.phase === 'setup' || isAfterStop(state.phase)) && !holdsDevices(state);
}

export function createSceneRegistry(options: RegistryOptions): SceneRegistry {
  const { store, hub } = options;
  const wallNow = options.wallNow ?? (() => Date.now());
  const runtimes = new Map<string, SceneRuntime>();
  /** Scenes that could be let go, with no screen: since when (monotonic ms), for `retireIdle`. */
  const idleSince = new Map<string, number>();
  /** Marks a scene's store row closed, once (kept with its runtime). */
  const markClosed = new Map<string, () => void>();
  const retireAfterMs = options.retireAfterMs ?? RETIRE_AFTER_MS;
  let tracesFailing = false;
  /** A trace write that failed (in its commit): said once until one succeeds; scenes go on. */
  const traceFailed = (error: Error) => {
    if (tracesFailing) return;
    tracesFailing = true;
    options.report(`could not store a scene's history (the scene goes on): ${error.message}`);
  };
  const readings = createReadingBatcher({
    // Into the next group commit (decision 0017), in runs per scene.
    write: (rows) => {
      store.history.stageReadings(rows, traceFailed);
    },
    report: options.report,
  });
  /** Scene → the negotiation that sealed its agreement. Memory is enough: a restart stops all. */
  const negotiationOf = new Map<string, string>();
  const detach = new Map<string, () => void>();
  /** Scenes whose frame numbers could not be stored (see `seen`). */
  const unrecordedSeq = new Set<string>();

  const otherActive = (sceneId: string) =>
    [...runtimes.values()].some((r) => r.sceneId !== sceneId && holdsDevices(r.state()));

  /**
   * Runs a scene whose `created` event is already stored, with the events stored after it. A new
   * scene is bridged to its devices (a lost toy stops it: S1, S5); a restored one is stopped.
   */
  const start = (created: CreatedEvent, stored: readonly SceneEvent[], bridge: boolean) => {
    const sceneId = created.sceneId;
    const report = (message: string) => {
      options.report(`scene ${sceneId}: ${message}`);
    };
    const log = store.eventLog(sceneId);
    let closedMarked = false;
    const markThisClosed = () => {
      if (closedMarked) return;
      closedMarked = true;
      // In the same commit as the events before it, so a closed scene's log is never short.
      store.stageStatus(sceneId, 'closed', (error) => {
        report(error.message);
      });
    };
    const runtime = createSceneRuntime({
      created,
      stored,
      // Group commit (decision 0017): every scene's events of one turn share one sync.
      log: {
        append: (event, frame) => {
          log.stage(event, frame);
        },
        settled: (done) => {
          log.settled(done);
        },
      },
      devices: hub.adapter,
      confirmStop: () => hub.adapter.confirmStop(),
      // The adapter's confirmStop writes the stop as stopAll does, then watches for the reply.
      sendStop: () => hub.adapter.confirmStop(),
      traces: {
        reading: (reading) => {
          readings.add(sceneId, reading);
        },
        flush: () => {
          readings.flush(sceneId);
        },
        stopTiming: (timing) => {
          store.history.stageStopTiming(sceneId, timing, traceFailed);
        },
      },
      devicesConnected: () => hub.connected(),
      otherSceneActive: () => otherActive(sceneId),
      clock: createSceneClock(undefined, stored.at(-1)?.at ?? created.at),
      report,
      viewEveryMs: VIEW_EVERY_MS,
      onStorageFailed: () => unrecordedSeq.add(sceneId),
      onStep: (state) => {
        if (state.phase !== 'closed') return;
        markThisClosed();
        // Let go after this step: its replies and the closed view still go out first.
        queueMicrotask(() => {
          retire(sceneId);
        });
      },
    });
    runtimes.set(sceneId, runtime);
    markClosed.set(sceneId, markThisClosed);
    const map = mapDevices(created.devices, hub.devices());
    if (bridge && map.ok) {
      const { sceneDeviceOf } = map.value;
      const unbridge = bridgeDevices(hub.adapter, {
        map: map.value,
        dispatch: (event) => {
          runtime.submit(event);
        },
        now: () => runtime.view().now,
        report,
      });
      // Pressure from one of this scene's own devices feeds its orgasm detector.
      const unlisten = hub.adapter.on((event) => {
        if (event.type !== 'reading' || event.kind !== 'pressure') return;
        if (sceneDeviceOf(event.device) !== undefined) runtime.pressure(event.value);
      });
      detach.set(sceneId, () => {
        unbridge();
        unlisten();
      });
    }
    return runtime;
  };

  /** The server lets go of a scene that is over (see `retireIdle`); its screens hear it ended. */
  const retire = (sceneId: string) => {
    const runtime = runtimes.get(sceneId);
    if (runtime === undefined) return;
    markClosed.get(sceneId)?.();
    detach.get(sceneId)?.();
    for (const held of [runtimes, markClosed, detach, idleSince, negotiationOf])
      held.delete(sceneId);
    unrecordedSeq.delete(sceneId);
    runtime.end();
  };

  const retireIdle = () => {
    // Not the wall clock: a clock set forward must not empty the registry.
    const now = performance.now();
    let count = 0;
    for (const [sceneId, runtime] of runtimes) {
      if (!mayLetGo(runtime.state()) || runtime.screens() > 0) {
        idleSince.delete(sceneId);
        continue;
      }
      const since = idleSince.get(sceneId);
      if (since === undefined) idleSince.set(sceneId, now);
      else if (now - since >= retireAfterMs) {
        retire(sceneId);
        count += 1;
      }
    }
    return count;
  };
  const retireEveryMs = options.retireEveryMs ?? RETIRE_EVERY_MS;
  const retireTimer =
    retireEveryMs > 0
      ? setInterval(() => {
          try {
            retireIdle();
          } catch (error) {
            options.report(`could not let go of a scene: ${(error as Error).message}`);
          }
        }, retireEveryMs)
      : undefined;
  retireTimer?.unref();

  const newPairing = (sceneId: string): Pairing => {
    const code = newPairingCode();
    const expiresAt = wallNow() + PAIRING_CODE_TTL_MS;
    store.addPairingCode({
      codeHash: hashSecret(code),
      sceneId,
      role: 'submissive',
      expiresWallMs: expiresAt,
    });
    return { code, expiresAt };
  };

  return {
    create(input) {
      const chosen: DeviceSpec[] = [];
      for (const id of input.devices) {
        const device = hub.devices().find((d) => d.id === id);
        if (device === undefined)
          return { ok: false, errors: [`devices: no device "${id}" is connected`] };
        chosen.push(device);
      }
      const parsed = parseAgreement(input.agreement);
      if (!parsed.ok) return parsed;
      // Exactly what was signed (the schema changes nothing it accepts): its hash stays the seal's.
      const agreement = input.agreement;
      const uncovered = agreementCovers(agreement, chosen);
      if (uncovered.length > 0) return { ok: false, errors: uncovered.map((p) => `devices: ${p}`) };
      const sceneId = newSceneId();
      const created: CreatedEvent = {
        type: 'scene.created',
        at: 0,
        sceneId,
        agreement,
        devices: chosen,
      };
      const role: Role = agreement.mode === 'solo' ? 'submissive' : 'dominant';
      const secret = newSecret();
      store.createScene({
        created,
        createdWallMs: wallNow(),
        participants: [{ role, secretHash: hashSecret(secret) }],
        negotiationId: input.negotiationId ?? null,
      });
      start(created, [], true);
      if (input.negotiationId !== undefined) negotiationOf.set(sceneId, input.negotiationId);
      return {
        ok: true,
        value: {
          credentials: { sceneId, role, secret },
          pairing: agreement.mode === 'pair' ? newPairing(sceneId) : null,
        },
      };
    },
    newPairing,
    pair(input) {
      const code = normalizePairingCode(input);
      if (code === null) return { ok: false, reason: 'malformed' };
      // S4: while toys may run, the panel in the receiver's hand stays theirs. A new panel joins
      // before the start or after the stop; the code is not spent meanwhile.
      const sceneId = store.pairingCodeScene(hashSecret(code));
      const runtime = sceneId === null ? undefined : runtimes.get(sceneId);
      if (runtime !== undefined && panelLocked(runtime.state()))
        return { ok: false, reason: 'running' };
      const claim = store.claimPairingCode(hashSecret(code), wallNow());
      if (!claim.ok) return claim;
      const secret = newSecret();
      store.setParticipant(claim.sceneId, claim.role, hashSecret(secret));
      return { ok: true, credentials: { sceneId: claim.sceneId, role: claim.role, secret } };
    },
    authenticate(sceneId, secret) {
      if (!runtimes.has(sceneId)) return null;
      return store.participant(sceneId, hashSecret(secret));
    },
    seen(sceneId, role, seq) {
      // After the frame was handled: a store that cannot write (locked, full) must not take the
      // whole server down from a socket's handler. The scene's own append failed first and
      // stopped it (S7); its connections still refuse replays from memory. Not tried once the
      // scene's store failed: each try may wait out the busy timeout, freezing every scene.
      if (unrecordedSeq.has(sceneId)) return;
      // In the same group commit as the frame's event (decision 0017).
      store.stageLastSeq(sceneId, role, seq, (error) => {
        if (unrecordedSeq.has(sceneId)) return;
        unrecordedSeq.add(sceneId);
        options.report(`scene ${sceneId}: ${error.message}`);
      });
    },
    get: (sceneId) => runtimes.get(sceneId),
    ended: (sceneId, secret) =>
      !runtimes.has(sceneId) && store.participant(sceneId, hashSecret(secret)) !== null,
    retireIdle,
    restore() {
      let count = 0;
      for (const row of store.scenes()) {
        if (row.status !== 'open' || runtimes.has(row.sceneId)) continue;
        const events = store.events(row.sceneId);
        if (!events.ok) {
          options.report(
            `scene ${row.sceneId} could not be read back: ${events.errors.join('; ')}`,
          );
          continue;
        }
        const [created, ...rest] = events.value;
        if (created?.type !== 'scene.created') continue;
        const runtime = start(created, rest, false);
        if (runtime.state().phase === 'closed') {
          // Closed, but its row was not marked (the server went away first): mark it now.
          retire(row.sceneId);
          continue;
        }
        // S5: a scene that was running when the server went away comes back stopped.
        runtime.interrupt();
        count += 1;
      }
      return count;
    },
    interruptAll() {
      for (const runtime of runtimes.values()) runtime.interrupt();
      readings.flush();
      store.commitNow();
    },
    withdrawConsent(negotiationId, by) {
      let count = 0;
      for (const [sceneId, runtime] of runtimes) {
        if (negotiationOf.get(sceneId) !== negotiationId) continue;
        runtime.withdrawConsent(by);
        count += 1;
      }
      return count;
    },
    dispose() {
      clearInterval(retireTimer);
      for (const d of detach.values()) d();
      for (const runtime of runtimes.values()) runtime.dispose();
      readings.close();
      // What the scenes and their traces staged reaches the disk before the store can close.
      store.commitNow();
      runtimes.clear();
      negotiationOf.clear();
    },
  };
}
