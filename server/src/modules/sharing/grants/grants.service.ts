// Grants (共享授权): making one (from an unconditional request at once, or from an approved
// conditional request), finding the grant a sharing call runs under, and revoking one. A grant says
// exactly what may be read: the resource, its items, row conditions, masking per item, purpose, the
// calling application, start and end (CQ18 §34: only the approved items, rows, purpose and period).
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import { fitsType, parseRule } from '../../../platform/masking/rules.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden, inRegionScope } from '../../../platform/policy/policy.ts';
import { findPoolTable } from '../../pools/pool-tables.repository.ts';
import { isShared } from '../../security/reviews/reviews.effect.ts';
import type { ShareBasis } from '../sharing.tables.ts';
import '../sharing.messages.ts';
import {
  findLiveGrants,
  findSharedResource,
  insertGrant,
  lockGrant,
  markGrantRevoked,
  otherApplicationHasGrant,
  type GrantRow,
  type SharedResourceRow,
} from './grants.repository.ts';
import { conditionProblems, type RowCondition } from './row-filter.ts';

/** What a new grant says. */
export interface NewGrant {
  basis: ShareBasis;
  requestId?: string | null;
  resourceId: string;
  consumer: { departmentId: string; regionId: string };
  application: string;
  purpose: string;
  fields: readonly string[];
  rowFilter?: readonly RowCondition[];
  /** Field → masking rule that replaces the provider's rule for this grant. */
  masking?: Record<string, unknown>;
  startsAt?: Date;
  endsAt: Date;
}

type GrantColumns = NonNullable<Awaited<ReturnType<typeof findPoolTable>>>['columns'];

/** Problems of the items asked for or granted: none, or one that is not a live item of the table. */
export function fieldProblems(
  fields: readonly string[],
  columns: GrantColumns,
  path: string,
): FieldProblem[] {
  const live = new Set(columns.filter((c) => !c.retired).map((c) => c.field));
  const problems: FieldProblem[] = [];
  if (fields.length === 0) problems.push({ path, code: 'share.fields_required' });
  fields.forEach((field, index) => {
    if (!live.has(field))
      problems.push({ path: `${path}/${index}`, code: 'share.filter.unknown_field', params: { field } });
  });
  return problems;
}

/** Problems of masking overrides: each must name a granted item and be a rule that fits its type. */
export function maskingProblems(
  masking: Record<string, unknown>,
  fields: readonly string[],
  columns: GrantColumns,
  path = '/body/masking',
): FieldProblem[] {
  const live = new Map(columns.filter((c) => !c.retired).map((c) => [c.field, c]));
  const problems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(masking)) {
    const column = live.get(field);
    const rule = parseRule(value);
    if (!column || !fields.includes(field)) {
      problems.push({ path: `${path}/${field}`, code: 'share.masking_unknown_field', params: { field } });
    } else if (!rule || !fitsType(rule.kind, column.dataType)) {
      problems.push({ path: `${path}/${field}`, code: 'share.masking_invalid', params: { field } });
    }
  }
  return problems;
}

function grantProblems(input: NewGrant, columns: GrantColumns) {
  const problems: FieldProblem[] = [
    ...fieldProblems(input.fields, columns, '/body/fields'),
    ...conditionProblems(input.rowFilter ?? [], columns, '/body/rowFilter'),
    ...maskingProblems(input.masking ?? {}, input.fields, columns),
  ];
  const startsAt = input.startsAt ?? new Date();
  if (input.endsAt.getTime() <= startsAt.getTime())
    problems.push({ path: '/body/endsAt', code: 'share.ends_before_start' });
  return problems;
}

/**
 * Makes a grant, audited as `share.grant.create` in the caller's transaction. The resource must be
 * in the share catalog and shared (not 不予共享); items, row conditions and masking are checked
 * against its pool table. The caller has decided that the grant is due (policy of the request flow).
 */
export async function createGrant(
  trx: Kysely<DB>,
  context: RequestContext,
  input: NewGrant,
): Promise<GrantRow> {
  const table = await findPoolTable(trx, input.resourceId);
  const entry = await trx
    .selectFrom('catalog_entries')
    .select(['resource_id', 'code', 'department_id', 'region_id', 'share_type', 'share_review_passed'])
    .where('resource_id', '=', input.resourceId)
    .executeTakeFirst();
  if (!entry || !table) throw notFound('what.shared_resource');
  if (!isShared(entry)) throw conflict('share.not_shared', { code: entry.code });
  const problems = grantProblems(input, table.columns);
  if (problems.length > 0) throw invalid('share.grant_invalid', problems);
  const actor = context.actor;
  const grant = await insertGrant(trx, {
    request_id: input.requestId ?? null,
    basis: input.basis,
    resource_id: entry.resource_id,
    resource_code: entry.code,
    provider_department_id: entry.department_id,
    provider_region_id: entry.region_id,
    consumer_department_id: input.consumer.departmentId,
    consumer_region_id: input.consumer.regionId,
    application: input.application,
    purpose: input.purpose,
    fields: [...input.fields],
    row_filter: JSON.stringify(input.rowFilter ?? []),
    masking: JSON.stringify(input.masking ?? {}),
    starts_at: input.startsAt ?? new Date(),
    ends_at: input.endsAt,
    created_by: actor?.id ?? context.system ?? null,
    created_by_name: actor?.displayName ?? context.system ?? null,
  });
  await recordAudit(trx, context, {
    action: 'share.grant.create',
    targetType: 'share_grant',
    targetId: grant.id,
    departmentId: grant.consumer_department_id,
    purpose: grant.purpose,
    detail: {
      basis: grant.basis,
      requestId: grant.request_id,
      resourceId: grant.resource_id,
      resourceCode: grant.resource_code,
      providerDepartmentId: grant.provider_department_id,
      application: grant.application,
      fields: grant.fields,
      rowFilter: input.rowFilter ?? [],
      masking: input.masking ?? {},
      startsAt: grant.starts_at,
      endsAt: grant.ends_at,
    },
  });
  return grant;
}

/** The grant a sharing call runs under, with the resource it is on. */
export interface CallGrant {
  resource: SharedResourceRow;
  grant: GrantRow;
  /** The purpose of the call: the one stated (X-Purpose), else the grant's. */
  purpose: string;
}

/**
 * Finds the live grant a department's application calls under, for a resource code and the purpose
 * it states (or, when it states none, the grant's default). Throws 404 for an unknown code, 403 when
 * the resource is not shared, no grant is in force (expired, revoked, never made, or held by another
 * application of the department), or the purpose is not one a grant names; 400 when grants of
 * several purposes are in force and the call names none.
 */
export async function resolveCallGrant(
  db: Kysely<DB>,
  actor: Actor,
  resourceCode: string,
  statedPurpose: string | undefined,
  now: Date = new Date(),
): Promise<CallGrant> {
  if (actor.type !== 'application' || !actor.departmentId) throw forbidden('share.applications_only');
  const caller = { departmentId: actor.departmentId, application: actor.name, resourceCode };
  const grants = await findLiveGrants(db, caller, now);
  const purpose = statedPurpose?.trim() || undefined;
  if (grants.length > 0) {
    if (purpose) {
      const grant = grants.find((g) => g.purpose === purpose);
      if (!grant) throw forbidden('share.purpose_outside_grant', { purpose });
      return { resource: await sharedResource(db, resourceCode), grant, purpose };
    }
    const purposes = new Set(grants.map((g) => g.purpose));
    if (purposes.size > 1)
      throw invalid('share.purpose_required', [], { purposes: [...purposes].join('；') });
    const grant = grants[0]!;
    return { resource: await sharedResource(db, resourceCode), grant, purpose: grant.purpose };
  }
  // The refusal explains itself; these reads run only on the way to a 403/404.
  const resource = await sharedResource(db, resourceCode);
  if (!isShared(resource)) throw forbidden('share.not_shared', { code: resourceCode });
  if (await otherApplicationHasGrant(db, caller, now))
    throw forbidden('share.grant_other_application', { application: actor.name });
  throw forbidden('share.no_grant', { code: resourceCode });
}

async function sharedResource(db: Kysely<DB>, code: string): Promise<SharedResourceRow> {
  const resource = await findSharedResource(db, code);
  if (!resource) throw notFound('what.shared_resource');
  return resource;
}

/** Whether the actor may revoke the grant: the providing department's staff, or the authority of its region. */
export function mayRevoke(
  actor: Actor,
  grant: Pick<GrantRow, 'provider_department_id' | 'provider_region_id'>,
) {
  if (actor.role === 'platform_admin') return true;
  if (actor.role === 'authority_officer') return inRegionScope(actor, grant.provider_region_id);
  return actor.type === 'user' && actor.departmentId === grant.provider_department_id;
}

/**
 * Revokes a grant with a reason, audited as `share.grant.revoke`. Calls under it are refused from
 * the moment the transaction commits, on every instance (grants are read on every call).
 */
export async function revokeGrant(
  trx: Kysely<DB>,
  context: RequestContext,
  grantId: string,
  reason: string,
): Promise<GrantRow> {
  const grant = await lockGrant(trx, grantId);
  if (!grant) throw notFound('what.share_grant');
  const actor = context.actor;
  if (actor && !mayRevoke(actor, grant)) throw forbidden('share.revoke_not_allowed');
  if (grant.revoked_at) throw conflict('share.grant_already_revoked');
  const revoked = await markGrantRevoked(trx, grant.id, {
    by: actor?.id ?? context.system ?? null,
    byName: actor?.displayName ?? context.system ?? null,
    reason,
    at: new Date(),
  });
  await recordAudit(trx, context, {
    action: 'share.grant.revoke',
    targetType: 'share_grant',
    targetId: grant.id,
    departmentId: grant.consumer_department_id,
    detail: { reason, resourceCode: grant.resource_code, application: grant.application },
  });
  return revoked;
}
