import { reminderWords, type Reminder, type ReminderKind } from './reminders';

/** Restraint and lubricant reminders: visible until dismissed. */
export function Reminders({
  reminders,
  dismiss,
}: {
  reminders: readonly Reminder[];
  dismiss: (kind: ReminderKind) => void;
}) {
  return (
    <div aria-live="assertive" className="reminders">
      {reminders.map((r) => {
        const words = reminderWords(r.kind);
        return (
          <div
            key={r.kind}
            className="notice notice-warning reminder"
            role="alert"
            data-testid={`reminder-${r.kind}`}
          >
            <p>
              <strong>{words.title}.</strong> {words.body}
            </p>
            <button
              type="button"
              className="btn"
              data-testid={`reminder-${r.kind}-done`}
              onClick={() => {
                dismiss(r.kind);
              }}
            >
              Done
            </button>
          </div>
        );
      })}
    </div>
  );
}
