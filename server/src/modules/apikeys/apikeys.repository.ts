import { sql, type Kysely } from 'kysely';
import { fetchPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ApiKey } from './apikeys.schemas.ts';

function selectKeys(db: Kysely<DB>) {
  return db
    .selectFrom('api_keys as k')
    .innerJoin('departments as d', 'd.id', 'k.department_id')
    .leftJoin('users as u', 'u.id', 'k.created_by')
    .select([
      'k.id',
      // From the inner join: a department's key (personal keys of public users have none).
      'd.id as departmentId',
      'd.name as departmentName',
      'd.region_id as regionId',
      'k.application',
      'k.token_prefix as tokenPrefix',
      'k.created_at as createdAt',
      'u.display_name as createdByName',
      'k.expires_at as expiresAt',
      'k.revoked_at as revokedAt',
      'k.last_used_at as lastUsedAt',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectKeys>['executeTakeFirstOrThrow']>>;
/** An API key with the region of its department (for scope checks). */
export type ApiKeyRecord = ApiKey & { regionId: string };

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

function toApiKey(row: Row): ApiKeyRecord {
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastUsedAt: iso(row.lastUsedAt),
  };
}

/** Lists keys, newest first, of one department or of the departments in a set of regions. */
export async function listApiKeys(
  db: Kysely<DB>,
  filter: { departmentId?: string; regionScope?: readonly string[]; offset: number; limit: number },
): Promise<{ items: ApiKeyRecord[]; total: number }> {
  let query = selectKeys(db);
  if (filter.departmentId) query = query.where('k.department_id', '=', filter.departmentId);
  if (filter.regionScope) {
    const scope = filter.regionScope.length
      ? [...filter.regionScope]
      : ['00000000-0000-0000-0000-000000000000'];
    query = query.where('d.region_id', 'in', scope);
  }
  const { rows, total } = await fetchPage(query, filter, (q) =>
    q.orderBy('k.created_at', 'desc').orderBy('k.id'),
  );
  return { items: rows.map(toApiKey), total };
}

/** Finds one key. */
export async function findApiKey(db: Kysely<DB>, id: string): Promise<ApiKeyRecord | undefined> {
  const row = await selectKeys(db).where('k.id', '=', id).executeTakeFirst();
  return row ? toApiKey(row) : undefined;
}

/** Stores a new key by its digest. */
export async function insertApiKey(
  db: Kysely<DB>,
  values: {
    departmentId: string;
    application: string;
    tokenPrefix: string;
    tokenHash: string;
    createdBy: string | null;
    expiresAt: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('api_keys')
    .values({
      department_id: values.departmentId,
      application: values.application,
      token_prefix: values.tokenPrefix,
      token_hash: values.tokenHash,
      created_by: values.createdBy,
      expires_at: values.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks a key revoked (idempotent: the first revocation's time and person stay). */
export async function revokeApiKey(db: Kysely<DB>, id: string, revokedBy: string | null): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`now()`, revoked_by: revokedBy })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
