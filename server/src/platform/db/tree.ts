import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Tables that form a tree through a `parent_id` column. */
export type TreeTable = 'regions' | 'departments';

/** The id of a row and of every row below it in its tree (regions under a region, etc.). */
export async function idsInSubtree(db: Kysely<DB>, table: TreeTable, rootId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE tree AS (
      SELECT id FROM ${sql.table(table)} WHERE id = ${rootId}
      UNION ALL
      SELECT child.id FROM ${sql.table(table)} child JOIN tree ON child.parent_id = tree.id
    )
    SELECT id FROM tree`.execute(db);
  return result.rows.map((row) => row.id);
}
