import { useState } from 'react';
import { isCodeShaped, normalizeCode } from './code';
import './code-field.css';

/** What was typed, the code it stands for, and whether it has a code's shape yet. */
export function useTypedCode(initial = '') {
  const [typed, setTyped] = useState(initial);
  const code = normalizeCode(typed);
  return { typed, setTyped, code, shaped: isCodeShaped(code) };
}

/**
 * The pairing-code box, the same on the start page and the pairing page: large, spaced letters,
 * no autocorrect or autofill, forgiving of case, spaces and dashes (normalizeCode).
 */
export function CodeField({
  id,
  label,
  value,
  onChange,
  help,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (typed: string) => void;
  /** Says what a code looks like; an example as a placeholder would look like one already typed. */
  help?: string;
}) {
  const helpId = `${id}-help`;
  return (
    <div className="field code-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid="pair-code-input"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        inputMode="text"
        maxLength={12}
        aria-describedby={help === undefined ? undefined : helpId}
      />
      {help !== undefined && (
        <span id={helpId} className="muted">
          {help}
        </span>
      )}
    </div>
  );
}
