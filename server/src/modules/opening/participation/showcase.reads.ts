// Reading the showcase: the public list of approved entries (all, or those using one dataset, for
// the dataset page's "showcased applications"), the submitter's own entries with the review, and the
// authority's list of its region's entries (by default those waiting for review).
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { auditRead } from '../portal/portal.service.ts';
import type { PageInput } from './feedback.reads.ts';
import type { ShowcaseKind, ShowcaseState } from './participation.tables.ts';
import { isoOf, isoOrNull, publicName } from './participation.views.ts';
import {
  datasetsOf,
  findListedShowcase,
  listShowcase,
  type ListedShowcase,
  type ShowcaseFilter,
  type ShowcaseScope,
} from './showcase.repository.ts';

type Viewer = 'public' | 'submitter' | 'reviewer';

async function present(db: Kysely<DB>, rows: readonly ListedShowcase[], viewer: Viewer) {
  // The public is shown only the datasets still open; the submitter and the reviewer see all.
  const datasets = await datasetsOf(
    db,
    rows.map((row) => row.id),
    viewer === 'public',
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    url: row.url,
    kind: row.kind,
    citation: row.citation,
    datasets: datasets
      .filter((dataset) => dataset.showcase_id === row.id)
      .map((dataset) => ({
        id: dataset.resource_id,
        code: dataset.code,
        name: dataset.name ?? dataset.code,
      })),
    submitter:
      viewer === 'reviewer'
        ? { id: row.submitter_user_id, name: row.submitter_name }
        : { id: null, name: publicName(row.submitter_name, row.submitter_person_type) },
    state: row.state,
    // An approval's note is the reviewer's own; a rejection's reason is for the submitter too.
    reviewReason: viewer === 'public' ? null : row.review_reason,
    reviewedByName: viewer === 'reviewer' ? row.reviewed_by_name : null,
    reviewedAt: isoOrNull(row.reviewed_at),
    createdAt: isoOf(row.created_at),
  }));
}

async function page(
  db: Kysely<DB>,
  scope: ShowcaseScope,
  filter: ShowcaseFilter,
  query: PageInput,
  viewer: Viewer,
) {
  const window = pageWindow(query);
  const { rows, total } = await listShowcase(db, scope, filter, window);
  return { items: await present(db, rows, viewer), total, page: window.page, pageSize: window.pageSize };
}

/** The public list of approved entries, newest approval first; audited as a read of published content. */
export async function listPublicShowcase(
  db: Kysely<DB>,
  context: RequestContext,
  query: PageInput & { resourceId?: string; kind?: ShowcaseKind },
) {
  const filter = { resourceId: query.resourceId, kind: query.kind };
  const result = await page(db, { kind: 'public' }, filter, query, 'public');
  await auditRead(db, context, {
    action: 'open.showcase.list',
    targetType: 'open_showcase',
    detail: { filter, page: result.page, total: result.total },
  });
  return result;
}

/** The caller's own entries, newest first, with their review. */
export async function listOwnShowcase(
  db: Kysely<DB>,
  context: RequestContext,
  query: PageInput & { state?: ShowcaseState },
) {
  const actor = context.actor!;
  const result = await page(
    db,
    { kind: 'submitter', userId: actor.id },
    { state: query.state },
    query,
    'submitter',
  );
  await recordAudit(db, context, {
    action: 'open.showcase.list',
    targetType: 'open_showcase',
    detail: { scope: 'own', state: query.state ?? null, total: result.total },
  });
  return result;
}

/** The entries of the authority's region (default: those waiting for review), newest first, audited. */
export async function listReviewShowcase(
  db: Kysely<DB>,
  context: RequestContext,
  query: PageInput & { state?: ShowcaseState | 'all'; resourceId?: string },
) {
  const actor = context.actor!;
  if (actor.type !== 'user') throw forbidden();
  const state = query.state === 'all' ? undefined : (query.state ?? 'submitted');
  const filter = { state, resourceId: query.resourceId };
  const scope: ShowcaseScope = { kind: 'regions', regionIds: actor.regionScope };
  const result = await page(db, scope, filter, query, 'reviewer');
  await recordAudit(db, context, {
    action: 'open.showcase.list',
    targetType: 'open_showcase',
    detail: { scope: 'regions', filter, page: result.page, total: result.total },
  });
  return result;
}

/** One entry as its submitter or its reviewer sees it (after submitting or reviewing it). */
export async function readShowcase(db: Kysely<DB>, id: string, viewer: 'submitter' | 'reviewer') {
  const row = await findListedShowcase(db, id);
  return (await present(db, [row!], viewer))[0]!;
}
