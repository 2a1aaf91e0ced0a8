import { useId, type InputHTMLAttributes } from 'react';

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
