import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';
import type { Translate } from '../i18n/index.tsx';

/** The sentence to show for a failed call: the server's own `detail` (already in the user's language). */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('common.networkError');
    if (error.detail) return error.detail;
    return t('common.unexpectedError', { status: error.status });
  }
  return t('common.unexpectedError', { status: '?' });
}

/** The form field a refusal's path names by default: `/body/<field>` (nested paths name their first step). */
const bodyField = (path: string): string | undefined => /^\/body\/([^/]+)/.exec(path)?.[1];

/**
 * Puts the field errors of a refusal next to the form's fields: by default those naming
 * `/body/<field>`; `fieldOf` reads other paths (e.g. `/body/rule/<field>` of a nested object).
 * Returns the errors that matched no field of the form, to be shown another way.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  fieldOf: (path: string) => string | undefined = bodyField,
): string[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const problem of error.errors) {
    const field = fieldOf(problem.path);
    if (field && fields.includes(field)) {
      byField.set(field, [...(byField.get(field) ?? []), problem.message]);
    } else {
      unmatched.push(field ? `${field}: ${problem.message}` : problem.message);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}

/**
 * Shows a refusal on a form: its field errors beside their fields ({@link applyFieldErrors}), and
 * returns the sentence for a message above the form — the errors no field took, or the refusal
 * itself when none did; null when every error stands beside its field.
 */
export function placeRefusal(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  t: Translate,
  fieldOf?: (path: string) => string | undefined,
): string | null {
  const unmatched = applyFieldErrors(form, error, fields, fieldOf);
  const placed = error instanceof ApiError ? error.errors.length - unmatched.length : 0;
  if (placed === 0) return [errorText(error, t), ...unmatched].join('；');
  return unmatched.length > 0 ? unmatched.join('；') : null;
}
