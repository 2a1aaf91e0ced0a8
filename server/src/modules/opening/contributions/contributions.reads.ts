// Reads of organisations' datasets: the public list and page (approved only), the publisher's own,
// the authority's list of what waits for review in its region.
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/policy/actor.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import {
  findContentHead,
  findContribution,
  listContributions,
  type ContributionInfo,
} from './contributions.repository.ts';
import type { ContributionState } from './contributions.tables.ts';

const PREVIEW_ROWS = 10;
const PREVIEW_BYTES = 64 * 1024;

/** A contribution as shown; the review reason only to its publisher and the authority. */
export function presentContribution(row: ContributionInfo, full: boolean) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    keywords: row.keywords,
    licence: row.licence,
    updateCycle: row.update_cycle,
    sourceNote: row.source_note,
    publisher: row.publisher_name,
    columns: row.columns,
    rows: row.row_count,
    size: row.size_bytes,
    digest: row.digest,
    state: row.state,
    reviewReason: full ? row.review_reason : null,
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
    downloads: row.downloads,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The list for a view: public (approved), own (the publisher's), or review (the authority's region). */
export async function contributionList(
  db: Kysely<DB>,
  actor: Actor | null,
  view: 'public' | 'own' | 'review',
  query: { q?: string; state?: ContributionState; page?: number; pageSize?: number },
) {
  const pageSize = query.pageSize ?? 20;
  const window = { offset: ((query.page ?? 1) - 1) * pageSize, limit: pageSize };
  const filter =
    view === 'public'
      ? { state: 'approved' as const, q: query.q }
      : view === 'own'
        ? { publisherId: actor!.id, state: query.state }
        : { regionIds: actor!.regionScope, state: query.state ?? ('submitted' as const), q: query.q };
  const rows = await listContributions(db, filter, window);
  return rows.map((row) => presentContribution(row, view !== 'public'));
}

/** One contribution: approved ones for all, others for the publisher and the reviewing authority. */
export async function contributionDetail(db: Kysely<DB>, actor: Actor | null, id: string) {
  const row = isUuid(id) ? await findContribution(db, id) : undefined;
  const own = row && actor?.id === row.publisher_user_id;
  const reviewer = row && actor?.role === 'authority_officer' && actor.regionScope.includes(row.region_id);
  if (!row || (row.state !== 'approved' && !own && !reviewer)) throw notFound('what.contribution');
  const head = await findContentHead(db, row.id, PREVIEW_BYTES);
  // The head may end inside a row: keep only whole lines before parsing.
  const text = head ? head.subarray(0, head.lastIndexOf(0x0a) + 1).toString('utf8') : '';
  const preview = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data.slice(1, PREVIEW_ROWS + 1);
  return { ...presentContribution(row, Boolean(own || reviewer)), preview };
}
