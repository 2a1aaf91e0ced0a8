// The return flow (回流, SC §22): records that an upper-level platform sends back for local use are
// received as an upsert batch into the pool of the resource they belong to. Only the data authority
// of the resource's region (a person, or an application of the authority) or a platform
// administrator may send them: the providing department's own pushes go through /records.
// Who the upper platform is, is taken as told (`origin`); signed federation is issue 11.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { idsInSubtree } from '../../../platform/db/tree.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden, inDepartmentScope } from '../../../platform/policy/policy.ts';
import { findBatch } from '../batches.repository.ts';
import { findPoolTable } from '../pool-tables.repository.ts';
import { pushRows } from '../pools.service.ts';
import { findDepartmentKind, setBatchOrigin } from './pulls.repository.ts';
import './pulls.messages.ts';

/** Throws 403 unless the actor is the authority over the department (or a platform admin). */
async function requireReturnRight(db: Kysely<DB>, actor: Actor, departmentId: string) {
  const department = await findDepartmentKind(db, departmentId);
  if (!department) throw notFound('what.department');
  if (actor.role === 'platform_admin') return;
  if (actor.role === 'authority_officer' && inDepartmentScope(actor, department)) return;
  if (actor.role === 'department_application' && actor.departmentId) {
    // An application acts for its department: it must be an authority whose region holds the resource's.
    const own = await findDepartmentKind(db, actor.departmentId);
    if (
      own?.kind === 'authority' &&
      (await idsInSubtree(db, 'regions', own.regionId)).includes(department.regionId)
    )
      return;
  }
  throw forbidden('pool.return.forbidden');
}

/** Receives returned records as one batch (upsert by key, all or none), recording their origin. */
export async function receiveReturn(
  database: Database,
  context: RequestContext,
  resourceId: string,
  input: { origin: string; records: readonly Record<string, unknown>[] },
) {
  const db = database.db;
  const table = await findPoolTable(db, resourceId);
  if (!table) throw notFound('what.pool_table');
  await requireReturnRight(db, context.actor!, table.department_id);
  const batch = await pushRows(database, context, resourceId, input.records, 'return');
  await db.transaction().execute(async (trx) => {
    await setBatchOrigin(trx, batch.id, input.origin);
    await recordAudit(trx, context, {
      action: 'pool.return.receive',
      outcome: batch.state === 'loaded' ? 'success' : 'failure',
      targetType: 'pool_batch',
      targetId: batch.id,
      departmentId: table.department_id,
      detail: { resourceId, origin: input.origin, records: input.records.length, state: batch.state },
    });
  });
  return (await findBatch(db, batch.id))!;
}
