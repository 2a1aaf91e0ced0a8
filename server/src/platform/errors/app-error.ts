/** One field-level problem inside a 4xx response (JSON pointer-like path + message key). */
export interface FieldProblem {
  /** Where the problem is, e.g. `/body/creditCode`. */
  path: string;
  /** Message key, translated when the response is written. */
  code: string;
  params?: Record<string, unknown>;
}

/**
 * An expected failure that becomes a problem+json response: a user's mistake (4xx) with a message
 * key that is translated into the caller's language. Anything else thrown is a 500.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** 400 with field problems. */
export function invalid(
  code: string,
  fields: FieldProblem[] = [],
  params: Record<string, unknown> = {},
): AppError {
  return new AppError(400, code, params, fields);
}

/** 404 for a missing thing; `what` is a message key naming it (e.g. `what.department`). */
export function notFound(what: string): AppError {
  return new AppError(404, 'resource.not_found', { what });
}

/** 409 for a conflict with the current state. */
export function conflict(code: string, params: Record<string, unknown> = {}): AppError {
  return new AppError(409, code, params);
}
