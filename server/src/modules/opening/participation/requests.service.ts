// Requests answered in the portal: an identity-authenticated public user asks the provider to
// correct the open catalog (CQ19 §32) or to check an error in open data (CQO §22), or gives an
// opinion on the open service to the data authority (CQ19 §37). Each is a case for the side that
// answers, due per the profile; that side accepts or rejects it with an answer the requester reads
// in the portal. The provider's extensions go through the generic case routes (/cases/:id/extension).
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { openCase, transition, type DeadlineEnv } from '../../../platform/cases/cases.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden, requireVerifiedIdentity } from '../../../platform/policy/policy.ts';
import { findPublishedItems } from '../applications/applications.repository.ts';
import type { ObjectedDataset } from '../objections/objections.repository.ts';
import { nearestAuthority, portalAuthority, type Authority } from './authorities.ts';
import { openDataset, unprocessable } from './feedback.service.ts';
import './participation.messages.ts';
import { isAuthorityOf, isProviderOf } from './participation.scope.ts';
import type { ParticipationKind } from './participation.tables.ts';
import { CASE_OF_KIND } from './requests.cases.ts';
import { insertRequest, lockRequest, updateRequest, type RequestRow } from './requests.repository.ts';
import { textProblems } from './text-checks.ts';

/** The part of an open-catalog entry a correction is about. */
export type CatalogTopic =
  | 'name'
  | 'abstract'
  | 'items'
  | 'provider'
  | 'open_type'
  | 'open_condition'
  | 'formats'
  | 'update_cycle'
  | 'contact'
  | 'other';

/** A request to correct an open-catalog entry: what is wrong, and what it should say. */
export interface CatalogCorrectionInput {
  topic: CatalogTopic;
  statement: string;
  proposal?: string;
}

/** A report of an error in open data: what is wrong, in which items, where. */
export interface DataErrorInput {
  statement: string;
  fields?: string[];
  location?: string;
}

/** An opinion on the open service, optionally about one dataset. */
export interface OpinionInput {
  resourceId?: string;
  statement: string;
}

/** The answer: accept or reject, with the text the requester reads. */
export interface AnswerInput {
  decision: 'accept' | 'reject';
  answer: string;
}

/** The shortest statement taken: a word or two says nothing anyone could answer. */
const MIN_STATEMENT = 5;

/** Whether the actor may read a request: its requester, the side that answers, the region's authority. */
export function mayReadRequest(actor: Actor, row: RequestRow): boolean {
  if (actor.role === 'public_user') return actor.id === row.requester_user_id;
  return isProviderOf(actor, row) || isAuthorityOf(actor, row);
}

/** Whether the actor answers the request: the provider's staff, or for opinions the authority. */
function mayAnswer(actor: Actor, row: RequestRow): boolean {
  return row.kind === 'opinion' ? isAuthorityOf(actor, row) : isProviderOf(actor, row);
}

interface Draft {
  kind: ParticipationKind;
  dataset: ObjectedDataset | null;
  /** The side that answers. */
  owner: { departmentId: string; regionId: string };
  subject: string;
  values: {
    topic?: string;
    fields?: string[];
    location?: string | null;
    statement: string;
    proposal?: string | null;
  };
}

/** Files a request with its case and audit event, in one transaction; returns its id. */
async function file(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  draft: Draft,
): Promise<string> {
  const actor = context.actor!;
  return db.transaction().execute(async (trx) => {
    // The subject is shown on deadline boards: it names the dataset, never the requester.
    const opened = await openCase(trx, context, env, CASE_OF_KIND[draft.kind], {
      departmentId: draft.owner.departmentId,
      subject: draft.subject,
      payload: { kind: draft.kind, resourceId: draft.dataset?.resource_id ?? null },
    });
    const row = await insertRequest(trx, {
      kind: draft.kind,
      case_id: opened.id,
      requester_user_id: actor.id,
      resource_id: draft.dataset?.resource_id ?? null,
      department_id: draft.owner.departmentId,
      region_id: draft.owner.regionId,
      topic: draft.values.topic ?? null,
      fields: draft.values.fields ?? [],
      location: draft.values.location ?? null,
      statement: draft.values.statement,
      proposal: draft.values.proposal ?? null,
    });
    // The statement may quote personal data from the records: the trail names the request, not its words.
    await recordAudit(trx, context, {
      action: 'open.request.file',
      targetType: 'open_participation_request',
      targetId: row.id,
      departmentId: draft.owner.departmentId,
      detail: {
        kind: draft.kind,
        resourceId: draft.dataset?.resource_id ?? null,
        caseId: opened.id,
        dueOn: opened.due_on,
      },
    });
    return row.id;
  });
}

const optional = (text: string | undefined) => text?.trim() || null;

/** Problems of an optional text: none when it is left out or blank. */
function optionalProblems(text: string | undefined, path: string): FieldProblem[] {
  return text?.trim() ? textProblems(text, path) : [];
}

/**
 * Asks the provider to correct an open dataset's catalog entry (CQ19 §32); due per the profile's
 * `openCatalogCorrectionReply` (no due date where it sets none). 403 unverified, 404 not open, 422
 * for a statement that is blank, too short or spam.
 */
export async function fileCatalogCorrection(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  resourceId: string,
  input: CatalogCorrectionInput,
): Promise<string> {
  requireVerifiedIdentity(context.actor);
  const dataset = await openDataset(db, resourceId);
  const problems = [
    ...textProblems(input.statement, '/body/statement', { min: MIN_STATEMENT }),
    ...optionalProblems(input.proposal, '/body/proposal'),
  ];
  if (problems.length > 0) throw unprocessable(problems);
  return file(db, context, env, {
    kind: 'catalog_correction',
    dataset,
    owner: { departmentId: dataset.department_id, regionId: dataset.region_id },
    subject: `${dataset.name}：开放目录更正申请`,
    values: { topic: input.topic, statement: input.statement.trim(), proposal: optional(input.proposal) },
  });
}

/**
 * Reports an error in an open dataset's data to its provider (CQO §22); due per the profile's
 * `correctionReply`. The items named must be the dataset's (422 naming each that is not).
 */
export async function fileDataError(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  resourceId: string,
  input: DataErrorInput,
): Promise<string> {
  requireVerifiedIdentity(context.actor);
  const dataset = await openDataset(db, resourceId);
  const problems = [
    ...textProblems(input.statement, '/body/statement', { min: MIN_STATEMENT }),
    ...optionalProblems(input.location, '/body/location'),
  ];
  const fields = input.fields ?? [];
  if (fields.length > 0) {
    const items = new Set((await findPublishedItems(db, dataset.resource_id)).map((item) => item.field));
    fields.forEach((field, index) => {
      if (!items.has(field))
        problems.push({
          path: `/body/fields/${index}`,
          code: 'open.request.unknown_field',
          params: { field },
        });
      else if (fields.indexOf(field) !== index)
        problems.push({
          path: `/body/fields/${index}`,
          code: 'open.request.field_repeated',
          params: { field },
        });
    });
  }
  if (problems.length > 0) throw unprocessable(problems);
  return file(db, context, env, {
    kind: 'data_error',
    dataset,
    owner: { departmentId: dataset.department_id, regionId: dataset.region_id },
    subject: `${dataset.name}：数据校核申请`,
    values: { fields, location: optional(input.location), statement: input.statement.trim() },
  });
}

/**
 * Gives an opinion on the open service (CQ19 §37) to the authority of the dataset's region (the
 * nearest one above it), or of the portal's region when it names no dataset. No deadline: no
 * profile sets one for opinions.
 */
export async function fileOpinion(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  input: OpinionInput,
): Promise<string> {
  requireVerifiedIdentity(context.actor);
  const dataset = input.resourceId ? await openDataset(db, input.resourceId) : null;
  const problems = textProblems(input.statement, '/body/statement', { min: MIN_STATEMENT });
  if (problems.length > 0) throw unprocessable(problems);
  const authority: Authority = dataset
    ? await nearestAuthority(db, dataset.region_id)
    : await portalAuthority(db);
  return file(db, context, env, {
    kind: 'opinion',
    dataset,
    owner: { departmentId: authority.authorityId, regionId: authority.regionId },
    subject: dataset ? `开放工作意见：${dataset.name}` : '开放工作意见',
    values: { statement: input.statement.trim() },
  });
}

/**
 * Answers a request: accept or reject, with the answer's text, in one transaction with the case
 * step and the audit event. 404 for a request the actor may not see; 403 for someone who sees it but
 * does not answer it (the authority for a correction; the provider never sees opinions); 409 once it
 * is answered (also a moment ago by someone else: the row is locked); 422 for a blank answer.
 */
export async function answerRequest(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  input: AnswerInput,
): Promise<void> {
  const actor = context.actor!;
  const answer = input.answer.trim();
  await db.transaction().execute(async (trx) => {
    const row = await lockRequest(trx, id);
    if (!row || !mayReadRequest(actor, row)) throw notFound('what.open_participation_request');
    if (!mayAnswer(actor, row))
      throw forbidden(
        row.kind === 'opinion' ? 'open.request.authority_answers' : 'open.request.provider_answers',
      );
    if (row.state !== 'submitted') throw conflict('open.request.not_pending', { state: row.state });
    if (!answer) throw unprocessable([{ path: '/body/answer', code: 'open.participation.text_required' }]);
    await transition(trx, context, row.case_id, input.decision, { detail: { answer } });
    await updateRequest(trx, id, {
      state: input.decision === 'accept' ? 'accepted' : 'rejected',
      answer,
      answered_by: actor.id,
      answered_at: new Date(),
    });
    await recordAudit(trx, context, {
      action: 'open.request.answer',
      targetType: 'open_participation_request',
      targetId: id,
      departmentId: row.department_id,
      detail: { kind: row.kind, decision: input.decision, resourceId: row.resource_id },
    });
  });
}
