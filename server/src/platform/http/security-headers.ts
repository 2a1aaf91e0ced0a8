// Security headers on every response, API and web UI alike. No helmet dependency: the set is
// small and fixed, and one hook keeps it cheap (the header values are built once).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { AppInstance } from './types.ts';

/**
 * The Content-Security-Policy of the console. Vite's build emits only external module scripts
 * (no inline script, no eval), so scripts are 'self'. Ant Design writes its CSS-in-JS into
 * <style> elements at run time, which needs 'unsafe-inline' for styles (not for scripts).
 * Icons and empty states are inline SVG or data: images; downloads are blob: URLs.
 */
export function contentSecurityPolicy(tls: boolean): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (tls) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** The headers every response carries, for a configuration. */
export function securityHeaders(config: Pick<Config, 'secureCookies' | 'hstsMaxAgeSeconds'>) {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(config.secureCookies),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-permitted-cross-domain-policies': 'none',
  };
  // HSTS only over HTTPS: sent over plain HTTP it would lock browsers out of a test install.
  if (config.secureCookies && config.hstsMaxAgeSeconds > 0) {
    headers['strict-transport-security'] = `max-age=${config.hstsMaxAgeSeconds}; includeSubDomains`;
  }
  return headers;
}

/**
 * Sets the security headers first thing on every request, so that answers of every kind (errors,
 * 404s, static files, the API docs, whose Swagger UI also loads only external scripts) carry them.
 */
export function installSecurityHeaders(app: AppInstance, config: Config) {
  const headers = securityHeaders(config);
  app.addHook('onRequest', async (_request: FastifyRequest, reply: FastifyReply) => {
    reply.headers(headers);
  });
}
