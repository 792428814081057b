import { vibrationFor, type Cue } from './cues';

/**
 * Vibration, a short tone and an optional spoken prompt, each only where the browser has it.
 * The tone is made here with WebAudio (no sound files, nothing fetched). Browsers only allow
 * sound after a touch, so `unlock` is called from the panel's first pointerdown.
 */
export type CuePlayer = { unlock(): void; play(cue: Cue, speak: boolean): void; close(): void };

type AudioContextCtor = new () => AudioContext;

function audioContextCtor(): AudioContextCtor | null {
  const w = window as unknown as {
    AudioContext?: AudioContextCtor;
    webkitAudioContext?: AudioContextCtor;
  };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

function beep(ctx: AudioContext, startAt: number, frequency: number): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.value = frequency;
  // A soft attack and release: a chime, not an alarm.
  gain.gain.setValueAtTime(0, startAt);
  gain.gain.linearRampToValueAtTime(0.18, startAt + 0.02);
  gain.gain.linearRampToValueAtTime(0, startAt + 0.22);
  osc.connect(gain).connect(ctx.destination);
  osc.start(startAt);
  osc.stop(startAt + 0.25);
}

export function createCuePlayer(): CuePlayer {
  let ctx: AudioContext | null = null;
  return {
    unlock() {
      try {
        if (ctx === null) {
          const Ctor = audioContextCtor();
          if (Ctor !== null) ctx = new Ctor();
        }
        if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
      } catch {
        ctx = null;
      }
    },
    play(cue, speak) {
      try {
        if ('vibrate' in navigator) navigator.vibrate(vibrationFor(cue));
      } catch {
        // Not every browser lets a page vibrate.
      }
      try {
        if (ctx !== null && ctx.state === 'running') {
          const t = ctx.currentTime + 0.01;
          beep(ctx, t, 660);
          if (cue.urgent) beep(ctx, t + 0.3, 880);
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
