// Reads of what an open dataset offers for the data routes: only published entries whose open type
// is unconditional or conditional and whose secrecy review passed (the open catalog's own gate).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { OPEN_TYPES } from '../../dcat/open-catalog.repository.ts';

/** What the data routes need to know of an open dataset. */
export interface OpenAccessRow {
  resource_id: string;
  code: string;
  name: string;
  open_type: string;
  open_methods: string[];
}

/** The open dataset with this resource id, or undefined when it is not (or no longer) open. */
export function findOpenAccess(db: Kysely<DB>, resourceId: string): Promise<OpenAccessRow | undefined> {
  return db
    .selectFrom('catalog_entries as e')
    .innerJoin('catalog_revisions as r', 'r.id', 'e.revision_id')
    .select(['e.resource_id', 'e.code', 'e.name', 'r.open_type', 'r.open_methods'])
    .where('e.resource_id', '=', resourceId)
    .where('e.open_type', 'in', OPEN_TYPES)
    .where('e.open_review_passed', '=', true)
    .executeTakeFirst();
}
