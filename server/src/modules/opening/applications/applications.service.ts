// Applications for conditionally open data (有条件开放申请, CQO §24): an identity-authenticated public
// user asks the provider of a conditionally open dataset for some of its items, by some of its open
// methods, for a purpose, a scenario and with security measures, for a period. Filing opens a case
// for the provider department, due the profile's `conditionalOpenReply` working days later (no
// deadline where the profile sets none). The applicant may withdraw while the answer is pending.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { dayNumber, todayInChina } from '../../../platform/calendar/dates.ts';
import { openCase, transition, type DeadlineEnv } from '../../../platform/cases/cases.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, conflict, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { requireVerifiedIdentity } from '../../../platform/policy/policy.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import { findPoolTable } from '../../pools/pool-tables.repository.ts';
import type { AgreedMethod } from '../conditional.tables.ts';
import { conditionalApplicationCase } from './applications.cases.ts';
import './applications.messages.ts';
import { requireNotSuspended } from '../objections/suspensions.service.ts';
import {
  findApplicableDataset,
  findRevisionItems,
  findWaitingApplication,
  insertApplication,
  lockApplication,
  updateApplication,
  type ApplicableDataset,
  type ApplicationRow,
} from './applications.repository.ts';

/** What an applicant sends. */
export interface ApplicationInput {
  resourceId: string;
  purpose: string;
  scenario: string;
  securityMeasures: string;
  fields: string[];
  methods: AgreedMethod[];
  validFrom?: string;
  validUntil: string;
}

/** 422 with field problems: the request is well formed, but what it asks for cannot be. */
export function unprocessable(problems: FieldProblem[]): AppError {
  return new AppError(422, 'open.application.invalid', {}, problems);
}

/**
 * Problems of a period: the end not before the start, and at most the profile's
 * `opening.agreements.maxPeriodDays` days long, both ends counted.
 */
export function periodProblems(from: string, until: string, profile: Profile, path: string): FieldProblem[] {
  const start = dayNumber(from)!;
  const end = dayNumber(until)!;
  if (end < start) return [{ path, code: 'open.application.until_before_from' }];
  const rules = profile.opening.agreements;
  if (end - start + 1 > rules.maxPeriodDays)
    return [
      {
        path,
        code: 'open.application.period_too_long',
        params: {
          days: rules.maxPeriodDays,
          // The number is the deployment's policy; where the profile cites no article, say so.
          article: rules.article ?? 'open.application.deployment_policy',
        },
      },
    ];
  return [];
}

/** Problems of a list of names: each among those allowed, none twice. */
function listProblems(
  values: readonly string[],
  allowed: readonly string[],
  path: string,
  codes: { unknown: string; repeated: string },
  param: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  values.forEach((value, index) => {
    if (!allowed.includes(value))
      problems.push({ path: `${path}/${index}`, code: codes.unknown, params: { [param]: value } });
    else if (values.indexOf(value) !== index)
      problems.push({ path: `${path}/${index}`, code: codes.repeated, params: { [param]: value } });
  });
  return problems;
}

/**
 * The items of a dataset that can be applied for: those of its published revision that have a
 * column in its pool table (an item without data would be an empty promise in the agreement).
 * 409 when the dataset holds no data at all.
 */
export async function applicableItems(db: Kysely<DB>, dataset: ApplicableDataset) {
  const table = await findPoolTable(db, dataset.resource_id);
  if (!table) throw conflict('open.application.no_data', { name: dataset.name });
  const stored = new Set(table.columns.filter((column) => !column.retired).map((column) => column.field));
  return (await findRevisionItems(db, dataset.revision_id)).filter((item) => stored.has(item.field));
}

function inputProblems(
  input: ApplicationInput,
  dataset: ApplicableDataset,
  fields: readonly string[],
  profile: Profile,
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of ['purpose', 'scenario', 'securityMeasures'] as const)
    if (!input[key].trim()) problems.push({ path: `/body/${key}`, code: 'open.application.text_required' });
  problems.push(
    ...listProblems(
      input.fields,
      fields,
      '/body/fields',
      { unknown: 'open.application.unknown_field', repeated: 'open.application.field_repeated' },
      'field',
    ),
    ...listProblems(
      input.methods,
      dataset.open_methods,
      '/body/methods',
      { unknown: 'open.application.method_not_offered', repeated: 'open.application.method_repeated' },
      'method',
    ),
  );
  const from = input.validFrom ?? today;
  if (from < today)
    problems.push({ path: '/body/validFrom', code: 'open.application.valid_from_past', params: { today } });
  problems.push(...periodProblems(from, input.validUntil, profile, '/body/validUntil'));
  return problems;
}

/** A unique index that refuses the insert (a twin filed a moment ago) becomes the check's 409. */
async function onceWaiting<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505')
      throw conflict('open.application.duplicate', { name });
    throw error;
  }
}

/**
 * Files an application in one transaction with its case and audit event. Refuses an unverified
 * identity (403), a dataset not in the open catalog (404), one open without conditions or without
 * data (409), a second waiting application for the same dataset (409) and what cannot be granted
 * (422 naming each field). Returns the application's id.
 */
export async function submitApplication(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  input: ApplicationInput,
): Promise<string> {
  const actor = context.actor;
  requireVerifiedIdentity(actor);
  const dataset = await findApplicableDataset(db, input.resourceId);
  if (!dataset) throw notFound('what.conditional_dataset');
  if (dataset.open_type !== 'conditional')
    throw conflict('open.application.not_conditional', { name: dataset.name });
  // Nothing can be agreed on data suspended after an objection or a risk finding (CQO §41).
  await requireNotSuspended(db, dataset);
  const items = await applicableItems(db, dataset);
  const today = todayInChina();
  const problems = inputProblems(
    input,
    dataset,
    items.map((item) => item.field),
    env.profile,
    today,
  );
  if (problems.length > 0) throw unprocessable(problems);
  if (await findWaitingApplication(db, actor.id, dataset.resource_id))
    throw conflict('open.application.duplicate', { name: dataset.name });
  const validFrom = input.validFrom ?? today;
  const texts = {
    purpose: input.purpose.trim(),
    scenario: input.scenario.trim(),
    security_measures: input.securityMeasures.trim(),
  };
  return onceWaiting(dataset.name, () =>
    db.transaction().execute(async (trx) => {
      const opened = await openCase(trx, context, env, conditionalApplicationCase, {
        departmentId: dataset.department_id,
        // Shown on deadline boards: names the dataset, never the applicant or the data.
        subject: `${dataset.name}：有条件开放申请`,
        payload: { resourceId: dataset.resource_id, resourceCode: dataset.code },
      });
      const row = await insertApplication(trx, {
        case_id: opened.id,
        resource_id: dataset.resource_id,
        provider_department_id: dataset.department_id,
        provider_region_id: dataset.region_id,
        applicant_user_id: actor.id,
        ...texts,
        fields: input.fields,
        methods: input.methods,
        valid_from: validFrom,
        valid_until: input.validUntil,
      });
      await recordAudit(trx, context, {
        action: 'open.application.submit',
        targetType: 'open_application',
        targetId: row.id,
        departmentId: dataset.department_id,
        purpose: texts.purpose,
        detail: {
          resourceId: dataset.resource_id,
          resourceCode: dataset.code,
          fields: input.fields,
          methods: input.methods,
          validFrom,
          validUntil: input.validUntil,
          caseId: opened.id,
          dueOn: opened.due_on,
        },
      });
      return row.id;
    }),
  );
}

/** The application with `id`, locked; 404 when there is none. */
export async function lockedApplication(trx: Kysely<DB>, id: string): Promise<ApplicationRow> {
  const row = await lockApplication(trx, id);
  if (!row) throw notFound('what.open_application');
  return row;
}

/**
 * The applicant withdraws an application that still waits for the provider's answer, in one
 * transaction with the case step and the audit event. 404 for someone else's application (it is
 * not theirs to know of); 409 once it is answered or withdrawn.
 */
export async function withdrawApplication(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
): Promise<void> {
  const actor = context.actor!;
  await db.transaction().execute(async (trx) => {
    const row = await lockedApplication(trx, id);
    if (row.applicant_user_id !== actor.id) throw notFound('what.open_application');
    if (row.state !== 'submitted') throw conflict('open.application.not_withdrawable', { state: row.state });
    await transition(trx, context, row.case_id, 'withdraw');
    await updateApplication(trx, id, { state: 'withdrawn' });
    await recordAudit(trx, context, {
      action: 'open.application.withdraw',
      targetType: 'open_application',
      targetId: id,
      departmentId: row.provider_department_id,
      detail: { resourceId: row.resource_id },
    });
  });
}
