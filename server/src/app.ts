import crypto from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import { Authenticator } from './platform/auth/authenticator.ts';
import { openKeyring, type Keyring } from './platform/crypto/keyring.ts';
import { bindKeyring } from './modules/security/encryption/column-seal.ts';
import type { Database } from './platform/db/database.ts';
import { loadCalendar } from './platform/calendar/calendar.service.ts';
import { openSigner } from './platform/crypto/signer.ts';
import { installAuthHooks } from './platform/http/auth-hooks.ts';
import { installProblemHandlers } from './platform/http/problem.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import type { AppInstance } from './platform/http/types.ts';
import { isPermission } from './platform/policy/permissions.ts';
import { reviewRoutes } from './modules/security/reviews/reviews.routes.ts';
import { disputeRoutes } from './modules/sharing/disputes/disputes.routes.ts';
import { grantRoutes } from './modules/sharing/grants/grants.routes.ts';
import { requestRoutes } from './modules/sharing/requests/requests.routes.ts';
import { shareMonitoringRoutes } from './modules/sharing/monitoring/monitoring.routes.ts';
import { profileRoutes } from './platform/profiles/profile.routes.ts';
import { loadProfile } from './platform/profiles/profiles.ts';
import { RateLimiter } from './platform/ratelimit/rate-limiter.ts';
import { apiKeyRoutes } from './modules/apikeys/apikeys.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { caseRoutes } from './modules/cases/cases.routes.ts';
import { catalogRoutes } from './modules/catalog/catalog.routes.ts';
import { demandRoutes } from './modules/catalog/demands/demands.routes.ts';
import { catalogProjectRoutes } from './modules/catalog/projects/projects.routes.ts';
import { dutyRoutes } from './modules/catalog/duties/duties.routes.ts';
import { updateRequestRoutes } from './modules/catalog/updates/updates.routes.ts';
import { catalogReviewRoutes } from './modules/catalog/review.routes.ts';
import { catalogSearchRoutes } from './modules/catalog/search.routes.ts';
import { catalogXlsxRoutes } from './modules/catalog/xlsx/xlsx.routes.ts';
import { catalogVersionRoutes } from './modules/catalog/versions.routes.ts';
import { ckanRoutes } from './modules/ckan/ckan.routes.ts';
import { dcatRoutes } from './modules/dcat/dcat.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { poolRoutes } from './modules/pools/pools.routes.ts';
import { poolQualityRoutes } from './modules/pools/quality/quality.routes.ts';
import { correctionRoutes } from './modules/pools/corrections/corrections.routes.ts';
import { poolPullRoutes } from './modules/pools/pulls/pulls.routes.ts';
import { baseDbRoutes } from './modules/pools/basedb/basedb.routes.ts';
import { signingRoutes } from './modules/security/signing/signing.routes.ts';
import { shareApiRoutes } from './modules/sharing/api/api.routes.ts';
import { openPortalRoutes } from './modules/opening/portal/portal.routes.ts';
import { openAccountRoutes } from './modules/opening/accounts/accounts.routes.ts';
import { openDataRoutes } from './modules/opening/data/data.routes.ts';
import { objectionRoutes } from './modules/opening/objections/objections.routes.ts';
import { supervisionRoutes } from './modules/opening/supervision/supervision.routes.ts';
import { statisticsRoutes } from './modules/opening/statistics/statistics.routes.ts';
import { emergencyRoutes } from './modules/opening/emergencies/emergencies.routes.ts';
import { contributionRoutes } from './modules/opening/contributions/contributions.routes.ts';
import { openApplicationRoutes } from './modules/opening/applications/applications.routes.ts';
import { openAgreementRoutes } from './modules/opening/agreements/agreements.routes.ts';
import { openParticipationRoutes } from './modules/opening/participation/participation.routes.ts';
import { securityIncidentRoutes } from './modules/security/incidents/incidents.routes.ts';
import { securityDrillRoutes } from './modules/security/drills/drills.routes.ts';
import { securityAssessmentRoutes } from './modules/security/assessments/assessments.routes.ts';
import { securityOverviewRoutes } from './modules/security/overview.routes.ts';
import { maskingRoutes } from './modules/security/masking/masking.routes.ts';
import { encryptionRoutes } from './modules/security/encryption/encryption.routes.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { webRoutes } from './modules/web/web.routes.ts';

/** What the app is built from; tests pass their own database and configuration. */
export interface AppOptions {
  database: Database;
  config: Config;
  /** The data keys; opened from the configuration when not given (main.ts opens it first to fail early). */
  keyring?: Keyring;
  /** Fastify logger option; tests turn it off. */
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web UI (off in API tests). */
  serveWeb?: boolean;
  /** How long a resolved session or API key is trusted without a query (ms). */
  authCacheMs?: number;
  /** How often rate-limit hits are written to PostgreSQL (ms); 0: only on `rateLimiter.flush()`. */
  rateLimitFlushMs?: number;
  /** Told of every route with its permission (the permission walk test uses it). */
  onRouteRegistered?: (route: { method: string; url: string; permission: string }) => void;
}

// Routes that plugins register for themselves (API docs UI, built web assets) are public by nature.
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs', '/assets/'];

/** Builds the Fastify application with every module; `main.ts` and the tests both use this. */
export async function buildApp(options: AppOptions): Promise<AppInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.config.bodyLimitBytes,
    trustProxy: options.config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
    ajv: {
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const keyring = options.keyring ?? openKeyring(options.config);
  // Pool loads find the keyring through their database (they run outside requests too).
  bindKeyring(options.database, keyring);
  app.decorate('platform', {
    database: options.database,
    config: options.config,
    authenticator: new Authenticator(
      options.database.db,
      options.authCacheMs ?? 5_000,
      options.config.sessionIdleMinutes * 60_000,
    ),
    // A bad profile throws here, naming the field, so the app never starts on wrong deadlines.
    profile: loadProfile(options.config.profileId),
    calendar: await loadCalendar(options.database.db),
    rateLimiter: new RateLimiter(options.database.db, {
      flushMs: options.rateLimitFlushMs,
      onError: (err) => app.log.warn({ err }, 'rate limit counters not written'),
    }),
    // A configured but missing or malformed key file throws here, so the app never starts unsigned.
    signer: await openSigner(options.database, options.config),
    keyring,
  });
  app.platform.rateLimiter.start();
  app.addHook('onClose', () => app.platform.rateLimiter.stop());

  // Deny by default: a route that does not name a known permission cannot be registered.
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (permission === undefined && PLUGIN_PUBLIC_PREFIXES.some((prefix) => route.url.startsWith(prefix))) {
      // Static files of the UI and the docs are public; the files are not rate limited.
      route.config = { ...route.config, permission: 'public', rateLimit: !route.url.startsWith('/assets/') };
    } else if (!isPermission(permission)) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no known permission`);
    }
    for (const method of [route.method].flat()) {
      options.onRouteRegistered?.({ method, url: route.url, permission: route.config!.permission! });
    }
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Zhengshu API',
        description: 'Government data platform API. Errors are application/problem+json (RFC 9457).',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zs_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'Department application API key (zsk_…)' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installSecurityHeaders(app, options.config);
  installProblemHandlers(app, options.config.bodyLimitBytes);
  installAuthHooks(app);

  await app.register(systemRoutes);
  // Interoperability at the paths CKAN clients and DCAT harvesters expect (not under /api/v1).
  await app.register(ckanRoutes);
  await app.register(dcatRoutes);
  await app.register(authRoutes, { prefix: '/api/v1' });
  // modules: add one line per module below (keep alphabetical)
  await app.register(apiKeyRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  await app.register(calendarRoutes, { prefix: '/api/v1' });
  await app.register(caseRoutes, { prefix: '/api/v1' });
  await app.register(catalogRoutes, { prefix: '/api/v1' });
  await app.register(catalogReviewRoutes, { prefix: '/api/v1' });
  await app.register(catalogVersionRoutes, { prefix: '/api/v1' });
  await app.register(catalogSearchRoutes, { prefix: '/api/v1' });
  await app.register(catalogXlsxRoutes, { prefix: '/api/v1' });
  await app.register(demandRoutes, { prefix: '/api/v1' });
  await app.register(catalogProjectRoutes, { prefix: '/api/v1' });
  await app.register(dutyRoutes, { prefix: '/api/v1' });
  await app.register(updateRequestRoutes, { prefix: '/api/v1' });
  await app.register(orgRoutes, { prefix: '/api/v1' });
  await app.register(poolRoutes, { prefix: '/api/v1' });
  await app.register(poolQualityRoutes, { prefix: '/api/v1' });
  await app.register(encryptionRoutes, { prefix: '/api/v1' });
  await app.register(correctionRoutes, { prefix: '/api/v1' });
  await app.register(poolPullRoutes, { prefix: '/api/v1' });
  await app.register(baseDbRoutes, { prefix: '/api/v1' });
  await app.register(securityIncidentRoutes, { prefix: '/api/v1' });
  await app.register(securityDrillRoutes, { prefix: '/api/v1' });
  await app.register(securityAssessmentRoutes, { prefix: '/api/v1' });
  await app.register(securityOverviewRoutes, { prefix: '/api/v1' });
  await app.register(maskingRoutes, { prefix: '/api/v1' });
  await app.register(profileRoutes, { prefix: '/api/v1' });
  await app.register(signingRoutes, { prefix: '/api/v1' });
  await app.register(reviewRoutes, { prefix: '/api/v1' });
  await app.register(requestRoutes, { prefix: '/api/v1' });
  await app.register(grantRoutes, { prefix: '/api/v1' });
  await app.register(disputeRoutes, { prefix: '/api/v1' });
  await app.register(shareMonitoringRoutes, { prefix: '/api/v1' });
  await app.register(shareApiRoutes, { prefix: '/api/v1' });
  await app.register(openPortalRoutes, { prefix: '/api/v1' });
  await app.register(openAccountRoutes, { prefix: '/api/v1' });
  await app.register(openDataRoutes, { prefix: '/api/v1' });
  await app.register(objectionRoutes, { prefix: '/api/v1' });
  await app.register(supervisionRoutes, { prefix: '/api/v1' });
  await app.register(statisticsRoutes, { prefix: '/api/v1' });
  await app.register(emergencyRoutes, { prefix: '/api/v1' });
  await app.register(contributionRoutes, { prefix: '/api/v1' });
  await app.register(openApplicationRoutes, { prefix: '/api/v1' });
  await app.register(openAgreementRoutes, { prefix: '/api/v1' });
  await app.register(openParticipationRoutes, { prefix: '/api/v1' });
  if (options.serveWeb) await app.register(webRoutes);

  return app;
}
