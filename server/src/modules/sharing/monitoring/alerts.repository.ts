// SQL of alerts as people read and acknowledge them.
import type { Kysely } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { ShareAlertKind } from './monitoring.tables.ts';

/** Which alerts a caller may see: those on its department's resources, or those of its regions. */
export type AlertScope =
  { side: 'provider'; departmentId: string } | { side: 'authority'; regionIds: readonly string[] | null };

/** Filters of the alert list. */
export interface AlertFilter {
  state?: 'open' | 'acknowledged';
  kind?: ShareAlertKind;
  grantId?: string;
}

function alertRows(db: Kysely<DB>) {
  return db
    .selectFrom('share_alerts as a')
    .innerJoin('departments as c', 'c.id', 'a.consumer_department_id')
    .leftJoin('departments as p', 'p.id', 'a.provider_department_id')
    .leftJoin('catalog_entries as e', 'e.resource_id', 'a.resource_id')
    .selectAll('a')
    .select([
      'c.name as consumerName',
      'p.name as providerName',
      'e.code as resourceCode',
      'e.name as resourceName',
    ]);
}

/** An alert with the names it is shown with. */
export type AlertRecord = Awaited<ReturnType<ReturnType<typeof alertRows>['executeTakeFirstOrThrow']>>;

/** A page of alerts in a scope, newest first. */
export async function listAlerts(
  db: Kysely<DB>,
  scope: AlertScope,
  filter: AlertFilter,
  window: { offset: number; limit: number },
) {
  let query = alertRows(db);
  if (scope.side === 'provider') query = query.where('a.provider_department_id', '=', scope.departmentId);
  else if (scope.regionIds !== null) {
    const regions =
      scope.regionIds.length > 0 ? [...scope.regionIds] : ['00000000-0000-0000-0000-000000000000'];
    query = query.where((eb) =>
      eb.or([eb('a.region_id', 'in', regions), eb('a.consumer_region_id', 'in', regions)]),
    );
  }
  if (filter.state) query = query.where('a.state', '=', filter.state);
  if (filter.kind) query = query.where('a.kind', '=', filter.kind);
  if (filter.grantId) query = query.where('a.grant_id', '=', filter.grantId);
  return fetchPage(query, window, (q) => q.orderBy('a.raised_at', 'desc').orderBy('a.id'));
}

/** One alert with its names. */
export async function findAlert(db: Kysely<DB>, id: string): Promise<AlertRecord | undefined> {
  return alertRows(db).where('a.id', '=', id).executeTakeFirst();
}

/** One alert, locked for the rest of the transaction (two acknowledgements do not race). */
export async function lockAlert(trx: Kysely<DB>, id: string) {
  return trx.selectFrom('share_alerts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Marks an alert acknowledged. */
export async function markAcknowledged(
  trx: Kysely<DB>,
  id: string,
  by: { id: string; name: string; note: string },
): Promise<void> {
  await trx
    .updateTable('share_alerts')
    .set({
      state: 'acknowledged',
      acknowledged_by: by.id,
      acknowledged_by_name: by.name,
      acknowledged_at: new Date(),
      acknowledgement_note: by.note,
    })
    .where('id', '=', id)
    .execute();
}
