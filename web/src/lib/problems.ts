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

/**
 * Puts the field errors of a 400 answer (`/body/<field>`) next to the form's fields.
 * Returns the errors that matched no field of the form, to be shown another way.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, fields: readonly string[]): string[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const problem of error.errors) {
    const match = /^\/body\/([^/]+)/.exec(problem.path);
    const field = match?.[1];
    if (field && fields.includes(field)) {
      byField.set(field, [...(byField.get(field) ?? []), problem.message]);
    } else {
      unmatched.push(field ? `${field}: ${problem.message}` : problem.message);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}
