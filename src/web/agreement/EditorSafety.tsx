import type { Action } from './agreement-form';
import type { SectionProps } from './EditorLimits';
import { Choice, Group, NumberField, TextField, Toggle } from './form-fields';

const ACTIONS: readonly (readonly [Action, string])[] = [
  ['red', 'stops the scene (red)'],
  ['yellow', 'slows it down (yellow)'],
];

/** Safewords, the panel's signals, restraint, reminders and sensors. */
export function SafetySection({ form, set, errors }: SectionProps) {
  return (
    <>
      <Group title="Safewords" section="safewords">
        <p className="muted">
          Red on the panel always stops everything, whatever is agreed here; it cannot be switched
          off.
        </p>
        <TextField
          path="safewords.red"
          label="Spoken word for stop (red)"
          help="Said aloud, it stops everything at once."
          value={form.red}
          maxLength={40}
          onChange={(red) => {
            set({ red });
          }}
          error={errors['safewords.red']}
        />
        <TextField
          path="safewords.yellow"
          label="Spoken word for slow down (yellow)"
          help="Must differ from the stop word."
          value={form.yellow}
          maxLength={40}
          onChange={(yellow) => {
            set({ yellow });
          }}
          error={errors['safewords.yellow']}
        />
        <TextField
          path="safewords.nonVerbal"
          label="Signal when speaking is not possible"
          help="For example: dropping a ball held in the hand. Leave blank if none."
          value={form.nonVerbal}
          maxLength={200}
          onChange={(nonVerbal) => {
            set({ nonVerbal });
          }}
          error={errors['safewords.nonVerbal']}
        />
        <NumberField
          path="yellow.factor"
          label="Yellow lowers every output to"
          unit="% of its level"
          help="And holds it there until the receiver’s green."
          value={form.yellowPercent}
          onChange={(yellowPercent) => {
            set({ yellowPercent });
          }}
          error={errors['yellow.factor']}
        />
      </Group>
      <Group title="Panel signals" section="safewords">
        <Toggle
          id="f-signals-holdToContinue"
          label="Hold to continue"
          hint="The receiver keeps a finger on the panel; letting go for longer than the grace time acts."
          checked={form.holdOn}
          onChange={(holdOn) => {
            set({ holdOn });
          }}
        />
        {form.holdOn && (
          <>
            <NumberField
              path="signals.holdToContinue.graceMs"
              label="Grace after letting go"
              unit="seconds"
              help="0.2–10 seconds: a short slip of the finger does nothing."
              value={form.holdGraceSeconds}
              onChange={(holdGraceSeconds) => {
                set({ holdGraceSeconds });
              }}
              error={errors['signals.holdToContinue.graceMs']}
            />
            <Choice
              path="signals.holdToContinue.action"
              label="Letting go"
              help="What happens when the grace time has passed."
              value={form.holdAction}
              options={ACTIONS}
              onChange={(holdAction) => {
                set({ holdAction });
              }}
              error={errors['signals.holdToContinue.action']}
            />
          </>
        )}
        <Toggle
          id="f-signals-tapPattern"
          label="Tap pattern"
          hint="Quick taps anywhere on the panel."
          checked={form.tapsOn}
          onChange={(tapsOn) => {
            set({ tapsOn });
          }}
        />
        {form.tapsOn && (
          <>
            <NumberField
              path="signals.tapPattern.taps"
              label="Number of taps"
              unit="taps"
              help="2–10 taps."
              value={form.taps}
              onChange={(taps) => {
                set({ taps });
              }}
              error={errors['signals.tapPattern.taps']}
            />
            <NumberField
              path="signals.tapPattern.withinMs"
              label="All within"
              unit="seconds"
              help="0.3–10 seconds."
              value={form.tapsWithinSeconds}
              onChange={(tapsWithinSeconds) => {
                set({ tapsWithinSeconds });
              }}
              error={errors['signals.tapPattern.withinMs']}
            />
            <Choice
              path="signals.tapPattern.action"
              label="The taps"
              help="What the pattern does."
              value={form.tapsAction}
              options={ACTIONS}
              onChange={(tapsAction) => {
                set({ tapsAction });
              }}
              error={errors['signals.tapPattern.action']}
            />
          </>
        )}
        <NumberField
          path="panel.heartbeatTimeoutSeconds"
          label="Stop if the panel is silent for"
          unit="seconds"
          help="A lost panel means a lost stop button: the scene stops by itself."
          value={form.heartbeatSeconds}
          onChange={(heartbeatSeconds) => {
            set({ heartbeatSeconds });
          }}
          error={errors['panel.heartbeatTimeoutSeconds']}
        />
      </Group>
      <Group title="Restraint" section="restraint">
        <Toggle
          id="f-restraint-used"
          label="Restraint is used"
          hint="Keep safety shears or the release within reach."
          checked={form.restraintUsed}
          onChange={(restraintUsed) => {
            set({ restraintUsed });
          }}
        />
        {form.restraintUsed && (
          <NumberField
            path="restraint.checkIntervalSeconds"
            label="Check circulation and comfort every"
            unit="minutes"
            help="The console reminds the dominant at this interval."
            value={form.restraintCheckMinutes}
            onChange={(restraintCheckMinutes) => {
              set({ restraintCheckMinutes });
            }}
            error={errors['restraint.checkIntervalSeconds']}
          />
        )}
      </Group>
      <Group title="Lubricant" section="lubrication">
        <Toggle
          id="f-lubricant"
          label="Remind us about lubricant"
          hint="Friction hurts more as a scene goes on, and more so after an orgasm."
          checked={form.lubricantOn}
          onChange={(lubricantOn) => {
            set({ lubricantOn });
          }}
        />
        {form.lubricantOn && (
          <NumberField
            path="lubricant.reminderIntervalSeconds"
            label="Remind every"
            unit="minutes"
            help="1–60 minutes."
            value={form.lubricantMinutes}
            onChange={(lubricantMinutes) => {
              set({ lubricantMinutes });
            }}
            error={errors['lubricant.reminderIntervalSeconds']}
          />
        )}
      </Group>
      <Group title="Sensors" section="distress">
        <Toggle
          id="f-detection"
          label="Agree on what sensors may do"
          hint="Without this, orgasms are marked by hand and sensors only inform."
          checked={form.detectionOn}
          onChange={(detectionOn) => {
            set({ detectionOn });
          }}
        />
        {form.detectionOn && (
          <>
            <Choice
              path="detection.sensorOrgasm"
              label="An orgasm a sensor detects"
              help="Asking the dominant is the cautious choice."
              value={form.sensorOrgasm}
              options={[
                ['ask-dominant', 'is suggested; the dominant confirms it'],
                ['start-post-orgasm', 'starts the post-orgasm phase'],
              ]}
              onChange={(sensorOrgasm) => {
                set({ sensorOrgasm });
              }}
              error={errors['detection.sensorOrgasm']}
            />
            <Toggle
              id="f-detection-distress"
              label="Act on a high heart rate"
              hint="Otherwise signs of distress only prompt the dominant to check in."
              checked={form.distressOn}
              onChange={(distressOn) => {
                set({ distressOn });
              }}
            />
            {form.distressOn && (
              <>
                <NumberField
                  path="detection.distress.hrCeilingBpm"
                  label="Heart rate above"
                  unit="bpm"
                  help="80–220 beats a minute."
                  value={form.hrCeilingBpm}
                  onChange={(hrCeilingBpm) => {
                    set({ hrCeilingBpm });
                  }}
                  error={errors['detection.distress.hrCeilingBpm']}
                />
                <NumberField
                  path="detection.distress.sustainSeconds"
                  label="For at least"
                  unit="seconds"
                  help="5–300 seconds, so a brief peak does not count."
                  value={form.sustainSeconds}
                  onChange={(sustainSeconds) => {
                    set({ sustainSeconds });
                  }}
                  error={errors['detection.distress.sustainSeconds']}
                />
                <Choice
                  path="detection.distress.action"
                  label="Then it"
                  help="The dominant is told either way."
                  value={form.distressAction}
                  options={ACTIONS}
                  onChange={(distressAction) => {
                    set({ distressAction });
                  }}
                  error={errors['detection.distress.action']}
                />
              </>
            )}
          </>
        )}
      </Group>
      <Group title="Aftercare" section="aftercare">
        <NumberField
          path="aftercare.minutes"
          label="Aftercare for at least"
          unit="minutes"
          help="Calm time together after any stop."
          value={form.aftercareMinutes}
          onChange={(aftercareMinutes) => {
            set({ aftercareMinutes });
          }}
          error={errors['aftercare.minutes']}
        />
        <TextField
          path="aftercare.items"
          label="Aftercare wishes, one a line"
          help="Water, a blanket, being held, talking it over…"
          value={form.aftercareItems}
          maxLength={10_000}
          multiline
          onChange={(aftercareItems) => {
            set({ aftercareItems });
          }}
          error={errors['aftercare.items']}
        />
      </Group>
      <Group title="Notes" section="bring-it-up">
        <TextField
          path="notes"
          label="Anything else you agreed"
          help="Shown to both of you during the scene and in print."
          value={form.notes}
          maxLength={2000}
          multiline
          onChange={(notes) => {
            set({ notes });
          }}
          error={errors.notes}
        />
      </Group>
    </>
  );
}
