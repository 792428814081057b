import type { Effect } from '../../core';
import type { SceneView } from '../../protocol/view';

/** Something the receiver should notice now, by screen, vibration, sound and (if chosen) voice. */
export type Cue = Readonly<{ kind: string; text: string; urgent: boolean }>;

/** Words for the prompts the panel voices; others (aftercare, debrief) show on screen anyway. */
const PROMPT_WORDS: Readonly<Record<string, { text: string; urgent: boolean }>> = {
  'check-in': { text: 'Check-in: how are you?', urgent: true },
  'green-to-resume': {
    text: 'Held low. Press green when you are ready to go on.',
    urgent: false,
  },
  'restraint-check': {
    text: 'Restraint check: can you still move your fingers and toes, and release yourself?',
    urgent: true,
  },
  lubricant: { text: 'Time to check the lubricant.', urgent: false },
};

/**
 * The cues in one effect list meant for the receiver. In solo mode the receiver also hears the
 * prompts meant for the (absent) dominant.
 */
export function cuesFor(effects: readonly Effect[], view: Pick<SceneView, 'mode'>): Cue[] {
  const cues: Cue[] = [];
  for (const effect of effects) {
    if (effect.type !== 'prompt') continue;
    const forMe = effect.to === 'submissive' || effect.to === 'both' || view.mode === 'solo';
    const words = PROMPT_WORDS[effect.prompt];
    if (!forMe || words === undefined) continue;
    if (cues.some((c) => c.kind === effect.prompt)) continue;
    cues.push({ kind: effect.prompt, ...words });
  }
  return cues;
}

/** Vibration patterns in ms: a clear double buzz for urgent cues, one short one otherwise. */
export function vibrationFor(cue: Cue): number[] {
  return cue.urgent ? [250, 120, 250] : [150];
}
