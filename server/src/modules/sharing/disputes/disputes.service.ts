// Sharing disputes (异议, CQ19 §27: 政务数据资源主管部门应当会同提供部门协调处理; CQ18 §19 ¶3). A
// department's officer or head raises one about a resource that is not shared, or about the answer
// to its request (a refusal or a partial approval). It is a `sharing.dispute` case for the data
// authority of the provider's region (or the nearest region above with one), due the profile's
// `shareDisputeCoordination` working days; the authority records the outcome; the department that
// raised it may withdraw while it is open. An outcome changes no catalog entry or grant by itself:
// the provider changes its catalog, or answers a new request, as the coordination agreed.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { openCase, transition, type DeadlineEnv } from '../../../platform/cases/cases.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden, inRegionScope } from '../../../platform/policy/policy.ts';
import { isShared } from '../../security/reviews/reviews.effect.ts';
import { findListedRequest, findRequestedResource } from '../requests/requests.repository.ts';
import { requireDepartmentStaff } from '../requests/requests.service.ts';
import '../flow.messages.ts';
import { disputeCase } from './disputes.cases.ts';
import {
  findCoordinator,
  hasOpenTwin,
  insertDispute,
  lockDispute,
  updateDispute,
  type DisputeRow,
} from './disputes.repository.ts';

/** What the department raising a dispute sends. */
export interface DisputeInput {
  resourceId: string;
  requestId?: string;
  reason: string;
}

const textProblem = (path: string) =>
  invalid('share.dispute.invalid', [{ path, code: 'share.request.text_required' }]);

/** The request a dispute is about: the department's own, on the resource, refused or approved in part. */
async function disputedRequest(db: Kysely<DB>, departmentId: string, resourceId: string, requestId: string) {
  const request = await findListedRequest(db, requestId);
  if (!request) throw notFound('what.share_request');
  if (request.applicant_department_id !== departmentId || request.resource_id !== resourceId)
    throw conflict('share.dispute.request_mismatch');
  if (request.decision !== 'refuse' && request.decision !== 'approve_in_part')
    throw conflict('share.dispute.request_not_disputable');
}

/**
 * Raises a dispute, in one transaction with its case and audit events; returns its id. 409 for an
 * own resource, a shared resource disputed without a request (ask first), a request that was not
 * refused or approved in part, an open twin, or a region tree without a data authority.
 */
export async function raiseDispute(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  input: DisputeInput,
): Promise<string> {
  const actor = context.actor!;
  const departmentId = requireDepartmentStaff(actor);
  const resource = await findRequestedResource(db, input.resourceId);
  if (!resource) throw notFound('what.shared_resource');
  if (resource.department_id === departmentId) throw conflict('share.dispute.own_resource');
  if (input.requestId) await disputedRequest(db, departmentId, resource.resource_id, input.requestId);
  else if (isShared(resource)) throw conflict('share.dispute.request_first', { code: resource.code });
  const reason = input.reason.trim();
  if (!reason) throw textProblem('/body/reason');
  const requestId = input.requestId ?? null;
  if (
    await hasOpenTwin(db, {
      applicantDepartmentId: departmentId,
      resourceId: resource.resource_id,
      requestId,
    })
  )
    throw conflict('share.dispute.duplicate');
  const coordinator = await findCoordinator(db, resource.region_id);
  if (!coordinator) throw conflict('share.dispute.no_authority');
  return db.transaction().execute(async (trx) => {
    const opened = await openCase(trx, context, env, disputeCase, {
      departmentId: coordinator.id,
      subject: `${resource.name}：共享异议`,
      payload: { resourceId: resource.resource_id, resourceCode: resource.code, requestId },
    });
    const dispute = await insertDispute(trx, {
      case_id: opened.id,
      resource_id: resource.resource_id,
      request_id: requestId,
      provider_department_id: resource.department_id,
      applicant_department_id: departmentId,
      region_id: coordinator.region_id,
      raised_by: actor.id,
      reason,
    });
    await recordAudit(trx, context, {
      action: 'share.dispute.raise',
      targetType: 'share_dispute',
      targetId: dispute.id,
      departmentId,
      detail: {
        resourceId: resource.resource_id,
        resourceCode: resource.code,
        requestId,
        providerDepartmentId: resource.department_id,
        coordinatorId: coordinator.id,
        caseId: opened.id,
        dueOn: opened.due_on,
      },
    });
    return dispute.id;
  });
}

/** The dispute, locked; 404 when there is none. */
async function lockedDispute(trx: Kysely<DB>, id: string): Promise<DisputeRow> {
  const row = await lockDispute(trx, id);
  if (!row) throw notFound('what.share_dispute');
  return row;
}

function requireOpen(row: DisputeRow) {
  if (row.state !== 'open') throw conflict('share.dispute.not_open', { state: row.state });
}

/**
 * The coordinating authority (an authority officer whose region tree holds the dispute's region)
 * records the outcome, closing the case; audited in the same transaction.
 */
export async function resolveDispute(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  input: { resolution: 'shared' | 'not_shared' | 'other'; outcome: string },
): Promise<void> {
  const actor = context.actor!;
  const outcome = input.outcome.trim();
  if (!outcome) throw textProblem('/body/outcome');
  await db.transaction().execute(async (trx) => {
    const row = await lockedDispute(trx, id);
    if (actor.role !== 'authority_officer' || !inRegionScope(actor, row.region_id))
      throw forbidden('share.dispute.coordinator_only');
    requireOpen(row);
    await transition(trx, context, row.case_id, 'resolve', {
      detail: { resolution: input.resolution, outcome },
    });
    await updateDispute(trx, id, {
      state: 'resolved',
      resolution: input.resolution,
      outcome,
      resolved_by: actor.id,
      resolved_at: new Date(),
    });
    await recordAudit(trx, context, {
      action: 'share.dispute.resolve',
      targetType: 'share_dispute',
      targetId: id,
      departmentId: row.applicant_department_id,
      detail: { resolution: input.resolution, outcome, resourceId: row.resource_id },
    });
  });
}

/** The department that raised an open dispute withdraws it, closing the case; audited. */
export async function withdrawDispute(db: Kysely<DB>, context: RequestContext, id: string): Promise<void> {
  const departmentId = requireDepartmentStaff(context.actor!, 'share.dispute.applicant_only');
  await db.transaction().execute(async (trx) => {
    const row = await lockedDispute(trx, id);
    if (row.applicant_department_id !== departmentId) throw forbidden('share.dispute.applicant_only');
    requireOpen(row);
    await transition(trx, context, row.case_id, 'withdraw');
    await updateDispute(trx, id, { state: 'withdrawn' });
    await recordAudit(trx, context, {
      action: 'share.dispute.withdraw',
      targetType: 'share_dispute',
      targetId: id,
      departmentId,
      detail: { resourceId: row.resource_id },
    });
  });
}
