/**
 * A soft two-note chime for reminders, made on the spot (no audio files, nothing fetched). Quiet
 * on purpose: a nudge, not an alarm. Silently does nothing where audio is unavailable.
 */
let context: AudioContext | null = null;

export function playSoftChime(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    if (ctx.state === 'suspended') void ctx.resume();
    const start = ctx.currentTime + 0.02;
    [523.25, 659.25].forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const t = start + i * 0.25;
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(0.06, t + 0.04);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.65);
    });
  } catch {
    // No audio here: the reminder is still on screen.
  }
}
