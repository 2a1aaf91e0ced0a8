// SQL of the masking rules: the resource and its published items as masking needs them, the rules
// set on them, and the pseudonym secret.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { MaskRule } from '../../../platform/masking/rules.ts';

/** A published resource with its provider, security level and items (in item order). */
export async function findMaskingResource(db: Kysely<DB>, resourceId: string) {
  const resource = await db
    .selectFrom('catalog_resources as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .innerJoin('catalog_revisions as v', 'v.id', 'r.published_revision_id')
    .select([
      'r.id',
      'r.code',
      'r.department_id',
      'd.region_id',
      'd.name as department_name',
      'v.name',
      'v.security_level',
      'v.id as revision_id',
    ])
    .where('r.id', '=', resourceId)
    .executeTakeFirst();
  if (!resource) return undefined;
  const items = await db
    .selectFrom('catalog_items')
    .select(['name', 'field_name', 'data_type', 'sensitivity', 'is_key', 'security_level as level'])
    .where('revision_id', '=', resource.revision_id)
    .orderBy('position')
    .execute();
  return { ...resource, items };
}

/** The rules set on a resource's items. */
export async function listRules(db: Kysely<DB>, resourceId: string) {
  return db.selectFrom('masking_rules').selectAll().where('resource_id', '=', resourceId).execute();
}

/** Sets (or replaces) an item's rule; returns the rule it replaced, if there was one. */
export async function upsertRule(
  trx: Kysely<DB>,
  row: {
    resourceId: string;
    fieldName: string;
    rule: MaskRule;
    note: string | null;
    by: string | null;
    byName: string | null;
  },
) {
  const before = await trx
    .selectFrom('masking_rules')
    .select(['rule'])
    .where('resource_id', '=', row.resourceId)
    .where('field_name', '=', row.fieldName)
    .forUpdate()
    .executeTakeFirst();
  const values = {
    rule: JSON.stringify(row.rule),
    note: row.note,
    updated_by: row.by,
    updated_by_name: row.byName,
    updated_at: new Date(),
  };
  await trx
    .insertInto('masking_rules')
    .values({ resource_id: row.resourceId, field_name: row.fieldName, ...values })
    .onConflict((oc) => oc.columns(['resource_id', 'field_name']).doUpdateSet(values))
    .execute();
  return before?.rule ?? null;
}

/** Removes an item's rule (it falls back to the default); returns the removed rule. */
export async function deleteRule(trx: Kysely<DB>, resourceId: string, fieldName: string) {
  const removed = await trx
    .deleteFrom('masking_rules')
    .where('resource_id', '=', resourceId)
    .where('field_name', '=', fieldName)
    .returning(['rule'])
    .executeTakeFirst();
  return removed?.rule ?? null;
}

/** The pseudonym secret the database made at migration. */
export async function readStoredSecret(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('masking_secret').select('secret').executeTakeFirstOrThrow();
  return row.secret;
}
