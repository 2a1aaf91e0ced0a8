import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Config } from '../../config.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { Signer } from '../crypto/signer.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Database } from '../db/database.ts';
import type { Locale } from '../i18n/messages.ts';
import type { Actor, RequestContext } from '../policy/actor.ts';
import type { Permission } from '../policy/permissions.ts';
import type { Profile } from '../profiles/profile.schema.ts';
import type { RateLimiter } from '../ratelimit/rate-limiter.ts';

/** What every module gets from the platform: the database, configuration and shared services. */
export interface Platform {
  database: Database;
  config: Config;
  authenticator: Authenticator;
  /** The active regulation profile (ZHENGSHU_PROFILE), validated at start-up. */
  profile: Profile;
  /** The working-day calendar (package schedules + imported years), held in memory. */
  calendar: WorkCalendar;
  /** Request counters shared by every instance through PostgreSQL (see docs/security-hardening.md). */
  rateLimiter: RateLimiter;
  /** The platform's signer (SM2 or Ed25519): `signDocument(payload)` for what the platform hands out. */
  signer: Signer;
  /** The data keys (ZHENGSHU_KEY_FILE / ZHENGSHU_DATA_KEYS), held outside the database. */
  keyring: Keyring;
}

/** The Fastify instance modules register routes on (TypeBox schemas give typed handlers). */
export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    /** Who, which request, from where: pass this to services. */
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** The permission this route needs. Every route must declare one (deny by default). */
    permission?: Permission;
    /** False for routes outside the rate limits (liveness, readiness, static files of the web UI). */
    rateLimit?: boolean;
    /** True where an API key may come as the bare `Authorization: zsk_…` header (CKAN clients send it so). */
    bareApiKey?: boolean;
  }
}
