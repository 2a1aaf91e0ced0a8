import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor } from '../policy/actor.ts';
import type { Role } from '../policy/permissions.ts';
import {
  findApiKeyByDigest,
  type ApiKeyWithOwner,
  findSession,
  regionWithDescendants,
  touchApiKey,
  touchSession,
} from './auth.repository.ts';
import { tokenDigest } from './secrets.ts';
import './auth.messages.ts';

/** Name of the session cookie (HttpOnly, SameSite=Lax). */
export const SESSION_COOKIE = 'zs_session';
/** Prefix of API keys, so that a leaked key is recognisable (e.g. by secret scanners). */
export const API_KEY_PREFIX = 'zsk_';

interface CachedActor {
  actor: Actor;
  expiresAt: number;
  /** When the session itself ends (not the cache entry). */
  sessionEndsAt?: number;
}

/** A department's key acts as the department's application. */
function applicationActor(row: ApiKeyWithOwner): Actor {
  if (!row.departmentId || !row.regionId) throw new AppError(401, 'auth.api_key_invalid');
  return {
    type: 'application',
    id: row.id,
    name: row.application,
    displayName: `${row.departmentName ?? ''} · ${row.application}`,
    role: 'department_application',
    departmentId: row.departmentId,
    regionId: row.regionId,
    regionScope: [row.regionId],
    locale: 'zh-CN',
    identityVerified: false,
    apiKeyId: row.id,
  };
}

/** A personal key acts as its public user, identity-verified as the user is. */
function personalKeyActor(row: ApiKeyWithOwner): Actor {
  if (row.userDisabled) throw new AppError(401, 'auth.api_key_owner_disabled');
  if (row.userRole !== 'public_user') throw new AppError(401, 'auth.api_key_invalid');
  return {
    type: 'user',
    id: row.userId!,
    name: row.username!,
    displayName: row.userDisplayName!,
    role: 'public_user',
    departmentId: null,
    regionId: null,
    regionScope: [],
    locale: row.userLocale === 'en' ? 'en' : 'zh-CN',
    identityVerified: row.identityVerifiedAt !== null,
    apiKeyId: row.id,
  };
}

/** Result of looking at a request's credentials. */
export type Authentication = { kind: 'anonymous' } | { kind: 'expired' } | { kind: 'actor'; actor: Actor };

/**
 * Resolves cookies and API keys to actors. Resolved actors are cached in memory for a few seconds
 * so that an authenticated request usually costs no query; every change that must take effect
 * at once (logout, revocation, password change, role change) drops the entries here, and other
 * instances drop theirs when the cache time runs out.
 */
export class Authenticator {
  private readonly cache = new Map<string, CachedActor>();
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly cacheMs: number,
    /** A session unused this long has ended (0: no idle limit). */
    private readonly idleMs = 0,
    private readonly maxEntries = 10_000,
  ) {}

  /** Looks up the actor behind a session cookie token. */
  async fromSessionToken(token: string): Promise<Authentication> {
    const key = `s:${tokenDigest(token)}`;
    const cached = this.fromCache(key);
    if (cached) {
      this.touchSession(key.slice(2));
      return cached;
    }
    const row = await findSession(this.db, key.slice(2));
    if (!row || row.disabled) return { kind: 'anonymous' };
    const now = Date.now();
    if (row.expiresAt.getTime() <= now) return { kind: 'expired' };
    // Idle limit: last use is written at most once a minute, so it is known to within that minute.
    if (this.idleMs > 0 && row.lastSeenAt.getTime() + this.idleMs <= now) return { kind: 'expired' };
    const actor: Actor = {
      type: 'user',
      id: row.userId,
      name: row.username,
      displayName: row.displayName,
      role: row.role as Role,
      departmentId: row.departmentId,
      regionId: row.regionId,
      regionScope: row.regionId ? await regionWithDescendants(this.db, row.regionId) : [],
      locale: row.locale === 'en' ? 'en' : 'zh-CN',
      identityVerified: row.role === 'public_user' && row.identityVerifiedAt !== null,
      session: { id: row.sessionId, csrfToken: row.csrfToken },
    };
    this.remember(key, actor, row.expiresAt.getTime());
    this.touchSession(row.sessionId);
    return { kind: 'actor', actor };
  }

  /**
   * Looks up the actor behind an API key; a wrong, revoked or expired key is a 401. A department's
   * key acts as its application; a personal key acts as its public user (never with a session, so
   * without CSRF), and stops when the user is disabled or is no longer a public user.
   */
  async fromApiKey(token: string): Promise<Authentication> {
    const key = `k:${tokenDigest(token)}`;
    const cached = this.fromCache(key);
    if (cached) {
      this.touch(cached.kind === 'actor' ? (cached.actor.apiKeyId ?? '') : '');
      return cached;
    }
    const row = await findApiKeyByDigest(this.db, key.slice(2));
    if (!row) throw new AppError(401, 'auth.api_key_invalid');
    if (row.revokedAt) throw new AppError(401, 'auth.api_key_revoked');
    if (row.expiresAt && row.expiresAt.getTime() <= Date.now())
      throw new AppError(401, 'auth.api_key_expired');
    const actor = row.userId ? personalKeyActor(row) : applicationActor(row);
    this.remember(key, actor, row.expiresAt?.getTime());
    this.touch(row.id);
    return { kind: 'actor', actor };
  }

  /** Forgets cached actors for a user (sessions and personal keys) or an API key (by its id). */
  forgetActor(actorId: string): void {
    for (const [key, entry] of this.cache)
      if (entry.actor.id === actorId || entry.actor.apiKeyId === actorId) this.cache.delete(key);
  }

  /** Forgets one cached session. */
  forgetSession(sessionId: string): void {
    this.cache.delete(`s:${sessionId}`);
  }

  /** Forgets every cached actor (e.g. after the region tree changed). */
  forgetAll(): void {
    this.cache.clear();
  }

  private fromCache(key: string): Authentication | undefined {
    const entry = this.cache.get(key);
    if (!entry) return undefined;
    const now = Date.now();
    if (entry.sessionEndsAt !== undefined && entry.sessionEndsAt <= now) {
      this.cache.delete(key);
      return undefined;
    }
    if (entry.expiresAt <= now) {
      this.cache.delete(key);
      return undefined;
    }
    return { kind: 'actor', actor: entry.actor };
  }

  private remember(key: string, actor: Actor, sessionEndsAt?: number): void {
    if (this.cacheMs <= 0) return;
    if (this.cache.size >= this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, { actor, expiresAt: Date.now() + this.cacheMs, sessionEndsAt });
  }

  /** Updates an API key's last-used time at most once a minute per key, off the request path. */
  private touch(apiKeyId: string): void {
    if (!apiKeyId || !this.due(`k:${apiKeyId}`)) return;
    touchApiKey(this.db, apiKeyId).catch(() => this.lastTouched.delete(`k:${apiKeyId}`));
  }

  /** Updates a session's last-used time (the idle limit's clock) at most once a minute, off the path. */
  private touchSession(sessionId: string): void {
    if (this.idleMs <= 0 || !this.due(`s:${sessionId}`)) return;
    touchSession(this.db, sessionId).catch(() => this.lastTouched.delete(`s:${sessionId}`));
  }

  private due(key: string): boolean {
    const now = Date.now();
    if ((this.lastTouched.get(key) ?? 0) > now - 60_000) return false;
    if (this.lastTouched.size >= this.maxEntries) this.lastTouched.clear();
    this.lastTouched.set(key, now);
    return true;
  }
}
