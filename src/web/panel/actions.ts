import type { ClientFrameBody } from '../../protocol/frames';
import type { SceneView } from '../../protocol/view';
import { isAfterStop } from '../../core/scene/phases';

export type PanelButton = 'red' | 'yellow' | 'green';

/** A check-in is waiting for the receiver's answer. */
export function checkInOpen(view: SceneView | null): boolean {
  return view !== null && view.checkIn.promptedAt !== null;
}

/**
 * What each button sends. While a check-in is open the three buttons answer it; otherwise red
 * and yellow are safewords, and green is a check-in answer, which the core takes as the fresh
 * green that resumes after a yellow or a pause (S6). With no view yet, red is still a red.
 */
export function frameFor(button: PanelButton, view: SceneView | null): ClientFrameBody {
  const answering = checkInOpen(view);
  switch (button) {
    case 'red':
      return answering ? { type: 'checkin', answer: 'red' } : { type: 'safeword', word: 'red' };
    case 'yellow':
      return answering
        ? { type: 'checkin', answer: 'yellow' }
        : { type: 'safeword', word: 'yellow' };
    case 'green':
      return { type: 'checkin', answer: 'green' };
  }
}

/** Yellow and green only mean something until the scene has stopped; red is always there (S4). */
export function showsYellowAndGreen(view: SceneView | null): boolean {
  return view === null || !isAfterStop(view.phase);
}

/** The scene is held low or at zero until the receiver's fresh green. */
export function waitingForGreen(view: SceneView | null): 'yellow' | 'paused' | null {
  if (view === null || isAfterStop(view.phase)) return null;
  if (view.paused !== null) return 'paused';
  return view.yellow ? 'yellow' : null;
}
