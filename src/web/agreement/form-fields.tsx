import type { ReactNode } from 'react';

/**
 * The editor's building blocks: every input has a visible label, a short help line, a "Why?"
 * link to the guide, and its problem right below it (`field-error-<path>`), tied to the input by
 * aria-describedby.
 */
export type GuideSection =
  | 'what-it-is'
  | 'edging'
  | 'roles'
  | 'talk-first'
  | 'safewords'
  | 'start-slow'
  | 'check-ins'
  | 'distress'
  | 'restraint'
  | 'lubrication'
  | 'aftercare'
  | 'faq'
  | 'bring-it-up';

export const inputId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
const helpId = (path: string) => `${inputId(path)}-help`;
const errorId = (path: string) => `${inputId(path)}-error`;

export function Why({ section, topic }: { section: GuideSection; topic: string }) {
  return (
    <a className="why" href={`#/guide/${section}`} aria-label={`Why? ${topic}, in the guide`}>
      Why?
    </a>
  );
}

export function FieldError({ path, error }: { path: string; error: string | undefined }) {
  if (error === undefined) return null;
  return (
    <span id={errorId(path)} className="field-error" data-testid={`field-error-${path}`}>
      {error}
    </span>
  );
}

export function describedBy(path: string, error: string | undefined, help = true): string {
  return [help ? helpId(path) : '', error === undefined ? '' : errorId(path)]
    .filter((x) => x !== '')
    .join(' ');
}

export function Help({ path, children }: { path: string; children: ReactNode }) {
  return (
    <span id={helpId(path)} className="muted field-help">
      {children}
    </span>
  );
}

/** A typed number (kept as text while typed) with its unit after it. */
export function NumberField({
  path,
  label,
  unit,
  help,
  value,
  onChange,
  error,
  disabled = false,
  placeholder,
}: {
  path: string;
  label: string;
  unit: string;
  help: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  disabled?: boolean;
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={inputId(path)}>{label}</label>
      <span className="with-unit">
        <input
          id={inputId(path)}
          inputMode="decimal"
          autoComplete="off"
          value={value}
          disabled={disabled}
          placeholder={placeholder}
          aria-invalid={error !== undefined}
          aria-describedby={describedBy(path, error)}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
        <span aria-hidden="true">{unit}</span>
      </span>
      <Help path={path}>{help}</Help>
      <FieldError path={path} error={error} />
    </div>
  );
}

export function TextField({
  path,
  label,
  help,
  value,
  onChange,
  error,
  maxLength,
  multiline = false,
}: {
  path: string;
  label: string;
  help: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  maxLength: number;
  multiline?: boolean;
}) {
  const common = {
    id: inputId(path),
    value,
    maxLength,
    'aria-invalid': error !== undefined,
    'aria-describedby': describedBy(path, error),
  };
  return (
    <div className="field">
      <label htmlFor={inputId(path)}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          rows={4}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      ) : (
        <input
          {...common}
          autoComplete="off"
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      )}
      <Help path={path}>{help}</Help>
      <FieldError path={path} error={error} />
    </div>
  );
}

export function Choice<T extends string>({
  path,
  label,
  help,
  value,
  options,
  onChange,
  error,
}: {
  path: string;
  label: string;
  help: ReactNode;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
  error: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={inputId(path)}>{label}</label>
      <select
        id={inputId(path)}
        value={value}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy(path, error)}
        onChange={(e) => {
          const picked = options.find(([v]) => v === e.target.value);
          if (picked !== undefined) onChange(picked[0]);
        }}
      >
        {options.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
      <Help path={path}>{help}</Help>
      <FieldError path={path} error={error} />
    </div>
  );
}

export function Toggle({
  id,
  label,
  hint,
  checked,
  onChange,
  describedBy: described,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  describedBy?: string;
}) {
  return (
    <label className="check-row" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        className="big-check"
        checked={checked}
        aria-describedby={described === '' ? undefined : described}
        onChange={(e) => {
          onChange(e.target.checked);
        }}
      />
      <span>
        {label}
        {hint !== undefined && <span className="muted check-hint">{hint}</span>}
      </span>
    </label>
  );
}

/** A titled group of fields with its "Why?" link. */
export function Group({
  title,
  section,
  children,
}: {
  title: string;
  section: GuideSection;
  children: ReactNode;
}) {
  return (
    <fieldset className="card stack agreement-group">
      <legend>
        {title} <Why section={section} topic={title} />
      </legend>
      {children}
    </fieldset>
  );
}
