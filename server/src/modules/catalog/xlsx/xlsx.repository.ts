import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/**
 * The resources of a department's catalog list, by code, each with the revision an export shows:
 * its draft if it has one, else its published revision. Withdrawn resources are not on the list.
 */
export async function listExportRevisions(
  db: Kysely<DB>,
  departmentId: string,
): Promise<{ code: string; revisionId: string }[]> {
  const rows = await db
    .selectFrom('catalog_resources')
    .select((eb) => ['code', eb.fn.coalesce('draft_revision_id', 'published_revision_id').as('revisionId')])
    .where('department_id', '=', departmentId)
    .where('status', '<>', 'withdrawn')
    .orderBy('code')
    .execute();
  return rows.filter((row): row is { code: string; revisionId: string } => row.revisionId !== null);
}
