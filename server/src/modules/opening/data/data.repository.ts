// Reads of what an open dataset offers for the data routes: only published entries whose open type
// is unconditional or conditional and whose secrecy review passed (the open catalog's own gate);
// for conditional data, the user's data usage agreements for it.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { AgreedMethod, OpenAgreementState } from '../conditional.tables.ts';
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

/** An agreement of a user for a dataset, as the access check needs it. */
export interface AccessAgreementRow {
  id: string;
  number: string;
  state: OpenAgreementState;
  valid_from: string;
  valid_until: string;
  fields: string[];
  methods: AgreedMethod[];
  purpose: string;
  /** Why the agreement is suspended or terminated (usage supervision), shown to the user. */
  state_reason: string | null;
}

/**
 * The agreements of `userId` for `resourceId` that may bear on access (not refused), newest first.
 * A user has few (one per approved application), so the choice among them is made in code.
 */
export function findAccessAgreements(
  db: Kysely<DB>,
  userId: string,
  resourceId: string,
): Promise<AccessAgreementRow[]> {
  return db
    .selectFrom('open_agreements as a')
    .innerJoin('open_applications as p', 'p.id', 'a.application_id')
    .select([
      'a.id',
      'a.number',
      'a.state',
      'a.valid_from',
      'a.valid_until',
      'a.fields',
      'a.methods',
      'a.state_reason',
      'p.purpose',
    ])
    .where('a.applicant_user_id', '=', userId)
    .where('a.resource_id', '=', resourceId)
    .where('a.state', '<>', 'refused')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}
