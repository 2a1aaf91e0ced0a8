// A department's catalog list on its way to the published catalog (CQ19 §12, CQO §14): submitted,
// held by the authority of the department's region, forwarded up the region tree, reviewed entry by
// entry by the top authority — or, where the profile allows supplementary catalogs (SC §9), approved
// by a lower authority into its own supplementary catalog and filed with the level above. Each
// holder's part is a case, so deadlines and overdue flags follow.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { CaseType } from '../../platform/cases/case-types.ts';
import { openCase, transition, type DeadlineEnv } from '../../platform/cases/cases.ts';
import { findCase } from '../../platform/cases/cases.repository.ts';
import type { DB } from '../../platform/db/schema.ts';
import { conflict, invalid, notFound, type FieldProblem } from '../../platform/errors/app-error.ts';
import type { Actor, RequestContext } from '../../platform/policy/actor.ts';
import { forbidden, requireDepartmentScope } from '../../platform/policy/policy.ts';
import { catalogReviewCase, catalogUpdateRequestCase, catalogUpdateReviewCase } from './catalog.cases.ts';
import './catalog.messages.ts';
import {
  findProvider,
  loadRevisions,
  lockResource,
  setRevisionState,
  updateResource,
} from './catalog.repository.ts';
import { authorityAtOrAbove, firstHolder } from './routing.ts';
import {
  decideEntry,
  insertEntries,
  insertSubmission,
  listEntries,
  lockSubmission,
  resourcesWithOpenRemoval,
  updateSubmission,
  type SubmissionRow,
} from './submissions.repository.ts';

/** What a department submits. */
export interface SubmitInput {
  resourceIds: string[];
  removals?: { resourceId: string; note: string }[];
  note?: string;
  /** The update duty (catalog.update_request case) this submission answers. */
  updateCaseId?: string;
}

const SUBMITTABLE = ['draft', 'returned'];

function reviewCaseType(kind: SubmissionRow['kind']): CaseType {
  return kind === 'update' ? catalogUpdateReviewCase : catalogReviewCase;
}

/** The actor must work for the authority holding the submission now. */
async function requireHolder(db: Kysely<DB>, actor: Actor, submission: SubmissionRow) {
  const holder = await authorityAtOrAbove(db, submission.holder_region_id);
  if (actor.departmentId !== holder.authorityId) throw forbidden('catalog.not_holder');
  if (submission.state !== 'pending') throw conflict('catalog.submission_closed');
  return holder;
}

async function closeUpdateDuty(
  trx: Kysely<DB>,
  context: RequestContext,
  caseId: string,
  departmentId: string,
) {
  const duty = await findCase(trx, caseId);
  if (!duty || duty.type !== catalogUpdateRequestCase.type) throw notFound('what.case');
  if (duty.department_id !== departmentId) throw forbidden('policy.out_of_department_scope');
  await transition(trx, context, caseId, 'file');
}

/**
 * Submits a department's drafts (and removal requests) for review, in one transaction: every draft
 * is locked for editing, the list goes to the first holder, and a case with the profile's deadline
 * is opened for that holder. Refuses drafts already under review and mixed departments.
 */
export async function submitList(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  input: SubmitInput,
) {
  const actor = context.actor!;
  const removals = input.removals ?? [];
  const ids = [...new Set([...input.resourceIds, ...removals.map((r) => r.resourceId)])];
  if (ids.length === 0)
    throw invalid('catalog.nothing_to_submit', [
      { path: '/body/resourceIds', code: 'catalog.nothing_to_submit' },
    ]);
  return db.transaction().execute(async (trx) => {
    const resources = [];
    for (const id of ids.sort()) {
      const resource = await lockResource(trx, id);
      if (!resource) throw notFound('what.catalog_resource');
      requireDepartmentScope(actor, { id: resource.department_id, regionId: resource.region_id });
      resources.push(resource);
    }
    const departmentId = resources[0]!.department_id;
    if (resources.some((r) => r.department_id !== departmentId)) throw conflict('catalog.mixed_departments');
    const drafts = await loadRevisions(
      trx,
      resources.map((r) => r.draft_revision_id).filter((v): v is string => !!v),
    );
    const openRemovals = await resourcesWithOpenRemoval(trx, ids);
    const problems: FieldProblem[] = [];
    const entries: {
      resource_id: string;
      revision_id: string | null;
      change: 'add' | 'change' | 'remove';
      note: string | null;
    }[] = [];
    for (const [index, id] of input.resourceIds.entries()) {
      const resource = resources.find((r) => r.id === id)!;
      const draft = resource.draft_revision_id ? drafts.get(resource.draft_revision_id) : undefined;
      if (!draft || !SUBMITTABLE.includes(draft.state) || resource.status === 'withdrawn') {
        problems.push({
          path: `/body/resourceIds/${index}`,
          code: 'catalog.not_submittable',
          params: { code: resource.code },
        });
        continue;
      }
      entries.push({
        resource_id: id,
        revision_id: draft.id,
        change: resource.published_revision_id ? 'change' : 'add',
        note: null,
      });
    }
    for (const [index, removal] of removals.entries()) {
      const resource = resources.find((r) => r.id === removal.resourceId)!;
      const draft = resource.draft_revision_id ? drafts.get(resource.draft_revision_id) : undefined;
      const locked = draft && !SUBMITTABLE.includes(draft.state);
      if (
        resource.status !== 'published' ||
        locked ||
        openRemovals.has(resource.id) ||
        input.resourceIds.includes(resource.id)
      ) {
        problems.push({
          path: `/body/removals/${index}/resourceId`,
          code: 'catalog.not_removable',
          params: { code: resource.code },
        });
        continue;
      }
      entries.push({
        resource_id: resource.id,
        revision_id: null,
        change: 'remove',
        note: removal.note.trim(),
      });
    }
    if (problems.length > 0) throw invalid('catalog.invalid', problems);

    const department = (await findProvider(trx, departmentId))!;
    if (input.updateCaseId) await closeUpdateDuty(trx, context, input.updateCaseId, departmentId);
    const kind = input.updateCaseId || entries.some((e) => e.change !== 'add') ? 'update' : 'compile';
    const holder = await firstHolder(trx, department);
    const reviewCase = await openCase(trx, context, env, reviewCaseType(kind), {
      departmentId: holder.authorityId,
      subject: `${department.name}：目录清单 ${entries.length} 条`,
      payload: { departmentId, entries: entries.length },
    });
    const submissionId = await insertSubmission(trx, {
      department_id: departmentId,
      region_id: department.regionId,
      holder_region_id: holder.regionId,
      kind,
      update_case_id: input.updateCaseId ?? null,
      case_id: reviewCase.id,
      note: input.note?.trim() || null,
      submitted_by: actor.id,
      submitted_by_name: actor.displayName,
      reviewed_at: null,
    });
    await insertEntries(
      trx,
      entries.map((entry) => ({ ...entry, submission_id: submissionId })),
    );
    await setRevisionState(
      trx,
      entries.map((e) => e.revision_id).filter((v): v is string => !!v),
      'submitted',
    );
    await recordAudit(trx, context, {
      action: 'catalog.submission.create',
      targetType: 'catalog_submission',
      targetId: submissionId,
      departmentId,
      detail: {
        kind,
        holderRegionId: holder.regionId,
        caseId: reviewCase.id,
        dueOn: reviewCase.due_on,
        entries: entries.map((e) => ({ resourceId: e.resource_id, change: e.change })),
      },
    });
    return submissionId;
  });
}

/** A lower authority passes a list up to the next authority; returned entries stay returned. */
export async function forwardList(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  id: string,
  note?: string,
) {
  await db.transaction().execute(async (trx) => {
    const submission = await lockSubmission(trx, id);
    if (!submission) throw notFound('what.catalog_submission');
    const holder = await requireHolder(trx, context.actor!, submission);
    if (!holder.parentId) throw conflict('catalog.forward_top');
    const next = await authorityAtOrAbove(trx, holder.parentId);
    if (submission.case_id)
      await transition(trx, context, submission.case_id, 'forward', { detail: { note: note ?? null } });
    const department = (await findProvider(trx, submission.department_id))!;
    const nextCase = await openCase(trx, context, env, reviewCaseType(submission.kind), {
      departmentId: next.authorityId,
      subject: `${department.name}：目录清单（转报）`,
      payload: { submissionId: id, departmentId: submission.department_id, forwardedFrom: holder.regionId },
    });
    await updateSubmission(trx, id, { holder_region_id: next.regionId, case_id: nextCase.id });
    await recordAudit(trx, context, {
      action: 'catalog.submission.forward',
      targetType: 'catalog_submission',
      targetId: id,
      departmentId: submission.department_id,
      detail: { from: holder.regionId, to: next.regionId, note: note ?? null, caseId: nextCase.id },
    });
  });
}

/** A decision of the reviewer on one entry. */
export interface EntryDecision {
  entryId: string;
  decision: 'approved' | 'returned';
  reason?: string;
}

/**
 * Records the reviewer's decisions. The top authority approves; a lower one only where the profile
 * allows supplementary catalogs (SC §9), which puts the resource in its region's supplementary
 * catalog, filed with the level above. A return needs a reason and puts the draft back in the
 * department's hands. When no entry is left pending, the submission and its case close.
 */
export async function decideEntries(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  id: string,
  decisions: EntryDecision[],
) {
  const actor = context.actor!;
  await db.transaction().execute(async (trx) => {
    const submission = await lockSubmission(trx, id);
    if (!submission) throw notFound('what.catalog_submission');
    const holder = await requireHolder(trx, actor, submission);
    const entries = new Map((await listEntries(trx, id)).map((entry) => [entry.id, entry]));
    const problems: FieldProblem[] = [];
    decisions.forEach((decision, index) => {
      const entry = entries.get(decision.entryId);
      const at = `/body/decisions/${index}`;
      if (!entry) problems.push({ path: `${at}/entryId`, code: 'catalog.entry_unknown' });
      else if (entry.decision !== 'pending')
        problems.push({ path: `${at}/entryId`, code: 'catalog.entry_decided' });
      if (decision.decision === 'returned' && !decision.reason?.trim())
        problems.push({ path: `${at}/reason`, code: 'catalog.return_reason_required' });
    });
    if (problems.length > 0) throw invalid('catalog.invalid', problems);
    const supplementaryRule = env.profile.catalog.supplementaryCatalogs;
    const supplementary = !!holder.parentId;
    if (supplementary && !supplementaryRule.required && decisions.some((d) => d.decision === 'approved'))
      throw conflict('catalog.review_top_only');
    for (const decision of decisions) {
      const entry = entries.get(decision.entryId)!;
      const approved = decision.decision === 'approved';
      await decideEntry(trx, entry.id, {
        decision: decision.decision,
        reason: decision.reason?.trim() || null,
        decided_by: actor.id,
        decided_by_name: actor.displayName,
        supplementary: approved && supplementary,
      });
      entry.decision = decision.decision;
      if (entry.revision_id)
        await setRevisionState(trx, [entry.revision_id], approved ? 'approved' : 'returned');
      if (approved && supplementary)
        await updateResource(trx, entry.resource_id, { supplementary_region_id: holder.regionId });
    }
    const done = [...entries.values()].every((entry) => entry.decision !== 'pending');
    if (done) {
      await updateSubmission(trx, id, { state: 'reviewed', reviewed_at: new Date() });
      if (submission.case_id) await transition(trx, context, submission.case_id, 'complete');
    }
    await recordAudit(trx, context, {
      action: 'catalog.submission.decide',
      targetType: 'catalog_submission',
      targetId: id,
      departmentId: submission.department_id,
      detail: {
        decisions: decisions.map((d) => ({
          entryId: d.entryId,
          decision: d.decision,
          reason: d.reason ?? null,
        })),
        completed: done,
        ...(supplementary
          ? { supplementary: true, regionId: holder.regionId, article: supplementaryRule.article }
          : {}),
      },
    });
  });
}

/** The submitting department takes a list back before its review ends; its drafts become editable again. */
export async function withdrawList(db: Kysely<DB>, context: RequestContext, id: string) {
  const actor = context.actor!;
  await db.transaction().execute(async (trx) => {
    const submission = await lockSubmission(trx, id);
    if (!submission) throw notFound('what.catalog_submission');
    if (actor.departmentId !== submission.department_id) throw forbidden('catalog.withdraw_own_only');
    if (submission.state !== 'pending') throw conflict('catalog.submission_closed');
    const pending = (await listEntries(trx, id)).filter((entry) => entry.decision === 'pending');
    await setRevisionState(
      trx,
      pending.map((e) => e.revision_id).filter((v): v is string => !!v),
      'draft',
    );
    await updateSubmission(trx, id, { state: 'withdrawn' });
    if (submission.case_id) await transition(trx, context, submission.case_id, 'withdraw');
    await recordAudit(trx, context, {
      action: 'catalog.submission.withdraw',
      targetType: 'catalog_submission',
      targetId: id,
      departmentId: submission.department_id,
      detail: { entries: pending.length },
    });
  });
}
