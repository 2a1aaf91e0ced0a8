import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SecurityRules } from '../../platform/profiles/profile.schema.ts';
import { reportDueSql } from './incidents/incidents.repository.ts';
import { scopeDepartmentIds } from './security.repository.ts';
import type { RegisterScope } from './security.scope.ts';

/** Per department of the scope: last drill, last assessment, current plans and their oldest approval. */
export function registerDates(db: Kysely<DB>, scope: RegisterScope) {
  const ids = scopeDepartmentIds(db, scope);
  return Promise.all([
    db
      .selectFrom('security_drills')
      .select(['department_id', sql<string>`max(held_on)::text`.as('last')])
      .where('department_id', 'in', ids)
      .groupBy('department_id')
      .execute(),
    db
      .selectFrom('security_assessments')
      .select(['department_id', sql<string>`max(assessed_on)::text`.as('last')])
      .where('department_id', 'in', ids)
      .groupBy('department_id')
      .execute(),
    db
      .selectFrom('security_plans')
      .select([
        'department_id',
        sql<number>`count(*)`.as('count'),
        sql<string>`min(approved_on)::text`.as('oldest'),
      ])
      .where('department_id', 'in', ids)
      .where('retired', '=', false)
      .groupBy('department_id')
      .execute(),
  ]);
}

/** Per department of the scope: incidents not closed, and those whose report is overdue now. */
export function incidentCounts(db: Kysely<DB>, rules: SecurityRules['incidents'], scope: RegisterScope) {
  return db
    .selectFrom('security_incidents as i')
    .select([
      'i.department_id',
      sql<number>`count(*) FILTER (WHERE i.state <> 'closed')`.as('open'),
      sql<number>`count(*) FILTER (WHERE i.reported_at IS NULL AND ${reportDueSql(rules)} < now())`.as(
        'overdue',
      ),
    ])
    .where('i.department_id', 'in', scopeDepartmentIds(db, scope))
    .groupBy('i.department_id')
    .execute();
}
