import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../errors/app-error.ts';
import '../errors/errors.messages.ts';
import { translate } from '../i18n/messages.ts';

/** The problem+json body (RFC 9457) every error response carries. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Maps an Ajv schema error to our field problem, so validation messages are bilingual too. */
function fieldFromAjv(error: AjvError, context: string | undefined): FieldProblem {
  const base = `/${context ?? 'body'}${error.instancePath}`;
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return { path: `${base}/${String(p.missingProperty)}`, code: 'validation.required' };
    case 'additionalProperties':
      return {
        path: `${base}/${String(p.additionalProperty)}`,
        code: 'validation.unknown_field',
        params: { field: p.additionalProperty },
      };
    case 'type':
      return { path: base, code: 'validation.type', params: { type: p.type } };
    case 'format':
      return { path: base, code: 'validation.format', params: { format: p.format } };
    case 'minLength':
    case 'minItems':
      return { path: base, code: 'validation.min_length', params: { limit: p.limit } };
    case 'maxLength':
    case 'maxItems':
      return { path: base, code: 'validation.max_length', params: { limit: p.limit } };
    case 'pattern':
      return { path: base, code: 'validation.pattern' };
    case 'enum':
      return {
        path: base,
        code: 'validation.enum',
        params: { allowed: Array.isArray(p.allowedValues) ? p.allowedValues.join(', ') : '' },
      };
    case 'const':
      return { path: base, code: 'validation.enum', params: { allowed: String(p.allowedValue) } };
    case 'minimum':
      return { path: base, code: 'validation.minimum', params: { limit: p.limit } };
    case 'maximum':
      return { path: base, code: 'validation.maximum', params: { limit: p.limit } };
    default:
      return { path: base, code: 'validation.other' };
  }
}

// PostgreSQL refuses text it cannot store (a NUL character, an invalid byte sequence): that is the
// client's text, not a fault of ours, whichever route passed it on.
const BAD_TEXT_SQLSTATES = new Set(['22021', '22P05']);

/** Turns any thrown error into an AppError (4xx) or undefined (a real fault: 500). */
function toAppError(
  error: FastifyError & { validation?: AjvError[]; validationContext?: string },
  bodyLimit: number,
) {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const fields = error.validation.map((item) => fieldFromAjv(item, error.validationContext));
    // anyOf/oneOf produce one entry per branch; keep each path once.
    const unique = fields.filter(
      (f, i) => fields.findIndex((g) => g.path === f.path && g.code === f.code) === i,
    );
    return new AppError(400, 'request.invalid', {}, unique);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'request.malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'request.too_large', { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'request.unsupported_media_type');
    default:
      break;
  }
  if (BAD_TEXT_SQLSTATES.has(String(error.code))) return new AppError(400, 'request.bad_characters');
  if (error instanceof SyntaxError && error.statusCode === 400)
    return new AppError(400, 'request.malformed_json');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode, 'request.invalid');
  }
  return undefined;
}

/** Writes a problem+json response in the request's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = request.locale;
  const body: ProblemBody = {
    type: `urn:zhengshu:problem:${error.code}`,
    title: translate(error.code, locale, error.params),
    status: error.status,
    code: error.code,
    detail: translate(error.code, locale, error.params),
    requestId: String(request.id),
  };
  if (error.fields.length > 0) {
    body.errors = error.fields.map((field) => ({
      path: field.path,
      message: translate(field.code, locale, field.params ?? {}),
    }));
  }
  // A 429 (and a 503 that knows) says when to come back, in seconds.
  if ((error.status === 429 || error.status === 503) && typeof error.params.seconds === 'number') {
    reply.header('retry-after', String(error.params.seconds));
  }
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Installs the error and not-found handlers: 4xx problem+json for mistakes, 500 without internals. */
export function installProblemHandlers(app: FastifyInstance, bodyLimit: number) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, bodyLimit);
    if (appError) return sendProblem(request, reply, appError);
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, new AppError(500, 'server.internal', { requestId: request.id }));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new AppError(404, 'request.not_found', { method: request.method, url: request.url }),
    ),
  );
}
