import Database from 'better-sqlite3-multiple-ciphers';
import { agreementHash, replay, type SceneEvent } from '../../core';
import { pairAgreement } from '../../../test/fixtures/agreements';
import { jsonEventCodec } from './event-codec';
import { openStore } from './store';
import { createdAs } from './temp-store.test-support';

export const SCENE_ID = 'scene-data';
export const NEGOTIATION_ID = 'negotiation-data';

/**
 * A scene for two as it is stored after it ran: a sealed negotiation with both partners'
 * private answers, a draft and signatures; the scene with its participants, a pairing code and
 * its events (the created event first, then play with output, then red; the last few still in
 * the journal, as a run that ended in a crash leaves them); readings, a stop timing, a debrief
 * and a follow-up. Every table of the schema gets at least one row, so an
 * export that leaves a table out, or an import that changes one, shows.
 */
export function fillStore(path: string): { sceneId: string; events: SceneEvent[] } {
  const filled = fillThroughStore(path);
  fillTraces(path, filled.events);
  return filled;
}

/** How many of the fixture's last events are left in the journal (decision 0017). */
const JOURNALED = 3;

function fillThroughStore(path: string): { sceneId: string; events: SceneEvent[] } {
  const store = openStore({ path });
  try {
    const n = store.negotiations;
    n.create({
      negotiationId: NEGOTIATION_ID,
      createdWallMs: 1_000,
      message: 'Shall we talk about Saturday?',
      initiator: { role: 'submissive', name: 'Sam', secretHash: 'neg-sam' },
      invitation: { codeHash: 'invite-1', expiresWallMs: 600_000 },
    });
    n.addParticipant(NEGOTIATION_ID, {
      role: 'dominant',
      name: 'Alex',
      secretHash: 'neg-alex',
      joinedWallMs: 2_000,
    });
    for (const role of ['dominant', 'submissive'] as const)
      n.putAnswers(NEGOTIATION_ID, role, 1, {
        items: [{ id: 'vibrate', answer: role === 'dominant' ? 'yes' : 'maybe' }],
        updatedWallMs: 3_000,
        submittedWallMs: 3_500,
      });
    const hash = agreementHash(pairAgreement);
    n.putDraft(NEGOTIATION_ID, {
      version: 1,
      agreementHash: hash,
      agreement: pairAgreement,
      byRole: 'dominant',
      atWallMs: 4_000,
    });
    for (const role of ['dominant', 'submissive'] as const)
      n.addSignature(NEGOTIATION_ID, {
        draftVersion: 1,
        role,
        agreementHash: hash,
        atWallMs: 5_000,
        mac: `mac-${role}`,
      });
    n.seal(NEGOTIATION_ID, {
      agreementHash: hash,
      agreement: pairAgreement,
      draftVersion: 1,
      sealedWallMs: 5_000,
    });

    const created = createdAs(SCENE_ID);
    store.createScene({
      created,
      createdWallMs: 10_000,
      participants: [
        { role: 'dominant', secretHash: 'scene-dom' },
        { role: 'submissive', secretHash: 'scene-sub' },
      ],
      negotiationId: NEGOTIATION_ID,
    });
    store.addPairingCode({
      codeHash: 'pair-1',
      sceneId: SCENE_ID,
      role: 'submissive',
      expiresWallMs: 20_000,
    });
    store.setLastSeq(SCENE_ID, 'submissive', 7);
    const log = store.eventLog(SCENE_ID);
    const events: SceneEvent[] = [created, ...play()];
    for (const event of events.slice(1, -JOURNALED)) log.append(event);
    store.setStatus(SCENE_ID, 'closed');
    return { sceneId: SCENE_ID, events };
  } finally {
    store.close();
  }
}

/**
 * The journal's rows, readings, a stop timing, a debrief and follow-ups, written with SQL
 * exactly as stored.
 */
function fillTraces(path: string, events: readonly SceneEvent[]): void {
  const db = new Database(path);
  try {
    db.pragma('foreign_keys = ON');
    const journal = db.prepare(
      'INSERT INTO event_journal (scene_id, n, type, at, json) VALUES (?, ?, ?, ?, ?)',
    );
    events.forEach((event, i) => {
      if (i >= events.length - JOURNALED)
        journal.run(SCENE_ID, i + 1, event.type, event.at, jsonEventCodec.encode(event));
    });
    const reading = db.prepare(
      'INSERT INTO readings (scene_id, at, kind, value) VALUES (?, ?, ?, ?)',
    );
    for (const [at, kind, value] of [
      [2_000, 'pressure', 1_012.5],
      [2_500, 'pressure', 1_020],
      [3_000, 'heart-rate', 88],
      [6_000, 'pressure', 1_300.25],
      [6_000, 'heart-rate', 121],
    ] as const)
      reading.run(SCENE_ID, at, kind, value);
    db.prepare('INSERT INTO stop_timings (scene_id, at, reached_after_ms) VALUES (?, ?, ?)').run(
      SCENE_ID,
      9_000,
      12.75,
    );
    db.prepare(
      `INSERT INTO debriefs (scene_id, role, json, shared_json, updated_wall_ms, shared_wall_ms)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      SCENE_ID,
      'submissive',
      '{"feel":"good","change":"shorter"}',
      '{"feel":"good"}',
      30_000,
      31_000,
    );
    db.prepare(
      `INSERT INTO follow_ups (scene_id, role, due_wall_ms, answered_wall_ms, json)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(SCENE_ID, 'submissive', 40_000, 41_000, '{"feel":"calm"}');
    db.prepare(
      `INSERT INTO follow_ups (scene_id, role, due_wall_ms, answered_wall_ms, json)
       VALUES (?, ?, ?, NULL, NULL)`,
    ).run(SCENE_ID, 'dominant', 90_000);
  } finally {
    db.close();
  }
}

/**
 * Heartbeats every second, start, a request the governor ramps up, red at 9 s, then ticks: a
 * short scene whose output rises and falls back to zero.
 */
function play(): SceneEvent[] {
  const events: SceneEvent[] = [];
  for (let t = 0; t <= 12_000; t += 1_000) {
    events.push({ type: 'panel.heartbeat', at: t, by: 'submissive' });
    if (t === 1_000) {
      events.push({ type: 'scene.start', at: t, by: 'dominant' });
      events.push({
        type: 'intensity.requested',
        at: t,
        by: 'dominant',
        device: 'wand',
        feature: 'vibrate',
        value: 0.3,
      });
    }
    if (t === 9_000) events.push({ type: 'safeword', at: t, by: 'submissive', word: 'red' });
    events.push({ type: 'tick', at: t + 500 });
  }
  return events;
}

/** The scene's fold, for comparing before and after. */
export const replayed = (events: readonly SceneEvent[]) => replay(events);
