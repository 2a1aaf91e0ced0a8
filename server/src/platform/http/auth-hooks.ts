import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import { API_KEY_PREFIX, SESSION_COOKIE, type Authentication } from '../auth/authenticator.ts';
import { AppError } from '../errors/app-error.ts';
import { negotiateLocale } from '../i18n/messages.ts';
import { forbidden, mayUse, unauthenticated } from '../policy/policy.ts';
import type { Limit } from '../ratelimit/rate-limiter.ts';
import type { AppInstance } from './types.ts';
import { sendProblem } from './problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function authenticate(app: AppInstance, request: FastifyRequest): Promise<Authentication> {
  const header = request.headers.authorization;
  if (header) {
    // `Bearer <key>`; on routes that allow it (CKAN's) also the bare key, as CKAN clients send it.
    const bare = request.routeOptions.config.bareApiKey === true ? /^(\S+)$/.exec(header.trim()) : null;
    const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? bare?.[1];
    if (!key || !key.startsWith(API_KEY_PREFIX)) throw new AppError(401, 'auth.api_key_invalid');
    return app.platform.authenticator.fromApiKey(key);
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token) return app.platform.authenticator.fromSessionToken(token);
  return { kind: 'anonymous' };
}

/**
 * The general rate limit a request counts against: its API key (a department's, or a public
 * user's personal key with its own lower limit), its user (over every session), or, without
 * valid credentials, its IP. Signed-in callers are not limited by IP, since a government
 * intranet often puts a whole department behind one address.
 */
function limitOf(app: AppInstance, request: FastifyRequest): Limit | undefined {
  const { config } = app.platform;
  const windowSeconds = config.rateWindowSeconds;
  const actor = request.actor;
  const [bucket, max] = actor?.apiKeyId
    ? [
        `key:${actor.apiKeyId}`,
        actor.type === 'application' ? config.rateApiKeyPerWindow : config.ratePersonalKeyPerWindow,
      ]
    : actor
      ? [`user:${actor.id}`, config.rateUserPerWindow]
      : [`ip:${request.ip}`, config.rateAnonymousPerIp];
  return max > 0 ? { bucket, max, windowSeconds } : undefined;
}

/** Counts the request; over the limit it answers 429 with Retry-After (audited once per window). */
async function overLimit(app: AppInstance, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  if (request.routeOptions.config.rateLimit === false) return false;
  const limit = limitOf(app, request);
  if (!limit) return false;
  const verdict = app.platform.rateLimiter.hit(limit);
  if (verdict.allowed) return false;
  if (verdict.firstRefusal) await auditDenied(app, request, 'rate.limited');
  await sendProblem(
    request,
    reply,
    new AppError(429, 'rate.limited', { seconds: verdict.retryAfterSeconds }),
  );
  return true;
}

/**
 * The gate in front of every route: language, who is calling, the rate limit, whether the
 * route's permission allows it, and CSRF for cookie-authenticated writes. Every refusal is
 * audited (a rate limit's once per window).
 */
export function installAuthHooks(app: AppInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('ctx', null as never);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
    request.ctx = { actor: null, requestId: String(request.id), ip: request.ip ?? null };
    reply.header('x-request-id', request.id);
    const permission = request.routeOptions.config.permission;
    // Unmatched URLs reach the not-found handler, which has no permission and reveals nothing.
    if (!permission) return;

    let authentication: Authentication;
    try {
      authentication = await authenticate(app, request);
    } catch (error) {
      // Wrong keys count against the IP, so guessing keys is limited like every anonymous call.
      if (await overLimit(app, request, reply)) return reply;
      if (error instanceof AppError) await auditDenied(app, request, error.code);
      throw error;
    }
    if (authentication.kind === 'actor') {
      request.actor = authentication.actor;
      request.ctx.actor = authentication.actor;
      if (authentication.actor.locale === 'en' && !request.headers['accept-language']) request.locale = 'en';
    }
    if (await overLimit(app, request, reply)) return reply;
    if (!mayUse(request.actor, permission)) {
      const error =
        request.actor === null
          ? authentication.kind === 'expired'
            ? new AppError(401, 'auth.session_expired')
            : unauthenticated()
          : forbidden();
      await auditDenied(app, request, error.code);
      return sendProblem(request, reply, error);
    }
    const session = request.actor?.session;
    if (
      session &&
      !SAFE_METHODS.has(request.method) &&
      request.headers['x-csrf-token'] !== session.csrfToken
    ) {
      await auditDenied(app, request, 'auth.csrf');
      return sendProblem(request, reply, forbidden('auth.csrf'));
    }
  });
}

async function auditDenied(app: AppInstance, request: FastifyRequest, reason: string) {
  await recordAudit(app.platform.database.db, request.ctx, {
    action: 'access.denied',
    outcome: 'denied',
    targetType: 'route',
    targetId: `${request.method} ${request.routeOptions.url ?? request.url}`,
    detail: { reason, url: request.url, permission: request.routeOptions.config.permission ?? null },
  });
}
