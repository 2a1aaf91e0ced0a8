// Personal API keys of public users for the open-data API: a key acts as its user (role
// public_user, identity-verified as the user is), counted per key by the rate limits.
import type { Kysely } from 'kysely';
import type { Config } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { API_KEY_PREFIX, type Authenticator } from '../../../platform/auth/authenticator.ts';
import { randomToken, tokenDigest } from '../../../platform/auth/secrets.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden, requireVerifiedIdentity } from '../../../platform/policy/policy.ts';
import {
  countActivePersonalKeys,
  findPersonalKey,
  insertPersonalKey,
  listPersonalKeys,
  lockUser,
  revokePersonalKey,
  type PersonalKeyRow,
} from './accounts.repository.ts';
import type { CreateKeyBody, PersonalKey } from './accounts.schemas.ts';
import './accounts.messages.ts';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** A personal key as the API shows it. */
export function presentKey(row: PersonalKeyRow): PersonalKey {
  return {
    id: row.id,
    name: row.name,
    tokenPrefix: row.tokenPrefix,
    createdAt: new Date(row.createdAt).toISOString(),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
  };
}

function publicUser(context: RequestContext) {
  const actor = context.actor!;
  if (actor.role !== 'public_user') throw forbidden('open.account.not_public_user');
  return actor;
}

/** The signed-in public user's own keys, newest first (revoked and expired ones too). */
export async function listKeys(
  db: Kysely<DB>,
  context: RequestContext,
  window: { offset: number; limit: number },
): Promise<{ items: PersonalKey[]; total: number }> {
  const actor = publicUser(context);
  const { rows, total } = await listPersonalKeys(db, actor.id, window);
  return { items: rows.map(presentKey), total };
}

/**
 * Issues a personal key, shown this once and stored only as its SHA-256 digest. Only a verified
 * user signed in with a session may: a key that could mint keys would outlive its own revocation.
 * The user's row is locked while the active keys are counted, so two requests cannot both pass
 * the limit.
 */
export async function createKey(
  db: Kysely<DB>,
  config: Pick<Config, 'personalKeysPerUser'>,
  context: RequestContext,
  input: CreateKeyBody,
): Promise<{ apiKey: PersonalKey; key: string }> {
  const actor = publicUser(context);
  if (actor.apiKeyId) throw forbidden('open.keys.session_only');
  requireVerifiedIdentity(actor);
  const key = `${API_KEY_PREFIX}${randomToken()}`;
  return db.transaction().execute(async (trx) => {
    await lockUser(trx, actor.id);
    const active = await countActivePersonalKeys(trx, actor.id);
    if (active >= config.personalKeysPerUser)
      throw new AppError(409, 'open.keys.too_many', { max: config.personalKeysPerUser });
    const id = await insertPersonalKey(trx, {
      userId: actor.id,
      name: input.name.trim() || input.name,
      tokenPrefix: key.slice(0, API_KEY_PREFIX.length + 6),
      tokenHash: tokenDigest(key),
      expiresInDays: input.expiresInDays,
    });
    const apiKey = presentKey((await findPersonalKey(trx, actor.id, id))!);
    await recordAudit(trx, context, {
      action: 'open.key.create',
      targetType: 'api_key',
      targetId: id,
      detail: { name: apiKey.name, tokenPrefix: apiKey.tokenPrefix, expiresAt: apiKey.expiresAt },
    });
    return { apiKey, key };
  });
}

/**
 * Revokes one of the user's own keys; another user's key is a 404, as if it did not exist. The
 * key stops at once here (its cached actor is dropped) and on other instances within the cache time.
 */
export async function revokeKey(
  db: Kysely<DB>,
  authenticator: Authenticator,
  context: RequestContext,
  id: string,
): Promise<PersonalKey> {
  const actor = publicUser(context);
  const result = await db.transaction().execute(async (trx) => {
    const key = await findPersonalKey(trx, actor.id, id);
    if (!key) throw notFound('what.personal_api_key');
    await revokePersonalKey(trx, actor.id, id);
    await recordAudit(trx, context, {
      action: 'open.key.revoke',
      targetType: 'api_key',
      targetId: id,
      detail: { tokenPrefix: key.tokenPrefix, alreadyRevoked: key.revokedAt !== null },
    });
    return presentKey((await findPersonalKey(trx, actor.id, id))!);
  });
  authenticator.forgetActor(id);
  return result;
}
