// Publishing the catalog (CQ19 §12: the authority compiles the approved lists into the catalog) and
// its history: every publication is a numbered version holding the approved changes since the one
// before, with a readable diff per resource.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { conflict, notFound } from '../../platform/errors/app-error.ts';
import { pageWindow } from '../../platform/http/pagination.ts';
import type { DeadlineEnv } from '../../platform/cases/cases.ts';
import type { Actor, RequestContext } from '../../platform/policy/actor.ts';
import { reviewOnPublish, type ReviewFlags } from '../security/reviews/reviews.service.ts';
import { forbidden, inDepartmentScope } from '../../platform/policy/policy.ts';
import { diffRevisions } from './catalog.diff.ts';
import './catalog.messages.ts';
import { presentRevision } from './catalog.presenter.ts';
import { scoreQuality } from './catalog.quality.ts';
import {
  findProvider,
  findResource,
  listClasses,
  loadRevisions,
  lockResource,
  setRevisionState,
  updateResource,
  type RevisionRecord,
} from './catalog.repository.ts';
import type { ClassRef, Revision } from './catalog.schemas.ts';
import type { CatalogVersionChangeTable } from './catalog.tables.ts';
import { syncPoolTable } from '../pools/pool-tables.service.ts';
import { deleteEntry, upsertEntry } from './entries.repository.ts';
import { findRegionStep } from './submissions.repository.ts';
import {
  approvedUnpublished,
  findVersion,
  insertVersion,
  insertVersionChanges,
  listVersions,
  lockNextVersionNumber,
  markEntriesPublished,
  resourceChanges,
  versionChanges,
} from './versions.repository.ts';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

async function classMap(db: Kysely<DB>): Promise<Map<string, ClassRef>> {
  return new Map((await listClasses(db)).map((cls) => [cls.id, cls]));
}

/** Only an officer of the top region's authority publishes (the catalog is one per deployment). */
async function requireTopAuthority(db: Kysely<DB>, actor: Actor) {
  const step = actor.regionId ? await findRegionStep(db, actor.regionId) : undefined;
  if (actor.role !== 'authority_officer' || !step || step.parentId || step.authorityId !== actor.departmentId)
    throw forbidden('catalog.publish_top_only');
}

/** Writes a resource's row of the published view (search, share and open catalogs, CKAN, DCAT). */
async function writeEntry(
  trx: Kysely<DB>,
  revision: Revision,
  resource: { id: string; code: string; departmentId: string; regionId: string; dataUpdatedAt: Date | null },
  dates: { publishedAt: Date; modifiedAt: Date; versionNumber: number },
  review: ReviewFlags,
) {
  const provider = (await findProvider(trx, resource.departmentId))!;
  await upsertEntry(trx, {
    resource_id: resource.id,
    revision_id: revision.id,
    code: resource.code,
    name: revision.name,
    abstract: revision.abstract,
    department_id: resource.departmentId,
    region_id: resource.regionId,
    class_id: revision.class.id,
    class_kind: revision.class.kind,
    class_code: revision.class.code,
    share_type: revision.shareType as 'unconditional' | 'conditional' | 'none',
    open_type: revision.openType as 'unconditional' | 'conditional' | 'none',
    format_type: revision.formatType,
    formats: revision.formats,
    update_cycle: revision.updateCycle,
    security_level: revision.securityLevel,
    security_sublevel: revision.securitySubLevel,
    category: revision.category,
    share_review_passed: review.shareReviewPassed,
    open_review_passed: review.openReviewPassed,
    keywords: revision.keywords,
    published_at: dates.publishedAt,
    modified_at: dates.modifiedAt,
    version_number: dates.versionNumber,
    qualityScore: scoreQuality(revision, resource.dataUpdatedAt).score,
    searchParts: {
      name: revision.name,
      keywords: revision.keywords,
      abstract: revision.abstract,
      items: revision.items.map((item) => item.name),
      provider: provider.name,
      code: resource.code,
    },
  });
}

/** One change a version publishes: a revision becoming the published one, or a removal. */
export interface PublishChange {
  resourceId: string;
  /** The revision to publish; null withdraws the resource. */
  revisionId: string | null;
}

/** Who publishes, for the secrecy reviews a publication opens (their cases and audit events). */
export interface PublishEnv {
  context: RequestContext;
  env: DeadlineEnv;
}

/**
 * Publishes changes as version `number` inside an open transaction (the caller holds the version
 * lock): revisions become published (their predecessors superseded), removals withdraw resources,
 * and the published view is rewritten for each changed resource — the duty lists follow from it.
 * Share and open attributes not yet passed by a secrecy review are published without effect, and
 * their review is opened (security/reviews).
 */
export async function publishChanges(
  trx: Kysely<DB>,
  number: number,
  items: PublishChange[],
  publisher: { id: string; name: string; note: string | null },
  secrecy: PublishEnv,
) {
  const classes = await classMap(trx);
  const now = new Date();
  const changes: CatalogVersionChangeTable[] = [];
  const revisions = await loadRevisions(
    trx,
    items.map((item) => item.revisionId).filter((v): v is string => !!v),
  );
  for (const item of items) {
    const resource = (await lockResource(trx, item.resourceId))!;
    const previous = resource.published_revision_id;
    const change = { version_number: number, resource_id: resource.id, previous_revision_id: previous };
    if (!item.revisionId) {
      await updateResource(trx, resource.id, { status: 'withdrawn' });
      await deleteEntry(trx, resource.id);
      changes.push({ ...change, change: 'removed', revision_id: null });
      continue;
    }
    const record = revisions.get(item.revisionId)!;
    if (previous) await setRevisionState(trx, [previous], 'superseded');
    await setRevisionState(trx, [record.id], 'published');
    const firstPublishedAt = resource.first_published_at ? new Date(resource.first_published_at) : now;
    await updateResource(trx, resource.id, {
      status: 'published',
      published_revision_id: record.id,
      draft_revision_id: resource.draft_revision_id === record.id ? null : resource.draft_revision_id,
      first_published_at: firstPublishedAt,
    });
    const revision = presentRevision(record, classes);
    const reviewed = await reviewOnPublish(
      trx,
      secrecy.context,
      secrecy.env,
      {
        id: resource.id,
        code: resource.code,
        departmentId: resource.department_id,
        regionId: resource.region_id,
      },
      revision,
    );
    await writeEntry(
      trx,
      revision,
      {
        id: resource.id,
        code: resource.code,
        departmentId: resource.department_id,
        regionId: resource.region_id,
        dataUpdatedAt: resource.data_updated_at ? new Date(resource.data_updated_at) : null,
      },
      { publishedAt: firstPublishedAt, modifiedAt: now, versionNumber: number },
      reviewed,
    );
    // The catalog is the schema: the resource's pool table follows its items in the same transaction.
    await syncPoolTable(trx, resource.id);
    changes.push({ ...change, change: previous ? 'changed' : 'added', revision_id: record.id });
  }
  const count = (kind: string) => changes.filter((c) => c.change === kind).length;
  const counts = { added: count('added'), changed: count('changed'), removed: count('removed') };
  await insertVersion(trx, {
    number,
    publishedBy: publisher.id,
    publishedByName: publisher.name,
    note: publisher.note,
    ...counts,
  });
  await insertVersionChanges(trx, changes);
  return counts;
}

/**
 * Publishes every approved, unpublished change as the next catalog version, in one transaction.
 * Only the top authority publishes; publications take turns on the version lock.
 */
export async function publishVersion(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  note?: string,
) {
  const actor = context.actor!;
  await requireTopAuthority(db, actor);
  return db.transaction().execute(async (trx) => {
    const number = await lockNextVersionNumber(trx);
    const approved = await approvedUnpublished(trx);
    if (approved.length === 0) throw conflict('catalog.nothing_to_publish');
    const counts = await publishChanges(
      trx,
      number,
      approved.map((entry) => ({
        resourceId: entry.resourceId,
        revisionId: entry.change === 'remove' ? null : entry.revisionId,
      })),
      { id: actor.id, name: actor.displayName, note: note?.trim() || null },
      { context, env },
    );
    await markEntriesPublished(
      trx,
      approved.map((e) => e.id),
      number,
    );
    await recordAudit(trx, context, {
      action: 'catalog.version.publish',
      targetType: 'catalog_version',
      targetId: String(number),
      departmentId: actor.departmentId,
      detail: { ...counts, codes: approved.map((e) => e.code) },
    });
    return { number, ...counts };
  });
}

/** The approved changes that the next version would publish. */
export async function pendingChanges(db: Kysely<DB>) {
  const rows = await approvedUnpublished(db);
  return rows.map((row) => ({
    entryId: row.id,
    resourceId: row.resourceId,
    code: row.code,
    name: row.revisionName ?? row.code,
    change: row.change,
    departmentName: row.departmentName,
    decidedByName: row.decidedByName,
    decidedAt: iso(row.decidedAt),
    submissionId: row.submissionId,
  }));
}

/** One page of versions, newest first. */
export async function listCatalogVersions(db: Kysely<DB>, query: { page?: number; pageSize?: number }) {
  const window = pageWindow(query);
  const { rows, total } = await listVersions(db, window);
  return {
    items: rows.map((row) => ({
      number: row.number,
      publishedAt: iso(row.published_at)!,
      publishedByName: row.published_by_name,
      note: row.note,
      added: row.added,
      changed: row.changed,
      removed: row.removed,
    })),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}

function changeView(
  change: {
    resource_id: string;
    change: string;
    revision_id: string | null;
    previous_revision_id: string | null;
  },
  revisions: Map<string, RevisionRecord>,
  classes: Map<string, ClassRef>,
) {
  const present = (id: string | null) => {
    const record = id ? revisions.get(id) : undefined;
    return record ? presentRevision(record, classes) : null;
  };
  const before = present(change.previous_revision_id);
  const after = present(change.revision_id);
  return {
    change: change.change,
    name: after?.name ?? before?.name ?? '',
    diff: diffRevisions(before, after),
  };
}

/** A version with each change and its diff; the read is audited. */
export async function readVersion(db: Kysely<DB>, context: RequestContext, number: number) {
  const version = await findVersion(db, number);
  if (!version) throw notFound('what.catalog_version');
  const changes = await versionChanges(db, number);
  const revisions = await loadRevisions(
    db,
    changes.flatMap((c) => [c.revision_id, c.previous_revision_id]).filter((v): v is string => !!v),
  );
  const classes = await classMap(db);
  await recordAudit(db, context, {
    action: 'catalog.version.read',
    targetType: 'catalog_version',
    targetId: String(number),
  });
  return {
    number: version.number,
    publishedAt: iso(version.published_at)!,
    publishedByName: version.published_by_name,
    note: version.note,
    added: version.added,
    changed: version.changed,
    removed: version.removed,
    changes: changes.map((c) => ({
      resourceId: c.resource_id,
      code: c.code,
      departmentName: c.departmentName,
      ...changeView(c, revisions, classes),
    })),
  };
}

/** The published history of a resource: each version that changed it, with the diff. */
export async function resourceHistory(db: Kysely<DB>, context: RequestContext, resourceId: string) {
  const resource = await findResource(db, resourceId);
  if (!resource) throw notFound('what.catalog_resource');
  const own = inDepartmentScope(context.actor!, { id: resource.department_id, regionId: resource.region_id });
  if (!own && !resource.published_revision_id) throw notFound('what.catalog_resource');
  const changes = await resourceChanges(db, resourceId);
  const revisions = await loadRevisions(
    db,
    changes.flatMap((c) => [c.revision_id, c.previous_revision_id]).filter((v): v is string => !!v),
  );
  const classes = await classMap(db);
  await recordAudit(db, context, {
    action: 'catalog.resource.history',
    targetType: 'catalog_resource',
    targetId: resourceId,
    departmentId: resource.department_id,
  });
  return changes.map((c) => ({
    versionNumber: c.version_number,
    publishedAt: iso(c.publishedAt)!,
    publishedByName: c.publishedByName,
    note: c.note,
    ...changeView(c, revisions, classes),
  }));
}
