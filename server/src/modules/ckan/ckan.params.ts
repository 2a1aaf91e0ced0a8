// Parameters of CKAN actions, read and checked the way CKAN's validators do (int_validator,
// natural_number_validator, convert_to_json_if_string, list_of_strings, boolean_validator), so
// that a mistake gives CKAN's error envelope and status instead of the platform's problem+json.
import type { Locale } from '../../platform/i18n/messages.ts';
import { translate } from '../../platform/i18n/messages.ts';
import './ckan.messages.ts';

/** The `__type` of a CKAN error. */
export type CkanErrorType =
  'Not Found Error' | 'Validation Error' | 'Search Query Error' | 'Authorization Error';

/** The parameters of one call: the query string of a GET or the JSON object of a POST. */
export type CkanParams = Record<string, unknown>;

/**
 * An expected failure of an action. Validation errors carry per-field messages (CKAN's error_dict);
 * the others one message. Keys are message keys, translated when the envelope is written.
 */
export class CkanError extends Error {
  constructor(
    readonly type: CkanErrorType,
    readonly key: string,
    readonly params: Record<string, unknown> = {},
    readonly fields: Record<string, { key: string; params?: Record<string, unknown> }[]> = {},
  ) {
    super(key);
    this.name = 'CkanError';
  }

  /** CKAN's HTTP status for the error type (ckan/views/api.py). */
  get status(): number {
    if (this.type === 'Authorization Error') return 403;
    return this.type === 'Not Found Error' ? 404 : this.type === 'Validation Error' ? 409 : 400;
  }

  /** The `error` object of the envelope, in the caller's language. */
  toErrorBody(locale: Locale): Record<string, unknown> {
    if (this.type === 'Validation Error') {
      const body: Record<string, unknown> = { __type: this.type };
      for (const [field, problems] of Object.entries(this.fields)) {
        body[field] = problems.map((p) => translate(p.key, locale, p.params ?? {}));
      }
      return body;
    }
    return { __type: this.type, message: translate(this.key, locale, this.params) };
  }
}

/** A validation error on one field. */
export function fieldError(field: string, key: string, params: Record<string, unknown> = {}): CkanError {
  return new CkanError('Validation Error', 'ckan.validation', {}, { [field]: [{ key, params }] });
}

/** Not found, with what was looked for. */
export function ckanNotFound(key: string, params: Record<string, unknown> = {}): CkanError {
  return new CkanError('Not Found Error', key, params);
}

/** Access denied (CKAN's NotAuthorized: 403 Authorization Error). */
export function ckanDenied(key: string, params: Record<string, unknown> = {}): CkanError {
  return new CkanError('Authorization Error', key, params);
}

/** A search query the platform cannot run (CKAN's SearchQueryError). */
export function badQuery(key: string, params: Record<string, unknown> = {}): CkanError {
  return new CkanError('Search Query Error', key, params);
}

/** An optional integer (CKAN int_validator): whole numbers or strings of them. */
export function intParam(params: CkanParams, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (text === null || !/^[+-]?\d{1,15}$/.test(text)) throw fieldError(name, 'ckan.invalid_integer');
  return Number(text);
}

/** An optional natural number (CKAN natural_number_validator: 0 or more). */
export function naturalParam(params: CkanParams, name: string): number | undefined {
  const value = intParam(params, name);
  if (value !== undefined && value < 0) throw fieldError(name, 'ckan.natural_number');
  return value;
}

/** An optional string; a list (a repeated query parameter) is a mistake. */
export function stringParam(params: CkanParams, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw fieldError(name, 'ckan.not_a_string');
  return value;
}

/** A required, non-empty string (CKAN not_missing / not_empty). */
export function requiredParam(params: CkanParams, name: string): string {
  const value = stringParam(params, name)?.trim();
  if (!value) throw fieldError(name, 'ckan.missing_value');
  return value;
}

/** An optional boolean (CKAN boolean_validator: true/false, yes/no, 1/0, on/off). */
export function booleanParam(params: CkanParams, name: string): boolean {
  const value = params[name];
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  return ['true', 'yes', 't', 'y', '1', 'on'].includes(String(value).toLowerCase());
}

/** An optional list of strings, given as a JSON list, a list or one string (CKAN convert_to_json_if_string). */
export function stringListParam(params: CkanParams, name: string): string[] | undefined {
  let value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) {
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        throw fieldError(name, 'ckan.not_json');
      }
    } else {
      value = text.split(',').map((part) => part.trim());
    }
  }
  if (!Array.isArray(value)) throw fieldError(name, 'ckan.not_a_list');
  if (!value.every((item): item is string => typeof item === 'string'))
    throw fieldError(name, 'ckan.not_a_string');
  return value.filter((item) => item.length > 0);
}

/** An optional JSON object given as an object or a JSON string (datastore `filters`). */
export function objectParam(params: CkanParams, name: string): Record<string, unknown> | undefined {
  let value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw fieldError(name, 'ckan.not_json');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fieldError(name, 'ckan.not_a_dict');
  }
  return value as Record<string, unknown>;
}
