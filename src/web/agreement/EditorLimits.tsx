import type { AgreementForm } from './agreement-form';
import { Choice, Group, NumberField } from './form-fields';

/** The limits the governor enforces: ceilings, ramp, phases, orgasms. */
export type SectionProps = Readonly<{
  form: AgreementForm;
  set: (change: Partial<AgreementForm>) => void;
  errors: Readonly<Record<string, string>>;
}>;

const KIND_WORDS: Readonly<Record<string, string>> = {
  vibrate: 'Vibration',
  rotate: 'Rotation',
  oscillate: 'Oscillation (thrusting)',
  constrict: 'Constriction (squeezing)',
  position: 'Position (strokers)',
  temperature: 'Temperature',
};

export function LimitsSection({ form, set, errors }: SectionProps) {
  return (
    <>
      <Group title="Intensity ceilings" section="start-slow">
        <p className="muted">
          The most each kind of output may ever reach, in percent of the toy’s full power. A kind
          left unticked stays off.
        </p>
        {form.outputs.map((row, i) => {
          const path = `outputs.${row.kind}.ceiling`;
          const update = (change: Partial<typeof row>) => {
            set({ outputs: form.outputs.map((r, k) => (k === i ? { ...r, ...change } : r)) });
          };
          return (
            <div key={row.kind} className="output-row">
              <label className="check-row">
                <input
                  type="checkbox"
                  className="big-check"
                  checked={row.allowed}
                  onChange={(e) => {
                    update({ allowed: e.target.checked });
                  }}
                />
                <span>{KIND_WORDS[row.kind] ?? row.kind} allowed</span>
              </label>
              {row.allowed && (
                <NumberField
                  path={path}
                  label={`${KIND_WORDS[row.kind] ?? row.kind}: ceiling`}
                  unit="%"
                  help="0–100. Lower is gentler; the governor never goes above it."
                  value={row.percent}
                  onChange={(percent) => {
                    update({ percent });
                  }}
                  error={errors[path]}
                />
              )}
            </div>
          );
        })}
        {errors.outputs !== undefined && (
          <span className="field-error" data-testid="field-error-outputs">
            {errors.outputs}
          </span>
        )}
        <NumberField
          path="rampFullScaleSeconds"
          label="Ramp: time from 0 to full"
          unit="seconds"
          help="Start slow: intensity never rises faster than this. Longer is gentler."
          value={form.rampSeconds}
          onChange={(rampSeconds) => {
            set({ rampSeconds });
          }}
          error={errors.rampFullScaleSeconds}
        />
      </Group>
      <Group title="Warm-up and play" section="edging">
        <NumberField
          path="warmUp.seconds"
          label="Warm-up length"
          unit="seconds"
          help="Gentle time at the start before play may go higher."
          value={form.warmUpSeconds}
          onChange={(warmUpSeconds) => {
            set({ warmUpSeconds });
          }}
          error={errors['warmUp.seconds']}
        />
        <NumberField
          path="warmUp.ceiling"
          label="Warm-up ceiling"
          unit="%"
          help="The most any toy reaches during warm-up."
          value={form.warmUpPercent}
          onChange={(warmUpPercent) => {
            set({ warmUpPercent });
          }}
          error={errors['warmUp.ceiling']}
        />
        <NumberField
          path="play.maxSeconds"
          label="Longest play before an orgasm"
          unit="minutes"
          placeholder="no limit"
          help="If no orgasm has come by then, the scene stops. Leave blank for no limit."
          value={form.playMinutes}
          onChange={(playMinutes) => {
            set({ playMinutes });
          }}
          error={errors['play.maxSeconds']}
        />
        <NumberField
          path="play.ceiling"
          label="Play ceiling"
          unit="%"
          help="The most any toy reaches during play."
          value={form.playPercent}
          onChange={(playPercent) => {
            set({ playPercent });
          }}
          error={errors['play.ceiling']}
        />
      </Group>
      <Group title="Orgasm and after" section="what-it-is">
        <NumberField
          path="orgasm.max"
          label="Number of orgasms"
          unit="in all"
          help="One more than this stops the scene."
          value={form.orgasmMax}
          onChange={(orgasmMax) => {
            set({ orgasmMax });
          }}
          error={errors['orgasm.max']}
        />
        <NumberField
          path="postOrgasm.maxSeconds"
          label="Longest time after the orgasm"
          unit="seconds"
          help="Stimulation after the orgasm never lasts longer than this, counted from the first orgasm."
          value={form.postOrgasmSeconds}
          onChange={(postOrgasmSeconds) => {
            set({ postOrgasmSeconds });
          }}
          error={errors['postOrgasm.maxSeconds']}
        />
        <NumberField
          path="postOrgasm.ceiling"
          label="Ceiling after the orgasm"
          unit="%"
          help="The body is much more sensitive after an orgasm: a lower ceiling is kinder."
          value={form.postOrgasmPercent}
          onChange={(postOrgasmPercent) => {
            set({ postOrgasmPercent });
          }}
          error={errors['postOrgasm.ceiling']}
        />
      </Group>
      <Group title="Check-ins" section="check-ins">
        <NumberField
          path="checkIn.intervalSeconds"
          label="Check in every"
          unit="seconds"
          help="The panel asks the receiver how they are at this interval."
          value={form.checkInSeconds}
          onChange={(checkInSeconds) => {
            set({ checkInSeconds });
          }}
          error={errors['checkIn.intervalSeconds']}
        />
        <NumberField
          path="checkIn.answerTimeoutSeconds"
          label="Time to answer"
          unit="seconds"
          help="Shorter than the interval. No answer in time counts as a missed check-in."
          value={form.answerSeconds}
          onChange={(answerSeconds) => {
            set({ answerSeconds });
          }}
          error={errors['checkIn.answerTimeoutSeconds']}
        />
        <Choice
          path="checkIn.onMissed"
          label="A missed check-in"
          help="Stopping is the cautious choice; a pause holds every toy at zero until a green."
          value={form.onMissed}
          options={[
            ['stop', 'stops the scene'],
            ['pause', 'pauses until the receiver’s green'],
          ]}
          onChange={(onMissed) => {
            set({ onMissed });
          }}
          error={errors['checkIn.onMissed']}
        />
      </Group>
    </>
  );
}
