import { createAudioContext, playTone, wake } from '../sound/tone';

/**
 * A soft two-note chime for reminders. Quiet on purpose: a nudge, not an alarm. Silently does
 * nothing where audio is unavailable; the reminder is on screen anyway.
 */
let context: AudioContext | null = null;

export function playSoftChime(): void {
  try {
    context ??= createAudioContext();
    if (context === null) return;
    wake(context);
    const start = context.currentTime + 0.02;
    playTone(context, { frequency: 523.25, at: start, peak: 0.06, seconds: 0.6 });
    playTone(context, { frequency: 659.25, at: start + 0.25, peak: 0.06, seconds: 0.6 });
  } catch {
    // No audio here.
  }
}
