// SQL of data usage agreements: the facts an agreement is generated from, and its rows.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { OpenAgreementTable } from '../conditional.tables.ts';

/** A stored agreement. */
export type OpenAgreementRow = Selectable<OpenAgreementTable>;

/** What an agreement names besides the application: the dataset, the provider and the applicant. */
export interface AgreementParties {
  code: string;
  datasetName: string;
  providerName: string;
  applicantName: string;
  personType: 'natural' | 'legal' | 'other' | null;
  identityMasked: string | null;
  contactName: string | null;
  /** Field name → item name, in the catalog's order, of the dataset's current published revision. */
  items: { field: string; name: string }[];
}

/** The parties and items of an agreement about `resourceId` between its provider and `userId`. */
export async function findAgreementParties(
  db: Kysely<DB>,
  resourceId: string,
  userId: string,
): Promise<AgreementParties | undefined> {
  const head = await db
    .selectFrom('catalog_entries as e')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .crossJoin('users as u')
    .select([
      'e.code',
      'e.name as datasetName',
      'e.revision_id',
      'd.name as providerName',
      'u.display_name as applicantName',
      'u.person_type as personType',
      'u.identity_masked as identityMasked',
      'u.contact_name as contactName',
    ])
    .where('e.resource_id', '=', resourceId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!head) return undefined;
  const items = await db
    .selectFrom('catalog_items')
    .select(['field_name as field', 'name'])
    .where('revision_id', '=', head.revision_id)
    .orderBy('position')
    .execute();
  const { revision_id: _revision, ...rest } = head;
  return { ...rest, items };
}

/** The next agreement number of a year: `KF` + year + a six-digit running number. */
export async function nextAgreementNumber(db: Kysely<DB>, year: string): Promise<string> {
  const { rows } = await sql<{ n: string }>`SELECT nextval('open_agreement_numbers')::text AS n`.execute(db);
  return `KF${year}${rows[0]!.n.padStart(6, '0')}`;
}

/** Stores a new agreement. */
export function insertAgreement(
  db: Kysely<DB>,
  row: Insertable<OpenAgreementTable>,
): Promise<OpenAgreementRow> {
  return db.insertInto('open_agreements').values(row).returningAll().executeTakeFirstOrThrow();
}
