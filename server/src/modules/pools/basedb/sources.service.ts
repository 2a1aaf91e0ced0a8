// One data, one source (一数一源, CQ19 §16, SC §12): the data authority assigns each item of a base
// database its one authoritative source, a column of a department's pool; resources of other
// departments that collect the same item are flagged as duplicate collection.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound } from '../../../platform/errors/app-error.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { isTopRegion } from '../../audit/audit.repository.ts';
import type { BaseDatabase } from '../../catalog/catalog.tables.ts';
import { findPoolTable } from '../pool-tables.repository.ts';
import { BASE_KEYS, normaliseName, sourceKeyColumn } from './base-keys.ts';
import './basedb.messages.ts';
import {
  deleteSource,
  findSource,
  findSourceOfItem,
  insertSource,
  listSources,
  publishedItems,
  updateSource,
  type BaseSourceRow,
} from './sources.repository.ts';

/** Only the top region's authority (the data authority of the deployment) manages base and theme databases. */
export async function requireDataAuthority(db: Kysely<DB>, actor: Actor): Promise<void> {
  if (actor.role !== 'authority_officer' || !actor.regionId || !(await isTopRegion(db, actor.regionId)))
    throw forbidden('basedb.authority_only');
}

/** What the authority assigns: a base item and the pool column that is its source. */
export interface SourceInput {
  baseDatabase: BaseDatabase;
  /** The item's name in the base database; defaults to the source item's name. */
  itemName?: string;
  /** The item's column in the base table; defaults to the source's field name. */
  fieldName?: string;
  resourceId: string;
  sourceField: string;
}

/** The pool table of a source and its column, checked: live, not the key, and keyed as the base needs. */
async function sourceColumn(db: Kysely<DB>, base: BaseDatabase, resourceId: string, field: string) {
  const table = await findPoolTable(db, resourceId);
  if (!table) throw notFound('what.pool_table');
  const column = table.columns.find((c) => c.field === field && !c.retired);
  if (!column)
    throw invalid(
      'basedb.source.no_field',
      [{ path: '/body/sourceField', code: 'basedb.source.no_field', params: { field } }],
      { field },
    );
  const key = sourceKeyColumn(base, table);
  if (!key) {
    const check = BASE_KEYS[base].check;
    throw invalid('basedb.source.no_key', [], { key: `basedb.key.${check ?? 'single'}` });
  }
  if (key.field === field) throw invalid('basedb.source.is_key', [], { field });
  return { table, column };
}

function requireFieldName(base: BaseDatabase, fieldName: string) {
  if (fieldName === BASE_KEYS[base].column || fieldName.startsWith('_'))
    throw invalid(
      'basedb.source.key_column',
      [{ path: '/body/fieldName', code: 'basedb.source.key_column', params: { field: fieldName } }],
      { field: fieldName },
    );
}

const describe = (row: BaseSourceRow) => ({
  itemName: row.item_name,
  departmentId: row.department_id,
  resourceId: row.resource_id,
  sourceField: row.source_field,
});

/** Assigns a base item its source; a second source for the same item is refused (409). */
export async function assignSource(db: Kysely<DB>, context: RequestContext, input: SourceInput) {
  const actor = context.actor!;
  await requireDataAuthority(db, actor);
  return db.transaction().execute(async (trx) => {
    const { table, column } = await sourceColumn(
      trx,
      input.baseDatabase,
      input.resourceId,
      input.sourceField,
    );
    const fieldName = input.fieldName ?? column.field;
    const itemName = input.itemName ?? column.name;
    requireFieldName(input.baseDatabase, fieldName);
    const taken = await findSourceOfItem(trx, input.baseDatabase, { fieldName, itemName });
    if (taken) throw conflict('basedb.source.taken', { item: taken.item_name, field: taken.field_name });
    const row = await insertSource(trx, {
      base_database: input.baseDatabase,
      item_name: itemName,
      field_name: fieldName,
      department_id: table.department_id,
      resource_id: table.resource_id,
      source_field: column.field,
      assigned_by: actor.id,
      assigned_by_name: actor.displayName,
    }).catch((error: unknown) => {
      // Two assignments of one item at the same moment: the unique constraint keeps one.
      if ((error as { code?: unknown }).code === '23505')
        throw conflict('basedb.source.taken', { item: itemName, field: fieldName });
      throw error;
    });
    await recordAudit(trx, context, {
      action: 'pool.basedb.source.assign',
      targetType: 'base_source',
      targetId: row.id,
      departmentId: table.department_id,
      detail: { baseDatabase: row.base_database, fieldName, ...describe(row) },
    });
    return row;
  });
}

/** Changes the source of a base item (another department, resource or field); audited with before and after. */
export async function changeSource(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  input: { resourceId: string; sourceField: string; itemName?: string },
) {
  const actor = context.actor!;
  await requireDataAuthority(db, actor);
  return db.transaction().execute(async (trx) => {
    const before = await findSource(trx, id, true);
    if (!before) throw notFound('what.base_source');
    const { table, column } = await sourceColumn(
      trx,
      before.base_database,
      input.resourceId,
      input.sourceField,
    );
    const itemName = input.itemName ?? before.item_name;
    if (itemName !== before.item_name) {
      const taken = await findSourceOfItem(trx, before.base_database, {
        fieldName: before.field_name,
        itemName,
      });
      if (taken && taken.id !== id)
        throw conflict('basedb.source.taken', { item: taken.item_name, field: taken.field_name });
    }
    const after = await updateSource(trx, id, {
      item_name: itemName,
      department_id: table.department_id,
      resource_id: table.resource_id,
      source_field: column.field,
      assigned_by: actor.id,
      assigned_by_name: actor.displayName,
    });
    await recordAudit(trx, context, {
      action: 'pool.basedb.source.change',
      targetType: 'base_source',
      targetId: id,
      departmentId: table.department_id,
      detail: {
        baseDatabase: before.base_database,
        fieldName: before.field_name,
        before: describe(before),
        after: describe(after),
      },
    });
    return after;
  });
}

/** Withdraws a base item's source (the item leaves the base database at the next build). */
export async function removeSource(db: Kysely<DB>, context: RequestContext, id: string) {
  await requireDataAuthority(db, context.actor!);
  await db.transaction().execute(async (trx) => {
    const row = await findSource(trx, id, true);
    if (!row) throw notFound('what.base_source');
    await deleteSource(trx, id);
    await recordAudit(trx, context, {
      action: 'pool.basedb.source.remove',
      targetType: 'base_source',
      targetId: id,
      departmentId: row.department_id,
      detail: { baseDatabase: row.base_database, fieldName: row.field_name, ...describe(row) },
    });
  });
}

/** Every assigned source (the assignment is public knowledge inside the platform). */
export async function sourcesOf(db: Kysely<DB>, base?: BaseDatabase) {
  return listSources(db, base);
}

/** A resource of another department that collects a base item (重复采集). */
export interface DuplicateFlag {
  baseDatabase: BaseDatabase;
  itemName: string;
  fieldName: string;
  sourceDepartmentId: string;
  sourceDepartmentName: string;
  sourceResourceId: string;
  sourceResourceCode: string;
  sourceResourceName: string | null;
  departmentId: string;
  departmentName: string;
  regionId: string;
  resourceId: string;
  resourceCode: string;
  resourceName: string;
  duplicateItemName: string;
  duplicateField: string;
}

/**
 * The duplicate-collection flags: published items of other departments' resources that match a
 * base item by field name (the base's or the source's) or by item name, normalised. Keys are not
 * flagged: holding the ID number is how records meet, not a second collection of the item.
 * Departments see flags about their own resources (as duplicator or source), authorities and
 * auditors those in their regions. Oversight reads the unscoped list (`actor` null).
 */
export async function duplicateFlags(db: Kysely<DB>, actor: Actor | null): Promise<DuplicateFlag[]> {
  const [sources, items] = await Promise.all([listSources(db), publishedItems(db)]);
  const flags: DuplicateFlag[] = [];
  for (const source of sources) {
    const fields = new Set([normaliseName(source.field_name), normaliseName(source.source_field)]);
    const name = normaliseName(source.item_name);
    for (const item of items) {
      if (item.department_id === source.department_id || item.is_key) continue;
      if (!fields.has(normaliseName(item.field_name)) && normaliseName(item.item_name) !== name) continue;
      flags.push({
        baseDatabase: source.base_database,
        itemName: source.item_name,
        fieldName: source.field_name,
        sourceDepartmentId: source.department_id,
        sourceDepartmentName: source.department_name,
        sourceResourceId: source.resource_id,
        sourceResourceCode: source.resource_code,
        sourceResourceName: source.resource_name,
        departmentId: item.department_id,
        departmentName: item.department_name,
        regionId: item.region_id,
        resourceId: item.resource_id,
        resourceCode: item.resource_code,
        resourceName: item.resource_name,
        duplicateItemName: item.item_name,
        duplicateField: item.field_name,
      });
    }
  }
  if (!actor || actor.role === 'platform_admin') return flags;
  if (actor.role === 'authority_officer' || actor.role === 'auditor')
    return flags.filter((flag) => actor.regionScope.includes(flag.regionId));
  return flags.filter(
    (flag) => flag.departmentId === actor.departmentId || flag.sourceDepartmentId === actor.departmentId,
  );
}
