/**
 * Soft tones made on the spot with WebAudio: no sound files, nothing fetched (P1). Shared by the
 * console's reminder chime and the panel's prompt cues. Every call is safe where audio is
 * missing or refused: it does nothing, and the screen still shows what the sound was for.
 */
type AudioContextCtor = new () => AudioContext;

/** A new AudioContext, or null where the browser has none (older Safari names it webkit…). */
export function createAudioContext(): AudioContext | null {
  try {
    const w = globalThis as unknown as {
      AudioContext?: AudioContextCtor;
      webkitAudioContext?: AudioContextCtor;
    };
    const Ctor = w.AudioContext ?? w.webkitAudioContext;
    return Ctor === undefined ? null : new Ctor();
  } catch {
    return null;
  }
}

/** Browsers start audio suspended until a touch; asking again is harmless. */
export function wake(ctx: AudioContext): void {
  try {
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  } catch {
    // Stays silent; nothing else depends on it.
  }
}

export type Tone = Readonly<{
  frequency: number;
  /** When it starts, in the context's time (seconds). */
  at: number;
  /** Peak gain, 0–1: a nudge is quiet, a prompt a little louder. */
  peak: number;
  /** How long it sounds, in seconds, fade included. */
  seconds: number;
}>;

/** One sine tone with a soft attack and a fade: a chime, not an alarm. */
export function playTone(ctx: AudioContext, { frequency, at, peak, seconds }: Tone): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(peak, at + Math.min(0.04, seconds / 5));
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds + 0.05);
}
