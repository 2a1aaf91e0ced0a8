import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

/** A labelled text input with an optional hint and the error beside it (tied by aria-describedby). */
export function Field({
  label,
  error,
  hint,
  name,
  ...input
}: {
  label: string;
  error?: string | undefined;
  hint?: string;
  name: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'pt-field pt-field-invalid' : 'pt-field'} data-field={name}>
      <label htmlFor={id}>
        {label}
        {input.required && (
          <span className="pt-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        data-testid={`field-${name}`}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="pt-field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="pt-field-error" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The ids a field's hint and error get, and the aria-describedby naming them. */
function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and error lines under it. */
function HintAndError({
  id,
  name,
  hint,
  error,
}: {
  id: string;
  name: string;
  hint?: string;
  error?: string;
}) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="pt-field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="pt-field-error" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </>
  );
}

/** A labelled multi-line text with an optional hint and the error beside it. */
export function TextAreaField({
  label,
  error,
  hint,
  name,
  ...area
}: {
  label: string;
  error?: string | undefined;
  hint?: string;
  name: string;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>) {
  const id = useId();
  return (
    <div className={error ? 'pt-field pt-field-invalid' : 'pt-field'} data-field={name}>
      <label htmlFor={id}>
        {label}
        {area.required && (
          <span className="pt-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={`field-${name}`}
        {...area}
      />
      <HintAndError id={id} name={name} hint={hint} error={error} />
    </div>
  );
}

/** One choice of a ChoiceGroup. */
export interface Choice {
  value: string;
  label: string;
  /** A second, quieter line (e.g. a field name). */
  note?: string;
}

/**
 * Checkboxes as a fieldset whose legend names them, with the hint and the error tied to the group
 * (aria-describedby), each box reachable by Tab and toggled by Space.
 */
export function ChoiceGroup({
  legend,
  name,
  choices,
  value,
  onChange,
  error,
  hint,
  required,
  toolbar,
}: {
  legend: string;
  name: string;
  choices: Choice[];
  value: string[];
  onChange(value: string[]): void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  /** Buttons above the boxes (select all / none). */
  toolbar?: ReactNode;
}) {
  const id = useId();
  const toggle = (choice: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== choice), choice] : value.filter((v) => v !== choice));
  return (
    <fieldset
      className={error ? 'pt-field pt-choices pt-field-invalid' : 'pt-field pt-choices'}
      data-field={name}
      data-testid={`field-${name}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>
        {legend}
        {required && (
          <span className="pt-required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </legend>
      {toolbar}
      <div className="pt-choice-list">
        {choices.map((choice) => (
          <label key={choice.value} className="pt-choice">
            <input
              type="checkbox"
              name={name}
              value={choice.value}
              checked={value.includes(choice.value)}
              onChange={(event) => toggle(choice.value, event.target.checked)}
            />
            <span>
              {choice.label}
              {choice.note && <span className="pt-muted pt-small"> {choice.note}</span>}
            </span>
          </label>
        ))}
      </div>
      <HintAndError id={id} name={name} hint={hint} error={error} />
    </fieldset>
  );
}
