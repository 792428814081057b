import type { Effect } from '../../core';
import type { ErrorCode, Role } from '../../protocol/frames';
import type { SceneView, ServerFrame } from '../../protocol/view';

/**
 * Reads a frame from the server. The server is ours, but the bytes still crossed a network:
 * anything that is not JSON or lacks what the screens rely on is dropped (returns null), never
 * evaluated. The check is light on purpose: the view's inner fields are the server's to get right.
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isSeq = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isRole = (v: unknown): v is Role => v === 'dominant' || v === 'submissive';

/** The parts of a view the screens read without further checks. */
export function isSceneView(v: unknown): v is SceneView {
  if (!isRecord(v)) return false;
  return (
    typeof v.sceneId === 'string' &&
    typeof v.phase === 'string' &&
    typeof v.now === 'number' &&
    isRecord(v.agreement) &&
    isRecord(v.setup) &&
    isRecord(v.checkIn) &&
    isRecord(v.presence) &&
    isRecord(v.limits) &&
    isRecord(v.applied) &&
    Array.isArray(v.devices)
  );
}

const isEffect = (v: unknown): v is Effect =>
  isRecord(v) && typeof v.type === 'string' && typeof v.at === 'number';

export function parseServerFrame(text: unknown): ServerFrame | null {
  if (typeof text !== 'string') return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  switch (data.type) {
    case 'welcome':
      if (!isRole(data.role) || typeof data.sceneId !== 'string' || !isSeq(data.lastSeq))
        return null;
      if (!isSceneView(data.view)) return null;
      return {
        type: 'welcome',
        role: data.role,
        sceneId: data.sceneId,
        lastSeq: data.lastSeq,
        view: data.view,
      };
    case 'view': {
      if (!isSceneView(data.view)) return null;
      const effects = Array.isArray(data.effects) ? data.effects.filter(isEffect) : [];
      return { type: 'view', view: data.view, effects };
    }
    case 'ack':
      return isSeq(data.seq) ? { type: 'ack', seq: data.seq } : null;
    case 'error': {
      if (typeof data.code !== 'string' || typeof data.message !== 'string') return null;
      // An unknown code is still an error worth showing; the type keeps the known names.
      const code = data.code as ErrorCode;
      return isSeq(data.seq)
        ? { type: 'error', code, message: data.message, seq: data.seq }
        : { type: 'error', code, message: data.message };
    }
    case 'bye':
      return { type: 'bye', reason: typeof data.reason === 'string' ? data.reason : '' };
    default:
      return null;
  }
}
