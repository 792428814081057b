import { createAudioContext, playTone, wake } from '../sound/tone';
import { vibrationFor, type Cue } from './cues';

/**
 * Vibration, a short tone and an optional spoken prompt, each only where the browser has it.
 * The tone comes from sound/tone.ts (WebAudio, nothing fetched). Browsers only allow
 * sound after a touch, so `unlock` is called from the panel's first pointerdown.
 */
export type CuePlayer = { unlock(): void; play(cue: Cue, speak: boolean): void; close(): void };

export function createCuePlayer(): CuePlayer {
  let ctx: AudioContext | null = null;
  return {
    unlock() {
      ctx ??= createAudioContext();
      if (ctx !== null) wake(ctx);
    },
    play(cue, speak) {
      try {
        if ('vibrate' in navigator) navigator.vibrate(vibrationFor(cue));
      } catch {
        // Not every browser lets a page vibrate.
      }
      try {
        if (ctx !== null && ctx.state === 'running') {
          const at = ctx.currentTime + 0.01;
          playTone(ctx, { frequency: 660, at, peak: 0.18, seconds: 0.25 });
          if (cue.urgent)
            playTone(ctx, { frequency: 880, at: at + 0.3, peak: 0.18, seconds: 0.25 });
        }
      } catch {
        // No sound then; the screen and vibration still show it.
      }
      try {
        if (speak && 'speechSynthesis' in window) {
          window.speechSynthesis.cancel();
          const utterance = new SpeechSynthesisUtterance(cue.text);
          utterance.rate = 0.95;
          window.speechSynthesis.speak(utterance);
        }
      } catch {
        // No voice on this browser.
      }
    },
    close() {
      void ctx?.close().catch(() => undefined);
      ctx = null;
    },
  };
}
