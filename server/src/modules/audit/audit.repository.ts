import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { sortOrder } from '../../platform/http/pagination.ts';
import type { AuditEvent } from './audit.schemas.ts';
import { containing, startingWith } from '../../platform/db/like.ts';

/** What the service has decided to show: the caller's filters, made exact, plus the caller's scope. */
export interface AuditFilter {
  actor?: string;
  departmentId?: string;
  actionPrefix?: string;
  targetType?: string;
  targetId?: string;
  outcome?: 'success' | 'denied' | 'failure';
  /** Inclusive lower bound, an ISO instant (kept as text so microseconds survive). */
  from?: string;
  /** Upper bound, an ISO instant; exclusive for whole days, inclusive for an instant. */
  to?: { at: string; inclusive: boolean };
  /** `all`, or the regions whose departments' events (and events of their people without a department) show. */
  scope: 'all' | { regionIds: readonly string[] };
}

type EventQuery<O> = SelectQueryBuilder<DB, 'audit_events', O>;

function applyFilter<O>(query: EventQuery<O>, filter: AuditFilter): EventQuery<O> {
  let q = query;
  const { scope } = filter;
  if (scope !== 'all') {
    if (scope.regionIds.length === 0) return q.where(sql<boolean>`false`);
    q = q.where((eb) =>
      eb.or([
        eb(
          'audit_events.department_id',
          'in',
          eb
            .selectFrom('departments')
            .select('departments.id')
            .where('departments.region_id', 'in', scope.regionIds),
        ),
        eb.and([
          eb('audit_events.department_id', 'is', null),
          eb('audit_events.region_id', 'in', scope.regionIds),
        ]),
      ]),
    );
  }
  if (filter.actor) {
    const actor = filter.actor;
    q = q.where((eb) =>
      eb.or([
        eb('audit_events.actor_id', '=', actor),
        eb('audit_events.actor_name', 'ilike', containing(actor)),
      ]),
    );
  }
  if (filter.departmentId) q = q.where('audit_events.department_id', '=', filter.departmentId);
  if (filter.actionPrefix) q = q.where('audit_events.action', 'like', startingWith(filter.actionPrefix));
  if (filter.targetType) q = q.where('audit_events.target_type', '=', filter.targetType);
  if (filter.targetId) q = q.where('audit_events.target_id', '=', filter.targetId);
  if (filter.outcome) q = q.where('audit_events.outcome', '=', filter.outcome);
  if (filter.from) q = q.where(sql<boolean>`audit_events.occurred_at >= ${filter.from}::timestamptz`);
  if (filter.to) {
    const at = filter.to.at;
    q = q.where(
      filter.to.inclusive
        ? sql<boolean>`audit_events.occurred_at <= ${at}::timestamptz`
        : sql<boolean>`audit_events.occurred_at < ${at}::timestamptz`,
    );
  }
  return q;
}

function selectEvents(db: Kysely<DB>) {
  return db.selectFrom('audit_events').select([
    'audit_events.id',
    'audit_events.seq',
    'audit_events.occurred_at as occurredAt',
    'audit_events.actor_type as actorType',
    'audit_events.actor_id as actorId',
    'audit_events.actor_name as actorName',
    'audit_events.actor_role as actorRole',
    'audit_events.department_id as departmentId',
    // A subquery rather than a join keeps one table in scope for the shared filters.
    (eb) =>
      eb
        .selectFrom('departments')
        .select('departments.name')
        .whereRef('departments.id', '=', 'audit_events.department_id')
        .as('departmentName'),
    'audit_events.action',
    'audit_events.outcome',
    'audit_events.target_type as targetType',
    'audit_events.target_id as targetId',
    'audit_events.purpose',
    'audit_events.request_id as requestId',
    'audit_events.ip',
    'audit_events.detail',
  ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectEvents>['executeTakeFirstOrThrow']>>;

function toEvent(row: Row): AuditEvent {
  return { ...row, occurredAt: new Date(row.occurredAt).toISOString(), detail: row.detail ?? {} };
}

const SORTABLE = {
  id: 'audit_events.id',
  seq: 'audit_events.seq',
  occurredAt: 'audit_events.occurred_at',
  action: 'audit_events.action',
} as const;

/** One page of the audit trail, newest first unless sorted otherwise, with the total. */
export async function listAuditEvents(
  db: Kysely<DB>,
  filter: AuditFilter,
  page: { offset: number; limit: number; sort?: string },
): Promise<{ items: AuditEvent[]; total: number }> {
  const order = sortOrder(page.sort, SORTABLE, { column: 'audit_events.id', direction: 'desc' });
  const rows = await applyFilter(selectEvents(db), filter)
    .orderBy(order.column, order.direction)
    .orderBy('audit_events.id', order.direction)
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const count = await applyFilter(
    db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')),
    filter,
  ).executeTakeFirstOrThrow();
  return { items: rows.map(toEvent), total: Number(count.n) };
}

/** The next batch of the export: events older than `beforeId`, newest first (keyset paging). */
export async function exportBatch(
  db: Kysely<DB>,
  filter: AuditFilter,
  beforeId: number | null,
  limit: number,
): Promise<AuditEvent[]> {
  let query = applyFilter(selectEvents(db), filter);
  if (beforeId !== null) query = query.where('audit_events.id', '<', beforeId);
  const rows = await query.orderBy('audit_events.id', 'desc').limit(limit).execute();
  return rows.map(toEvent);
}

/** Whether a region is the top of the deployment (has no parent). */
export async function isTopRegion(db: Kysely<DB>, regionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('regions')
    .select('parent_id')
    .where('id', '=', regionId)
    .executeTakeFirst();
  return row !== undefined && row.parent_id === null;
}

/** A department's region, for scope checks; undefined when there is no such department. */
export async function findDepartmentRegion(
  db: Kysely<DB>,
  departmentId: string,
): Promise<{ id: string; regionId: string } | undefined> {
  return db
    .selectFrom('departments')
    .select(['id', 'region_id as regionId'])
    .where('id', '=', departmentId)
    .executeTakeFirst();
}
