import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { API_KEY_PREFIX, type Authenticator } from '../../platform/auth/authenticator.ts';
import { randomToken, tokenDigest } from '../../platform/auth/secrets.ts';
import type { DB } from '../../platform/db/schema.ts';
import { invalid, notFound } from '../../platform/errors/app-error.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import { requireDepartmentScope } from '../../platform/policy/policy.ts';
import { findDepartment } from '../org/departments.repository.ts';
import { findApiKey, insertApiKey, revokeApiKey, type ApiKeyRecord } from './apikeys.repository.ts';
import type { ApiKey } from './apikeys.schemas.ts';
import './apikeys.messages.ts';

/** An API key as the API shows it (without the region used for scope checks). */
export const presentApiKey = ({ regionId: _, ...key }: ApiKeyRecord): ApiKey => key;

/**
 * Issues a key for a department's application. The key is returned once and stored only as a
 * SHA-256 digest (it has 256 bits of entropy, so a slow hash adds nothing).
 */
export async function issueApiKey(
  db: Kysely<DB>,
  context: RequestContext,
  input: { departmentId?: string; application: string; expiresAt?: string | null },
): Promise<{ apiKey: ApiKey; key: string }> {
  const actor = context.actor!;
  const departmentId = input.departmentId ?? actor.departmentId;
  if (!departmentId) {
    throw invalid('apikeys.department_required', [
      { path: '/body/departmentId', code: 'apikeys.department_required' },
    ]);
  }
  if (input.expiresAt && new Date(input.expiresAt).getTime() <= Date.now()) {
    throw invalid('apikeys.expiry_in_past', [{ path: '/body/expiresAt', code: 'apikeys.expiry_in_past' }]);
  }
  const key = `${API_KEY_PREFIX}${randomToken()}`;
  return db.transaction().execute(async (trx) => {
    const department = await findDepartment(trx, departmentId);
    if (!department) throw notFound('what.department');
    requireDepartmentScope(actor, department);
    const id = await insertApiKey(trx, {
      departmentId,
      application: input.application,
      tokenPrefix: key.slice(0, API_KEY_PREFIX.length + 6),
      tokenHash: tokenDigest(key),
      createdBy: actor.type === 'user' ? actor.id : null,
      expiresAt: input.expiresAt ?? null,
    });
    await recordAudit(trx, context, {
      action: 'apikey.create',
      targetType: 'api_key',
      targetId: id,
      departmentId,
      detail: { application: input.application, expiresAt: input.expiresAt ?? null },
    });
    return { apiKey: presentApiKey((await findApiKey(trx, id))!), key };
  });
}

/** Revokes a key; requests with it fail from now on (on other instances within the auth cache time). */
export async function revoke(
  db: Kysely<DB>,
  authenticator: Authenticator,
  context: RequestContext,
  id: string,
): Promise<ApiKey> {
  const actor = context.actor!;
  const result = await db.transaction().execute(async (trx) => {
    const key = await findApiKey(trx, id);
    if (!key) throw notFound('what.api_key');
    requireDepartmentScope(actor, { id: key.departmentId, regionId: key.regionId });
    await revokeApiKey(trx, id, actor.type === 'user' ? actor.id : null);
    await recordAudit(trx, context, {
      action: 'apikey.revoke',
      targetType: 'api_key',
      targetId: id,
      departmentId: key.departmentId,
    });
    return presentApiKey((await findApiKey(trx, id))!);
  });
  authenticator.forgetActor(id);
  return result;
}

/** Which keys the actor may see: admins all, authorities their regions', others their department's. */
export function listScope(context: RequestContext): {
  departmentId?: string;
  regionScope?: readonly string[];
} {
  const actor = context.actor!;
  if (actor.role === 'platform_admin') return {};
  if (actor.role === 'authority_officer') return { regionScope: actor.regionScope };
  return { departmentId: actor.departmentId ?? '00000000-0000-0000-0000-000000000000' };
}
