// Reading submitted catalog lists: who may see them, each entry with its diff, the lists per inbox.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { pageWindow } from '../../platform/http/pagination.ts';
import type { Actor, RequestContext } from '../../platform/policy/actor.ts';
import { forbidden, inDepartmentScope } from '../../platform/policy/policy.ts';
import { diffRevisions } from './catalog.diff.ts';
import './catalog.messages.ts';
import { presentRevision } from './catalog.presenter.ts';
import { listClasses, loadRevisions } from './catalog.repository.ts';
import { resourceScopeOf } from './catalog.service.ts';
import {
  findSubmission,
  listEntries,
  listSubmissions,
  type SubmissionRow,
} from './submissions.repository.ts';
import { previousRevisionIds } from './versions.repository.ts';

/** Whether the actor may see a submission: its department, the authorities on its way, auditors, the admin. */
function maySee(
  actor: Actor,
  submission: { departmentId: string; regionId: string; holderRegionId: string },
) {
  if (inDepartmentScope(actor, { id: submission.departmentId, regionId: submission.regionId })) return true;
  return actor.role === 'authority_officer' && actor.regionScope.includes(submission.holderRegionId);
}

/** A submission with every entry, its revisions and a readable diff per entry; the read is audited. */
export async function readSubmission(db: Kysely<DB>, context: RequestContext, id: string) {
  const submission = await findSubmission(db, id);
  if (!submission) throw notFound('what.catalog_submission');
  if (!maySee(context.actor!, submission)) throw forbidden('policy.out_of_department_scope');
  const entries = await listEntries(db, id);
  const previous = await previousRevisionIds(db, entries);
  const revisions = await loadRevisions(
    db,
    [...entries.map((e) => e.revision_id), ...previous.values()].filter((v): v is string => !!v),
  );
  const classes = new Map((await listClasses(db)).map((cls) => [cls.id, cls]));
  const present = (revisionId: string | null | undefined) => {
    const record = revisionId ? revisions.get(revisionId) : undefined;
    return record ? presentRevision(record, classes) : null;
  };
  await recordAudit(db, context, {
    action: 'catalog.submission.read',
    targetType: 'catalog_submission',
    targetId: id,
    departmentId: submission.departmentId,
  });
  return {
    ...presentSubmission(submission),
    entries: entries.map((entry) => {
      const before = present(previous.get(entry.id));
      const after = present(entry.revision_id);
      return {
        id: entry.id,
        resourceId: entry.resource_id,
        code: entry.code,
        name: after?.name ?? before?.name ?? entry.code,
        change: entry.change,
        note: entry.note,
        decision: entry.decision,
        reason: entry.reason,
        decidedByName: entry.decided_by_name,
        decidedAt: entry.decided_at ? new Date(entry.decided_at).toISOString() : null,
        versionNumber: entry.version_number,
        before,
        after,
        diff: diffRevisions(before, entry.change === 'remove' ? null : after),
      };
    }),
  };
}

/** A submission row as the API shows it. */
export function presentSubmission(row: NonNullable<Awaited<ReturnType<typeof findSubmission>>>) {
  return {
    ...row,
    dueOn: row.dueOn ?? null,
    overdue: row.overdue ?? false,
    entryCount: Number(row.entryCount),
    pendingCount: Number(row.pendingCount),
    submittedAt: new Date(row.submittedAt).toISOString(),
    reviewedAt: row.reviewedAt ? new Date(row.reviewedAt).toISOString() : null,
  };
}

/** One page of the submissions the actor may see; `inbox` keeps those its authority holds now. */
export async function listVisibleSubmissions(
  db: Kysely<DB>,
  context: RequestContext,
  query: {
    state?: SubmissionRow['state'];
    departmentId?: string;
    inbox?: boolean;
    page?: number;
    pageSize?: number;
  },
) {
  const actor = context.actor!;
  const window = pageWindow(query);
  const scope = resourceScopeOf(actor);
  const holderRegionIds = query.inbox
    ? actor.role === 'authority_officer' && actor.regionId
      ? [actor.regionId]
      : []
    : undefined;
  const { rows, total } = await listSubmissions(
    db,
    { state: query.state, departmentId: query.departmentId, holderRegionIds, scope },
    window,
  );
  await recordAudit(db, context, {
    action: 'catalog.submission.list',
    targetType: 'catalog_submission',
    detail: {
      state: query.state ?? null,
      departmentId: query.departmentId ?? null,
      inbox: !!query.inbox,
      total,
    },
  });
  return { items: rows.map(presentSubmission), total, page: window.page, pageSize: window.pageSize };
}
