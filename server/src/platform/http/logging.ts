import type { FastifyServerOptions } from 'fastify';

/**
 * Log paths that can hold secrets: credentials in headers (session cookie, API key, CSRF token),
 * cookies the server sets, and passwords or tokens in bodies and objects that code logs. pino
 * replaces them with "[redacted]" wherever a log line carries them.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'headers["x-csrf-token"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.csrfToken',
  '*.apiKey',
  'body.password',
  'body.currentPassword',
  'body.newPassword',
  'password',
  'token',
];

/** The Fastify logger options of the server: level, and redaction of every secret-bearing path. */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    ...(stream ? { stream } : {}),
  };
}
