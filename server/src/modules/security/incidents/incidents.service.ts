// Security incidents (CQ19 §44, CQO §37(2), CQ18 §28): a department registers what happened, adds
// the actions it takes to a timeline, records containment and closing, and the report to the
// competent authorities, which the profile wants within a number of hours by severity. Every
// change is audited in its transaction; reading is in incidents.reads.ts.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import type { SecurityRules } from '../../../platform/profiles/profile.schema.ts';
import { iso } from '../security.dates.ts';
import { checkResources, checkText, keeperDepartment } from '../security.checks.ts';
import '../security.messages.ts';
import { requireKeeper } from '../security.scope.ts';
import type { IncidentActionKind } from '../security.tables.ts';
import {
  findIncident,
  insertAction,
  insertIncident,
  setIncidentResources,
  updateIncident,
  type IncidentRecord,
} from './incidents.repository.ts';
import type { CreateIncidentBody, ReportBody, UpdateIncidentBody } from './incidents.schemas.ts';

type Rules = SecurityRules['incidents'];

// Clocks of officers' PCs run a little apart from the server's; a time this far ahead is still "now".
const CLOCK_SKEW_MS = 5 * 60_000;

/** A problem when an instant lies in the future. */
function notFuture(at: string, path: string, problems: FieldProblem[]) {
  if (Date.parse(at) > Date.now() + CLOCK_SKEW_MS) problems.push({ path, code: 'security.in_future' });
}

/** A problem when an instant lies before the incident's detection, or in the future. */
function afterDetection(at: string, detectedAt: Date, path: string, problems: FieldProblem[]) {
  notFuture(at, path, problems);
  if (Date.parse(at) < detectedAt.getTime())
    problems.push({
      path,
      code: 'security.before_detected',
      params: { detectedAt: detectedAt.toISOString() },
    });
}

function checkSeverity(rules: Rules, code: string | undefined, problems: FieldProblem[]) {
  if (code !== undefined && !rules.severities.some((s) => s.code === code))
    problems.push({ path: '/body/severity', code: 'security.severity_unknown', params: { code } });
}

function checkTimes(occurredAt: string | null | undefined, detectedAt: string, problems: FieldProblem[]) {
  notFuture(detectedAt, '/body/detectedAt', problems);
  if (occurredAt && Date.parse(occurredAt) > Date.parse(detectedAt))
    problems.push({ path: '/body/occurredAt', code: 'security.occurred_after_detected' });
}

/** Registers an incident (open), with the resources affected; audited. Returns its id. */
export async function registerIncident(
  db: Kysely<DB>,
  context: RequestContext,
  rules: Rules,
  input: CreateIncidentBody,
): Promise<string> {
  const actor = context.actor!;
  const department = await keeperDepartment(db, actor, input.departmentId);
  const problems: FieldProblem[] = [];
  checkText(input.title, '/body/title', problems);
  checkText(input.scope, '/body/scope', problems);
  checkSeverity(rules, input.severity, problems);
  checkTimes(input.occurredAt, input.detectedAt, problems);
  const resourceIds = input.resourceIds ?? [];
  await checkResources(db, resourceIds, '/body/resourceIds', problems);
  if (problems.length > 0) throw invalid('security.invalid', problems);
  return db.transaction().execute(async (trx) => {
    const id = await insertIncident(trx, {
      department_id: department.id,
      title: input.title.trim(),
      severity: input.severity,
      occurred_at: input.occurredAt ?? null,
      detected_at: input.detectedAt,
      scope: input.scope.trim(),
      record_estimate: input.recordEstimate ?? null,
      created_by: actor.id,
      created_by_name: actor.displayName,
    });
    await setIncidentResources(trx, id, resourceIds);
    await recordAudit(trx, context, {
      action: 'security.incident.create',
      targetType: 'security_incident',
      targetId: id,
      departmentId: department.id,
      detail: { severity: input.severity, detectedAt: input.detectedAt, resourceIds },
    });
    return id;
  });
}

/** Locks an incident the actor keeps; 404 when missing, 403 out of scope. */
async function lockKept(trx: Kysely<DB>, context: RequestContext, rules: Rules, id: string) {
  const incident = await findIncident(trx, rules, id, true);
  if (!incident) throw notFound('what.security_incident');
  requireKeeper(context.actor!, { id: incident.department_id, regionId: incident.regionId });
  return incident;
}

function requireState(incident: IncidentRecord, allowed: IncidentRecord['state'][]) {
  if (!allowed.includes(incident.state)) throw conflict('security.incident.state', { state: incident.state });
}

/** Corrects an incident's registration (not once closed); audited with the fields changed. */
export async function correctIncident(
  db: Kysely<DB>,
  context: RequestContext,
  rules: Rules,
  id: string,
  input: UpdateIncidentBody,
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (input.title !== undefined) checkText(input.title, '/body/title', problems);
  if (input.scope !== undefined) checkText(input.scope, '/body/scope', problems);
  checkSeverity(rules, input.severity, problems);
  if (input.resourceIds) await checkResources(db, input.resourceIds, '/body/resourceIds', problems);
  await db.transaction().execute(async (trx) => {
    const incident = await lockKept(trx, context, rules, id);
    requireState(incident, ['open', 'contained']);
    const occurredAt = input.occurredAt !== undefined ? input.occurredAt : iso(incident.occurred_at);
    checkTimes(occurredAt, input.detectedAt ?? incident.detected_at.toISOString(), problems);
    if (problems.length > 0) throw invalid('security.invalid', problems);
    await updateIncident(trx, id, {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.severity !== undefined ? { severity: input.severity } : {}),
      ...(input.occurredAt !== undefined ? { occurred_at: input.occurredAt } : {}),
      ...(input.detectedAt !== undefined ? { detected_at: input.detectedAt } : {}),
      ...(input.scope !== undefined ? { scope: input.scope.trim() } : {}),
      ...(input.recordEstimate !== undefined ? { record_estimate: input.recordEstimate } : {}),
    });
    if (input.resourceIds) await setIncidentResources(trx, id, input.resourceIds);
    await recordAudit(trx, context, {
      action: 'security.incident.update',
      targetType: 'security_incident',
      targetId: id,
      departmentId: incident.department_id,
      detail: { fields: Object.keys(input) },
    });
  });
}

const STEP_ACTIONS: Record<IncidentActionKind, string> = {
  action: 'security.incident.act',
  contained: 'security.incident.contain',
  closed: 'security.incident.close',
  reported: 'security.incident.report',
};

/** One step on an incident: check, change, put on the timeline and the audit trail together. */
async function step(
  db: Kysely<DB>,
  context: RequestContext,
  rules: Rules,
  id: string,
  kind: IncidentActionKind,
  at: string,
  description: string,
  apply: (trx: Kysely<DB>, incident: IncidentRecord, problems: FieldProblem[]) => Promise<void>,
): Promise<void> {
  const problems: FieldProblem[] = [];
  checkText(description, '/body/description', problems);
  await db.transaction().execute(async (trx) => {
    const incident = await lockKept(trx, context, rules, id);
    await apply(trx, incident, problems);
    if (problems.length > 0) throw invalid('security.invalid', problems);
    const actor = context.actor!;
    const entry = await insertAction(trx, {
      incident_id: id,
      kind,
      taken_at: at,
      description: description.trim(),
      actor_id: actor.id,
      actor_name: actor.displayName,
    });
    await recordAudit(trx, context, {
      action: STEP_ACTIONS[kind],
      targetType: 'security_incident',
      targetId: id,
      departmentId: incident.department_id,
      detail: { entry, at },
    });
  });
}

/** Adds an action taken to the timeline (while open or contained). */
export function addIncidentAction(
  db: Kysely<DB>,
  context: RequestContext,
  rules: Rules,
  id: string,
  input: { takenAt: string; description: string },
): Promise<void> {
  return step(
    db,
    context,
    rules,
    id,
    'action',
    input.takenAt,
    input.description,
    async (_trx, incident, problems) => {
      requireState(incident, ['open', 'contained']);
      afterDetection(input.takenAt, incident.detected_at, '/body/takenAt', problems);
    },
  );
}

/** Records that the incident is under control (open → contained). */
export function containIncident(
  db: Kysely<DB>,
  context: RequestContext,
  rules: Rules,
  id: string,
  input: { containedAt: string; description: string },
): Promise<void> {
  return step(
    db,
    context,
    rules,
    id,
    'contained',
    input.containedAt,
    input.description,
    async (trx, incident, problems) => {
      requireState(incident, ['open']);
      afterDetection(input.containedAt, incident.detected_at, '/body/containedAt', problems);
      if (problems.length === 0)
        await updateIncident(trx, id, { state: 'contained', contained_at: input.containedAt });
    },
  );
}

/** Closes the incident with a summary (an open one counts as contained when closed). */
export function closeIncident(
  db: Kysely<DB>,
  context: RequestContext,
  rules: Rules,
  id: string,
  input: { closedAt: string; summary: string },
): Promise<void> {
  return step(
    db,
    context,
    rules,
    id,
    'closed',
    input.closedAt,
    input.summary,
    async (trx, incident, problems) => {
      requireState(incident, ['open', 'contained']);
      afterDetection(input.closedAt, incident.detected_at, '/body/closedAt', problems);
      const containedAt = incident.contained_at;
      if (containedAt && Date.parse(input.closedAt) < containedAt.getTime())
        problems.push({
          path: '/body/closedAt',
          code: 'security.closed_before_contained',
          params: { containedAt: containedAt.toISOString() },
        });
      if (problems.length === 0)
        await updateIncident(trx, id, {
          state: 'closed',
          closed_at: input.closedAt,
          contained_at: containedAt ?? input.closedAt,
          closure_summary: input.summary.trim(),
        });
    },
  );
}

/** Records the report to the authorities (once, in every state). */
export function reportIncident(
  db: Kysely<DB>,
  context: RequestContext,
  rules: Rules,
  id: string,
  input: ReportBody,
): Promise<void> {
  const reference = input.reference?.trim() || null;
  const text = `${input.reportedTo.trim()}${reference ? `（${reference}）` : ''}`;
  return step(db, context, rules, id, 'reported', input.reportedAt, text, async (trx, incident, problems) => {
    if (incident.reported_at)
      throw conflict('security.incident.already_reported', {
        reportedAt: incident.reported_at.toISOString(),
      });
    checkText(input.reportedTo, '/body/reportedTo', problems);
    afterDetection(input.reportedAt, incident.detected_at, '/body/reportedAt', problems);
    if (problems.length === 0)
      await updateIncident(trx, id, {
        reported_at: input.reportedAt,
        reported_to: input.reportedTo.trim(),
        report_reference: reference,
      });
  });
}
