import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { decideExtension, requestExtension, type DeadlineEnv } from '../../platform/cases/cases.ts';
import {
  CASE_SORT,
  findCase,
  listCases,
  listTransitions,
  type CaseFilter,
  type CaseScope,
} from '../../platform/cases/cases.repository.ts';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { pageWindow, sortOrder } from '../../platform/http/pagination.ts';
import type { Actor, RequestContext } from '../../platform/policy/actor.ts';
import { requireDepartmentScope } from '../../platform/policy/policy.ts';

/** Which cases an actor may see: admins all; authority and auditors their regions; others their department. */
export function caseScopeOf(actor: Actor): CaseScope {
  switch (actor.role) {
    case 'platform_admin':
      return { kind: 'all' };
    case 'authority_officer':
    case 'auditor':
      return { kind: 'regions', regionIds: actor.regionScope };
    default:
      return actor.departmentId
        ? { kind: 'department', departmentId: actor.departmentId }
        : { kind: 'regions', regionIds: [] };
  }
}

/** One page of the cases the actor may see; the listing is audited with its filters. */
export async function listVisibleCases(
  db: Kysely<DB>,
  context: RequestContext,
  actor: Actor,
  query: CaseFilter & { page?: number; pageSize?: number; sort?: string },
) {
  const window = pageWindow(query);
  const order = sortOrder(query.sort, CASE_SORT, { column: 'cases.received_on', direction: 'desc' });
  const { page: _page, pageSize: _pageSize, sort: _sort, ...filter } = query;
  const result = await listCases(db, caseScopeOf(actor), filter, window, order);
  await recordAudit(db, context, {
    action: 'case.list',
    targetType: 'case',
    detail: { filter, page: window.page, total: result.total },
  });
  return { ...result, page: window.page, pageSize: window.pageSize };
}

/** A case with its history, if the actor may see it (403 otherwise); the read is audited. */
export async function readCase(db: Kysely<DB>, context: RequestContext, actor: Actor, id: string) {
  const row = await findCase(db, id);
  if (!row) throw notFound('what.case');
  requireDepartmentScope(actor, { id: row.department_id, regionId: row.region_id });
  const history = await listTransitions(db, id);
  await recordAudit(db, context, {
    action: 'case.read',
    targetType: 'case',
    targetId: id,
    departmentId: row.department_id,
  });
  return { row, history };
}

/** Requests an extension in one transaction (with its audit event). */
export async function requestCaseExtension(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  id: string,
  body: { workdays: number; reason: string },
) {
  await db.transaction().execute((trx) => requestExtension(trx, context, env, id, body));
  return readCase(db, context, context.actor!, id);
}

/** Decides an extension in one transaction (with its audit event). */
export async function decideCaseExtension(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  id: string,
  body: { approve: boolean; reason?: string; workdays?: number },
) {
  await db.transaction().execute((trx) => decideExtension(trx, context, env, id, body));
  return readCase(db, context, context.actor!, id);
}
