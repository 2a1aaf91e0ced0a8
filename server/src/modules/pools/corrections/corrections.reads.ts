// Reading correction requests: the reporter's and the provider's lists, one request with its steps
// and changes, and a table's (or one record's) correction history. Each read is audited. A reporter
// never sees the record's current values (reporting must not become a way of reading another
// department's data), nor the provider's internal notes on extensions.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DeadlineEnv } from '../../../platform/cases/cases.ts';
import { listTransitions } from '../../../platform/cases/cases.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { findPoolTable } from '../pool-tables.repository.ts';
import { requireOwnPool } from '../pools.service.ts';
import {
  findCorrection,
  listChanges,
  listCorrections,
  storedTexts,
  type CorrectionChangeRow,
  type CorrectionFilter,
  type CorrectionParty,
  type ListedCorrection,
} from './corrections.repository.ts';
import { checkKey, type BodyValue } from './corrections.service.ts';

/** Which side of a request the reader is on. */
export type Side = 'reporter' | 'provider';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

function present(row: ListedCorrection, side: Side, env: DeadlineEnv, today: string) {
  return {
    id: row.id,
    resource: { id: row.resource_id, code: row.resource_code, name: row.resource_name ?? row.resource_code },
    provider: { id: row.department_id, name: row.department_name },
    key: row.record_key,
    items: row.items.map((item) => ({
      field: item.field,
      name: item.name,
      current: side === 'provider' ? item.current : null,
      proposed: item.proposed ?? null,
    })),
    reason: row.reason,
    state: row.state,
    reporter: {
      type: row.reporter_type,
      name: row.reporter_name,
      role: row.reporter_role,
      departmentId: row.reporter_department_id,
      departmentName: row.reporter_department_name,
    },
    receivedOn: row.received_on,
    dueOn: row.due_on,
    originalDueOn: row.original_due_on,
    overdue: row.overdue,
    overdueSince: row.overdue_since,
    // Only a pending request still counts down; the sweep's overdue flag may lag up to its interval.
    workdaysLeft: row.state === 'pending' && row.due_on ? env.calendar.workdaysLeft(row.due_on, today) : null,
    extensionWorkdays: row.extension_workdays,
    extension: row.extension_state
      ? {
          state: row.extension_state,
          workdays: row.extension_requested_workdays ?? 0,
          reason: side === 'provider' ? row.extension_reason : null,
        }
      : null,
    decision:
      row.state === 'pending'
        ? null
        : {
            reason: row.decision_reason,
            decidedByName: side === 'provider' ? row.decided_by_name : null,
            decidedAt: iso(row.decided_at)!,
            appliedVersion: row.applied_version,
          },
    reportedVersion: row.reported_version,
    closedAt: iso(row.closed_at),
    createdAt: iso(row.created_at)!,
    caseVersion: row.case_version,
    side,
  };
}

/** A request as the API shows it. */
export type PresentedCorrection = ReturnType<typeof present>;

function presentChange(change: CorrectionChangeRow, side: Side) {
  return {
    correctionId: change.correction_id,
    keyValues: change.key_values,
    field: change.field,
    oldValue: side === 'provider' ? change.old_value : null,
    newValue: change.new_value,
    version: change.version,
    actorName: side === 'provider' ? change.actor_name : null,
    changedAt: iso(change.changed_at)!,
  };
}

/** The reporting party of an actor: the public user, or a department (its officers and applications). */
function reporterParty(actor: Actor): CorrectionParty {
  if (actor.role === 'public_user' || !actor.departmentId) return { kind: 'reporter', reporterId: actor.id };
  return { kind: 'reporter_department', departmentId: actor.departmentId };
}

/** The reader's side of a request, or 403 for anyone else. */
function sideOf(actor: Actor, row: ListedCorrection): Side {
  if (actor.departmentId && actor.departmentId === row.department_id) return 'provider';
  const party = reporterParty(actor);
  if (party.kind === 'reporter' && row.reporter_id === actor.id && !row.reporter_department_id)
    return 'reporter';
  if (party.kind === 'reporter_department' && row.reporter_department_id === party.departmentId)
    return 'reporter';
  throw forbidden('pool.correction.not_yours');
}

/** A page of requests: those the actor's party reported, or those on its department's resources. */
export async function listCorrectionsOf(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  side: Side,
  query: CorrectionFilter & { page?: number; pageSize?: number },
) {
  const actor = context.actor!;
  const window = pageWindow(query);
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  const party: CorrectionParty =
    side === 'reporter' ? reporterParty(actor) : { kind: 'provider', departmentId: actor.departmentId ?? '' };
  if (party.kind === 'provider' && !actor.departmentId) throw forbidden('pool.correction.provider_only');
  const { rows, total } = await listCorrections(db, party, filter, window);
  await recordAudit(db, context, {
    action: 'pool.correction.list',
    targetType: 'pool_correction',
    detail: { side, filter, page: window.page, total },
  });
  const today = todayInChina();
  return {
    items: rows.map((row) => present(row, side, env, today)),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}

/** One request with its case's steps and the changes it made; for its reporter or its provider. */
export async function readCorrection(db: Kysely<DB>, context: RequestContext, env: DeadlineEnv, id: string) {
  const row = await findCorrection(db, id);
  if (!row) throw notFound('what.pool_correction');
  const side = sideOf(context.actor!, row);
  const [steps, changes] = await Promise.all([
    listTransitions(db, id),
    listChanges(db, { correctionId: id }),
  ]);
  await recordAudit(db, context, {
    action: 'pool.correction.read',
    targetType: 'pool_correction',
    targetId: id,
    departmentId: row.department_id,
    detail: { side },
  });
  return {
    ...present(row, side, env, todayInChina()),
    history: steps.map((step) => ({
      action: step.action,
      fromState: step.from_state,
      toState: step.to_state,
      actorName: side === 'provider' ? step.actor_name : null,
      occurredAt: iso(step.occurred_at)!,
    })),
    changes: changes.rows.map((change) => presentChange(change, side)),
  };
}

/** Parses the `key` query parameter: a JSON object of the record's key values. */
function parseKey(text: string): Record<string, BodyValue> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    !Object.values(parsed).every(scalar)
  )
    throw invalid('pool.correction.invalid', [
      { path: '/querystring/key', code: 'pool.correction.key_json' },
    ]);
  return parsed as Record<string, BodyValue>;
}

/**
 * The correction history of a table, or of one record (`key`, as JSON): every value an accepted
 * request changed, oldest first. The provider only; audited.
 */
export async function correctionHistory(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  query: { key?: string; page?: number; pageSize?: number },
) {
  const table = await findPoolTable(db, resourceId);
  if (!table) throw notFound('what.pool_table');
  requireOwnPool(context.actor!, table);
  let keyValues: (string | null)[] | undefined;
  if (query.key !== undefined) {
    const problems: FieldProblem[] = [];
    const parts = checkKey(table, parseKey(query.key), problems, '/querystring/key');
    if (problems.length > 0) throw invalid('pool.correction.invalid', problems);
    keyValues = await storedTexts(db, parts);
  }
  const window = pageWindow(query);
  const { rows, total } = await listChanges(
    db,
    { resourceId, keyValues: keyValues?.map((value) => value ?? '') },
    window,
  );
  await recordAudit(db, context, {
    action: 'pool.correction.history',
    targetType: 'pool_table',
    targetId: resourceId,
    departmentId: table.department_id,
    detail: { byKey: keyValues !== undefined, page: window.page, total },
  });
  return {
    items: rows.map((row) => presentChange(row, 'provider')),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}
