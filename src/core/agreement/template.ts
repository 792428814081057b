import type { DeviceSpec } from '../scene/events';
import type { Agreement, OutputKind } from './agreement';

/**
 * Cautious defaults: a solo scene's agreement, and where a new agreement's draft starts: low ceilings,
 * a slow ramp, short post-orgasm time, frequent check-ins, a missed check-in stops, and a
 * non-verbal signal (three quick taps = red). Every value is a limit the governor enforces.
 */
export type TemplateInput = Readonly<{
  mode: 'pair' | 'solo';
  names: Readonly<{ dominant?: string | undefined; submissive: string }>;
  devices: readonly DeviceSpec[];
  /** Left out of the agreement when absent, so its text and hash stay those of before (0012). */
  detection?: Agreement['detection'];
}>;

const DEFAULT_CEILING = 0.6;

export function templateAgreement(input: TemplateInput): Agreement {
  const kinds = new Set<OutputKind>(input.devices.flatMap((d) => d.features.map((f) => f.kind)));
  if (kinds.size === 0) kinds.add('vibrate');
  const outputs: Agreement['outputs'] = {};
  for (const kind of kinds) outputs[kind] = { ceiling: DEFAULT_CEILING };
  const submissive = { id: 'receiver', name: input.names.submissive, role: 'submissive' } as const;
  const solo = input.mode === 'solo';
  return {
    version: 1,
    mode: input.mode,
    participants: solo
      ? [submissive]
      : [
          { id: 'dominant', name: input.names.dominant ?? 'Dominant', role: 'dominant' },
          submissive,
        ],
    outputs,
    rampFullScaleSeconds: 30,
    warmUp: { seconds: 60, ceiling: 0.3 },
    play: { ceiling: DEFAULT_CEILING, maxSeconds: 30 * 60 },
    orgasm: { max: 1, notBeforeSeconds: 0, early: 'post-orgasm', phaseSeconds: 5 },
    postOrgasm: { maxSeconds: 60, ceiling: 0.5 },
    checkIn: { intervalSeconds: 30, answerTimeoutSeconds: 10, onMissed: 'stop' },
    yellow: { factor: 0.5 },
    signals: {
      holdToContinue: null,
      tapPattern: { taps: 3, withinMs: 2000, action: 'red' },
    },
    panel: { heartbeatTimeoutSeconds: 5 },
    restraint: { used: false, checkIntervalSeconds: null },
    // Friction hurts more as a scene goes on, and more so after orgasm: remind every 10 minutes.
    lubricant: { reminderIntervalSeconds: 600 },
    aftercare: {
      minutes: 15,
      items: ['water', 'a warm blanket', 'holding each other', 'talking about how it went'],
    },
    plan: solo
      ? {
          warmUp: [
            { afterSeconds: 0, level: 0.15 },
            { afterSeconds: 30, level: 0.3 },
          ],
          play: [
            { afterSeconds: 0, level: 0.4 },
            { afterSeconds: 120, level: 0.6 },
          ],
          postOrgasm: [{ afterSeconds: 0, level: 0.3 }],
        }
      : null,
    ...(input.detection === undefined ? {} : { detection: input.detection }),
  };
}
