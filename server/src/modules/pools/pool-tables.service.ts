// The catalog is the schema: publishing a resource makes or changes its pool table. Adding items
// adds columns at once; a type change, a removal or a new key waits for an explicit migration
// step, because it touches data people have loaded. No column is ever dropped: a removed or retyped
// item's column is retired and keeps the values of old versions readable.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import { columnsOf, planChanges, poolSchemaName, poolTableName, type PoolColumn } from './pool-schema.ts';
import {
  addColumns,
  castCurrentValues,
  createKeyIndex,
  createPoolTable,
  findPoolTable,
  findPublishedResource,
  insertPoolTable,
  renameColumn,
  updatePoolTable,
} from './pool-tables.repository.ts';
import { requireOwnPool } from './pools.service.ts';
import './pools.messages.ts';

/**
 * Makes or follows the pool table of a just-published resource, in the publishing transaction.
 * Returns what changed, for the caller's audit detail.
 */
export async function syncPoolTable(trx: Kysely<DB>, resourceId: string) {
  const resource = await findPublishedResource(trx, resourceId);
  if (!resource) return null;
  const next = columnsOf(resource.items);
  const keys = next.filter((column) => column.isKey).map((column) => column.field);
  const existing = await findPoolTable(trx, resourceId, true);
  if (!existing) {
    const table = {
      schema_name: poolSchemaName(resource.credit_code),
      table_name: poolTableName(resource.code),
    };
    await createPoolTable(trx, table, next, keys);
    await insertPoolTable(trx, {
      resource_id: resource.id,
      department_id: resource.department_id,
      ...table,
      revision_id: resource.revisionId,
      columns: next,
      key_fields: keys,
    });
    return { created: true, added: next.map((c) => c.field), pending: [] as string[] };
  }
  const plan = planChanges(existing.columns, existing.key_fields, next);
  await addColumns(trx, existing, plan.add);
  const relabelled = new Map(plan.relabel.map((column) => [column.field, column]));
  const columns: PoolColumn[] = [
    ...existing.columns.map((column) => (column.retired ? column : (relabelled.get(column.field) ?? column))),
    ...plan.add,
  ];
  await updatePoolTable(trx, resourceId, {
    revision_id: resource.revisionId,
    columns,
    pending_changes: plan.pending,
  });
  return {
    created: false,
    added: plan.add.map((c) => c.field),
    pending: plan.pending.map((c) => c.kind + ':' + c.field),
  };
}

const retiredName = (field: string, version: number) => `${field.slice(0, 48)}__v${version}`;

/**
 * Applies the waiting changes of a table (the explicit, audited step): a removed item's column is
 * retired; a retyped item's old column is retired under a new name and a new column takes the
 * current rows' values, cast (a value that does not cast refuses the whole step); a new key gets
 * its unique index (refused while current rows repeat a key).
 */
export async function migratePoolTable(db: Kysely<DB>, context: RequestContext, resourceId: string) {
  return db.transaction().execute(async (trx) => {
    const table = await findPoolTable(trx, resourceId, true);
    if (!table) throw notFound('what.pool_table');
    requireOwnPool(context.actor!, table);
    const pending = table.pending_changes;
    if (pending.length === 0) throw conflict('pool.migrate.nothing');
    let columns = [...table.columns];
    let keys = table.key_fields;
    for (const change of pending) {
      const at = columns.findIndex((column) => column.field === change.field && !column.retired);
      if (change.kind === 'remove' && at >= 0) {
        columns[at] = { ...columns[at]!, retired: true };
      } else if (change.kind === 'retype' && at >= 0 && change.to) {
        const old = columns[at]!;
        const retired = retiredName(old.field, table.current_version);
        await renameColumn(trx, table, old.column, retired);
        await addColumns(trx, table, [change.to]);
        try {
          await castCurrentValues(trx, table, retired, change.to);
        } catch (error) {
          throw new AppError(422, 'pool.migrate.cast_failed', {
            field: change.field,
            reason: String((error as Error).message),
          });
        }
        columns = [
          ...columns.slice(0, at),
          { ...old, column: retired, retired: true },
          change.to,
          ...columns.slice(at + 1),
        ];
      } else if (change.kind === 'key') {
        keys = change.keyFields ?? [];
        columns = columns.map((column) => ({
          ...column,
          isKey: keys.includes(column.field) && !column.retired,
        }));
        try {
          await createKeyIndex(trx, table, keys);
        } catch {
          throw new AppError(409, 'pool.migrate.duplicate_keys', { key: keys.join(', ') });
        }
      }
    }
    await updatePoolTable(trx, resourceId, { columns, key_fields: keys, pending_changes: [] });
    await recordAudit(trx, context, {
      action: 'pool.table.migrate',
      targetType: 'pool_table',
      targetId: resourceId,
      departmentId: table.department_id,
      detail: { changes: pending.map((change) => ({ kind: change.kind, field: change.field })) },
    });
    return { applied: pending.length };
  });
}
