// The grant views: a department's grants (consumer), the grants on its resources (provider), every
// grant of a region tree (the authority and auditors), one grant, and revocation with a reason.
// Each read is audited; a grant shows where it stands now (active, not started, expired, revoked),
// the same test the sharing API applies to every call.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid, notFound } from '../../../platform/errors/app-error.ts';
import type { MaskRule } from '../../../platform/masking/rules.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { iso, levelOf, resourceRef } from '../sharing-views.ts';
import { pageForSide } from '../sharing-lists.ts';
import { requireParty, type PartySide } from '../sharing-scope.ts';
import '../flow.messages.ts';
import {
  findListedGrant,
  listGrants,
  type GrantFilter,
  type GrantStatus,
  type ListedGrant,
} from './grant-lists.repository.ts';
import type { GrantRow } from './grants.repository.ts';
import { revokeGrant } from './grants.service.ts';
import type { RowCondition } from './row-filter.ts';

/** Where a grant stands at `now`: revoked, not started, expired or active. */
export function grantStatus(
  grant: Pick<GrantRow, 'revoked_at' | 'starts_at' | 'ends_at'>,
  now: Date = new Date(),
): GrantStatus {
  if (grant.revoked_at) return 'revoked';
  if (new Date(grant.starts_at).getTime() > now.getTime()) return 'not_started';
  if (new Date(grant.ends_at).getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** A grant as the API shows it. */
export function presentGrant(row: ListedGrant, now: Date = new Date()) {
  const status = grantStatus(row, now);
  return {
    id: row.id,
    requestId: row.request_id,
    basis: row.basis,
    resource: resourceRef(row),
    ...levelOf(row),
    provider: { id: row.provider_department_id, name: row.provider_name },
    consumer: { id: row.consumer_department_id, name: row.consumer_name },
    application: row.application,
    purpose: row.purpose,
    fields: row.fields,
    rowFilter: row.row_filter as RowCondition[],
    masking: row.masking as Record<string, MaskRule>,
    startsAt: iso(row.starts_at)!,
    endsAt: iso(row.ends_at)!,
    active: status === 'active',
    status,
    revokedAt: iso(row.revoked_at),
    revokedByName: row.revoked_by_name,
    revokeReason: row.revoke_reason,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at)!,
  };
}

/** A grant as the API shows it. */
export type PresentedGrant = ReturnType<typeof presentGrant>;

const SIDES: Record<'consumer' | 'provider' | 'region', PartySide> = {
  consumer: 'asker',
  provider: 'provider',
  region: 'region',
};

const partiesOf = (grant: GrantRow) => ({
  askerDepartmentId: grant.consumer_department_id,
  providerDepartmentId: grant.provider_department_id,
  regionIds: [grant.provider_region_id, grant.consumer_region_id],
});

/** A page of grants for a side (see `partyScope`), audited with its filters. */
export async function listGrantsOf(
  db: Kysely<DB>,
  context: RequestContext,
  query: GrantFilter & { side?: keyof typeof SIDES; page?: number; pageSize?: number },
) {
  const now = new Date();
  return pageForSide(
    db,
    context,
    {
      action: 'share.grant.list',
      targetType: 'share_grant',
      sides: SIDES,
      fetch: (scope, filter: GrantFilter, window) => listGrants(db, scope, filter, window, now),
      present: (row) => presentGrant(row, now),
    },
    query,
  );
}

/** One grant, for its consumer, its provider or the authority and auditors of their regions; audited. */
export async function readGrant(db: Kysely<DB>, context: RequestContext, id: string) {
  const row = await findListedGrant(db, id);
  if (!row) throw notFound('what.share_grant');
  const side = requireParty(context.actor!, partiesOf(row), 'share.grant.not_yours');
  await recordAudit(db, context, {
    action: 'share.grant.read',
    targetType: 'share_grant',
    targetId: id,
    departmentId: row.consumer_department_id,
    detail: { side },
  });
  return presentGrant(row);
}

/**
 * Revokes a grant (its provider, or the authority of the provider's region; see `mayRevoke`) with a
 * reason, in one transaction with its audit event. Calls under it are refused from the commit on.
 */
export async function revokeGrantWithReason(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  reason: string,
) {
  const text = reason.trim();
  if (!text)
    throw invalid('share.grant_invalid', [{ path: '/body/reason', code: 'share.grant.reason_required' }]);
  await db.transaction().execute((trx) => revokeGrant(trx, context, id, text));
  return readGrant(db, context, id);
}
