import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import { API_KEY_PREFIX, SESSION_COOKIE, type Authentication } from '../auth/authenticator.ts';
import { AppError } from '../errors/app-error.ts';
import { negotiateLocale } from '../i18n/messages.ts';
import { forbidden, mayUse, unauthenticated } from '../policy/policy.ts';
import type { AppInstance } from './types.ts';
import { sendProblem } from './problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function authenticate(app: AppInstance, request: FastifyRequest): Promise<Authentication> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !match[1]!.startsWith(API_KEY_PREFIX)) throw new AppError(401, 'auth.api_key_invalid');
    return app.platform.authenticator.fromApiKey(match[1]!);
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token) return app.platform.authenticator.fromSessionToken(token);
  return { kind: 'anonymous' };
}

/**
 * The gate in front of every route: language, who is calling, whether the route's permission
 * allows it, and CSRF for cookie-authenticated writes. Every refusal is audited.
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
      if (error instanceof AppError) await auditDenied(app, request, error.code);
      throw error;
    }
    if (authentication.kind === 'actor') {
      request.actor = authentication.actor;
      request.ctx.actor = authentication.actor;
      if (authentication.actor.locale === 'en' && !request.headers['accept-language']) request.locale = 'en';
    }
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
