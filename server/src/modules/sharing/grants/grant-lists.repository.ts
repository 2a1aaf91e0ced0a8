// SQL of the grant views: the grants a department holds, those on its resources, those of a region
// tree, and one grant with the names it is shown with.
import type { ExpressionBuilder, Kysely } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { PartyScope } from '../sharing-scope.ts';
import type { LevelColumns } from '../sharing-views.ts';
import type { GrantRow } from './grants.repository.ts';

/** Where a grant stands at a moment. */
export type GrantStatus = 'active' | 'not_started' | 'expired' | 'revoked';

/** Filters of the grant lists. */
export interface GrantFilter {
  /** true: in force now; false: anything else. */
  active?: boolean;
  status?: GrantStatus;
  resourceId?: string;
  application?: string;
  requestId?: string;
}

/** A grant with the names of its resource and departments, and the resource's published level. */
export interface ListedGrant extends GrantRow, LevelColumns {
  resource_name: string | null;
  provider_name: string;
  consumer_name: string;
}

type Eb = ExpressionBuilder<DB, 'share_grants'>;

function statusIs(eb: Eb, status: GrantStatus, now: Date) {
  switch (status) {
    case 'revoked':
      return eb('share_grants.revoked_at', 'is not', null);
    case 'not_started':
      return eb.and([eb('share_grants.revoked_at', 'is', null), eb('share_grants.starts_at', '>', now)]);
    case 'expired':
      return eb.and([eb('share_grants.revoked_at', 'is', null), eb('share_grants.ends_at', '<=', now)]);
    case 'active':
      return eb.and([
        eb('share_grants.revoked_at', 'is', null),
        eb('share_grants.starts_at', '<=', now),
        eb('share_grants.ends_at', '>', now),
      ]);
  }
}

function listed(db: Kysely<DB>) {
  return db
    .selectFrom('share_grants')
    .innerJoin('departments as pd', 'pd.id', 'share_grants.provider_department_id')
    .innerJoin('departments as cd', 'cd.id', 'share_grants.consumer_department_id')
    .leftJoin('catalog_entries as ce', 'ce.resource_id', 'share_grants.resource_id')
    .selectAll('share_grants')
    .select([
      'ce.name as resource_name',
      'ce.security_level',
      'ce.security_sublevel',
      'pd.name as provider_name',
      'cd.name as consumer_name',
    ]);
}

/** One page of the grants the scope allows (asker: the consumer), newest first, with the total. */
export async function listGrants(
  db: Kysely<DB>,
  scope: PartyScope,
  filter: GrantFilter,
  window: { offset: number; limit: number },
  now: Date,
): Promise<{ rows: ListedGrant[]; total: number }> {
  let query = listed(db);
  if (scope.kind === 'asker')
    query = query.where('share_grants.consumer_department_id', '=', scope.departmentId);
  if (scope.kind === 'provider')
    query = query.where('share_grants.provider_department_id', '=', scope.departmentId);
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return { rows: [], total: 0 };
    const ids = [...scope.regionIds];
    query = query.where((eb) =>
      eb.or([
        eb('share_grants.provider_region_id', 'in', ids),
        eb('share_grants.consumer_region_id', 'in', ids),
      ]),
    );
  }
  if (filter.active !== undefined)
    query = query.where((eb) =>
      filter.active ? statusIs(eb, 'active', now) : eb.not(statusIs(eb, 'active', now)),
    );
  if (filter.status) query = query.where((eb) => statusIs(eb, filter.status!, now));
  if (filter.resourceId) query = query.where('share_grants.resource_id', '=', filter.resourceId);
  if (filter.application) query = query.where('share_grants.application', '=', filter.application);
  if (filter.requestId) query = query.where('share_grants.request_id', '=', filter.requestId);
  return fetchPage(query, window, (q) =>
    q.orderBy('share_grants.created_at', 'desc').orderBy('share_grants.id'),
  );
}

/** One grant with its names. */
export async function findListedGrant(db: Kysely<DB>, id: string): Promise<ListedGrant | undefined> {
  return listed(db).where('share_grants.id', '=', id).executeTakeFirst();
}
