// SQL of data usage agreements: the facts an agreement is generated from, its rows and lists, its
// signatures, the parties' signing keys and the usage feedback.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type {
  OpenAgreementSignatureTable,
  OpenAgreementTable,
  OpenUsageFeedbackTable,
  PartySigningKeyTable,
} from '../conditional.tables.ts';
import type { LevelColumns } from '../../sharing/sharing-views.ts';
import type { AgreementStatus } from './agreement-status.ts';

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

/** The agreement with `id`, locked for a change (signing, review); undefined when there is none. */
export function lockAgreement(trx: Kysely<DB>, id: string): Promise<OpenAgreementRow | undefined> {
  return trx.selectFrom('open_agreements').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Changes an agreement's row (its `updated_at` too). */
export async function updateAgreement(
  trx: Kysely<DB>,
  id: string,
  patch: Updateable<OpenAgreementTable>,
): Promise<void> {
  await trx
    .updateTable('open_agreements')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

// The China day of a moment, as SQL (feedback days count on China's calendar like the period).
const chinaDay = (column: string) =>
  sql<string>`((${sql.ref(column)} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

/**
 * An agreement as lists and the detail show it: the row, its resource's published level, the
 * reviewer's name, the latest feedback day.
 */
export type ListedAgreement = OpenAgreementRow &
  LevelColumns & {
    reviewer_name: string | null;
    /** China day of the latest usage feedback, 'YYYY-MM-DD', or null. */
    last_feedback_on: string | null;
  };

function listedAgreements(db: Kysely<DB>) {
  return db
    .selectFrom('open_agreements as a')
    .leftJoin('users as rv', 'rv.id', 'a.reviewed_by')
    .leftJoin('catalog_entries as ce', 'ce.resource_id', 'a.resource_id')
    .selectAll('a')
    .select((eb) => [
      'rv.display_name as reviewer_name',
      'ce.security_level',
      'ce.security_sublevel',
      eb
        .selectFrom('open_usage_feedback as f')
        .select(sql<string>`to_char(max(${chinaDay('f.created_at')}), 'YYYY-MM-DD')`.as('day'))
        .whereRef('f.agreement_id', '=', 'a.id')
        .as('last_feedback_on'),
    ]);
}

/** One agreement with its reviewer's name and latest feedback day. */
export async function findListedAgreement(db: Kysely<DB>, id: string): Promise<ListedAgreement | undefined> {
  return listedAgreements(db).where('a.id', '=', id).executeTakeFirst() as Promise<
    ListedAgreement | undefined
  >;
}

/** Whose agreements a list shows. */
export type AgreementScope =
  | { kind: 'applicant'; userId: string }
  | { kind: 'provider'; departmentId: string }
  | { kind: 'regions'; regionIds: readonly string[] };

/** Filters of the agreement lists (`status` is the presented status, see agreement-status.ts). */
export interface AgreementFilter {
  status?: AgreementStatus;
  resourceId?: string;
  feedbackOverdue?: boolean;
}

/**
 * The SQL twin of `feedbackSchedule(...).overdue` on `today`: an agreement that owes feedback
 * whose next due day (the latest report's day, or the first day, plus the interval, capped at the
 * last day) has passed, and whose final report (on or after the last day) is not in.
 */
export function feedbackOverdueSql(today: string) {
  const last = sql`(SELECT max(${chinaDay('f.created_at')}) FROM open_usage_feedback f WHERE f.agreement_id = a.id)`;
  return sql<boolean>`(a.state IN ('active', 'suspended')
    AND (${last} IS NULL OR ${last} < a.valid_until)
    AND LEAST(GREATEST(COALESCE(${last}, a.valid_from), a.valid_from) + a.feedback_every_days, a.valid_until)
        < ${today}::date)`;
}

/** The SQL condition of a presented status on `today`. */
function statusSql(status: AgreementStatus, today: string) {
  switch (status) {
    case 'not_started':
      return sql<boolean>`(a.state = 'active' AND a.valid_from > ${today}::date)`;
    case 'ended':
      return sql<boolean>`(a.state = 'active' AND a.valid_until < ${today}::date)`;
    case 'active':
      return sql<boolean>`(a.state = 'active' AND a.valid_from <= ${today}::date AND a.valid_until >= ${today}::date)`;
    default:
      return sql<boolean>`(a.state = ${status})`;
  }
}

/** A page of agreements in a scope, newest first. */
export function listAgreements(
  db: Kysely<DB>,
  scope: AgreementScope,
  filter: AgreementFilter,
  today: string,
  window: { offset: number; limit: number },
): Promise<{ rows: ListedAgreement[]; total: number }> {
  let query = listedAgreements(db);
  if (scope.kind === 'applicant') query = query.where('a.applicant_user_id', '=', scope.userId);
  else if (scope.kind === 'provider')
    query = query.where('a.provider_department_id', '=', scope.departmentId);
  else if (scope.regionIds.length === 0) query = query.where(sql<boolean>`false`);
  else query = query.where('a.provider_region_id', 'in', scope.regionIds);
  if (filter.resourceId) query = query.where('a.resource_id', '=', filter.resourceId);
  if (filter.status) query = query.where(statusSql(filter.status, today));
  if (filter.feedbackOverdue !== undefined) {
    const overdue = feedbackOverdueSql(today);
    query = query.where(filter.feedbackOverdue ? overdue : sql<boolean>`NOT ${overdue}`);
  }
  return fetchPage(query, window, (q) =>
    q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc'),
  ) as Promise<{
    rows: ListedAgreement[];
    total: number;
  }>;
}

/** A stored signature. */
export type AgreementSignatureRow = Selectable<OpenAgreementSignatureTable>;

/** The signatures of an agreement, applicant first. */
export function listSignatures(db: Kysely<DB>, agreementId: string): Promise<AgreementSignatureRow[]> {
  return db
    .selectFrom('open_agreement_signatures')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('signed_at')
    .orderBy('party')
    .execute();
}

/** Stores a side's signature (the primary key refuses a second one of the same side). */
export async function insertSignature(
  trx: Kysely<DB>,
  row: Insertable<OpenAgreementSignatureTable>,
): Promise<void> {
  await trx.insertInto('open_agreement_signatures').values(row).execute();
}

/** A party's stored signing key. */
export type PartyKeyRow = Selectable<PartySigningKeyTable>;

/** The signing key of an owner for an algorithm. */
export function findPartyKey(
  db: Kysely<DB>,
  owner: { type: 'user' | 'department'; id: string },
  alg: string,
): Promise<PartyKeyRow | undefined> {
  return db
    .selectFrom('party_signing_keys')
    .selectAll()
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .where('alg', '=', alg)
    .executeTakeFirst();
}

/** Stores a new party key unless one exists already (two first signatures at once keep the first). */
export async function insertPartyKey(trx: Kysely<DB>, row: Insertable<PartySigningKeyTable>): Promise<void> {
  await trx
    .insertInto('party_signing_keys')
    .values(row)
    .onConflict((oc) => oc.columns(['owner_type', 'owner_id', 'alg']).doNothing())
    .execute();
}

/** A stored usage feedback with its author's name. */
export type FeedbackRow = Selectable<OpenUsageFeedbackTable> & { submitted_by_name: string };

/** Stores a usage feedback. */
export function insertFeedback(
  trx: Kysely<DB>,
  row: Insertable<OpenUsageFeedbackTable>,
): Promise<Selectable<OpenUsageFeedbackTable>> {
  return trx.insertInto('open_usage_feedback').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The usage feedback of an agreement, newest first. */
export function listFeedback(db: Kysely<DB>, agreementId: string): Promise<FeedbackRow[]> {
  return db
    .selectFrom('open_usage_feedback as f')
    .innerJoin('users as u', 'u.id', 'f.submitted_by')
    .selectAll('f')
    .select('u.display_name as submitted_by_name')
    .where('f.agreement_id', '=', agreementId)
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id')
    .execute();
}

/** What the platform registered under an agreement number: its digest and signatures. */
export async function findRegistered(
  db: Kysely<DB>,
  number: string,
): Promise<
  { digest: string; signatures: { party: string; key_id: string; signature: string }[] } | undefined
> {
  const agreement = await db
    .selectFrom('open_agreements')
    .select(['id', 'digest'])
    .where('number', '=', number)
    .executeTakeFirst();
  if (!agreement) return undefined;
  const signatures = await db
    .selectFrom('open_agreement_signatures')
    .select(['party', 'key_id', 'signature'])
    .where('agreement_id', '=', agreement.id)
    .execute();
  return { digest: agreement.digest, signatures };
}
