// The plan of a read of open data (数据开放): which dataset, which items with the masking in force
// (the provider's rule, else the profile's default for the item's level), every current row, and a
// pseudonym key of the user's own, so pseudonyms are stable for one user and differ between users.
// Only an identity-authenticated public user reads (CQ19 §33, CQO §23). Unconditionally open data
// is read by every such user; conditionally open data only under the user's data usage agreement
// (CQO §24–25): in force, within its period (China's calendar), by an agreed method, and only the
// agreed items.
import type { Kysely } from 'kysely';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, notFound } from '../../../platform/errors/app-error.ts';
import type { ItemType } from '../../../platform/masking/rules.ts';
import type { Actor } from '../../../platform/policy/actor.ts';
import { forbidden, requireVerifiedIdentity } from '../../../platform/policy/policy.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import { grantKey, resolveMasking } from '../../security/masking/masking.service.ts';
import type { GrantedItem, PlanPlatform, ReadSource } from '../../sharing/api/call-plan.ts';
import { agreementStatus } from '../agreements/agreement-status.ts';
import { requireNotSuspended } from '../objections/suspensions.service.ts';
import {
  findAccessAgreements,
  findOpenAccess,
  type AccessAgreementRow,
  type OpenAccessRow,
} from './data.repository.ts';
import './data.messages.ts';

/** How open data leaves the platform (the open methods of CQO §13 that the data routes serve). */
export type OpenMethod = 'download' | 'api';

/** The agreement a read of conditional data runs under (named in its audit event). */
export interface PlanAgreement {
  id: string;
  number: string;
  purpose: string;
}

/** A read of an open dataset: the dataset and what a read source needs. */
export interface OpenPlan extends ReadSource {
  dataset: OpenAccessRow;
  /** The agreement of a read of conditional data; null for unconditional data. */
  agreement: PlanAgreement | null;
}

const statusKey = (status: string) => `open.agreement.status.${status}`;

/**
 * The agreement among a user's agreements for a dataset (newest first) that opens a read by
 * `method` on `today`, or the refusal that fits best: the method not agreed (403) while one is in
 * force, then suspended (403), not started (403), still awaiting signatures or review (409), ended
 * (403), terminated (403); with no agreement at all 409 `open.data.conditional`, which points to applying.
 */
export function agreementForRead(
  agreements: readonly AccessAgreementRow[],
  method: OpenMethod,
  today: string,
  datasetName: string,
): AccessAgreementRow {
  const withStatus = agreements.map((row) => ({ row, status: agreementStatus(row, today) }));
  const first = (...statuses: string[]) => withStatus.find((entry) => statuses.includes(entry.status))?.row;
  const inForce = withStatus.filter((entry) => entry.status === 'active').map((entry) => entry.row);
  const usable = inForce.find((row) => row.methods.includes(method));
  if (usable) return usable;
  if (inForce[0]) throw forbidden('open.agreement.method_not_agreed', { number: inForce[0].number, method });
  const suspended = first('suspended');
  if (suspended)
    throw forbidden('open.agreement.suspended', {
      number: suspended.number,
      reason: suspended.state_reason ?? 'open.agreement.breach',
    });
  const waiting = withStatus
    .filter((entry) => entry.status === 'not_started')
    .map((entry) => entry.row)
    .sort((a, b) => (a.valid_from < b.valid_from ? -1 : 1))[0];
  if (waiting) throw forbidden('open.agreement.not_started', { number: waiting.number, from: waiting.valid_from });
  const pending = withStatus.find((entry) => entry.status === 'awaiting_signatures' || entry.status === 'awaiting_review');
  if (pending)
    throw conflict('open.agreement.pending', {
      name: datasetName,
      number: pending.row.number,
      status: statusKey(pending.status),
    });
  const ended = first('ended');
  if (ended) throw forbidden('open.agreement.ended', { number: ended.number, until: ended.valid_until });
  const terminated = first('terminated');
  if (terminated)
    throw forbidden('open.agreement.terminated', {
      number: terminated.number,
      reason: terminated.state_reason ?? 'open.agreement.breach',
    });
  throw conflict('open.data.conditional', { name: datasetName });
}

/**
 * The plan of a read by `actor` of dataset `datasetId` by `method`. Refuses (in this order) an
 * anonymous caller (401), an unverified identity (403), an unknown or closed dataset (404),
 * conditional data with no agreement of the user at all (409), a method the dataset does not offer
 * (409), conditional data without an agreement that opens this read (see {@link agreementForRead})
 * and a dataset without data (409).
 */
export async function openPlan(
  db: Kysely<DB>,
  platform: PlanPlatform,
  actor: Actor | null,
  datasetId: string,
  method: OpenMethod,
): Promise<OpenPlan> {
  requireVerifiedIdentity(actor);
  const dataset = isUuid(datasetId) ? await findOpenAccess(db, datasetId) : undefined;
  if (!dataset) throw notFound('what.open_data');
  // A dataset suspended after an objection or a risk finding (CQO §41) gives nothing to anybody.
  await requireNotSuspended(db, dataset);
  const agreements =
    dataset.open_type === 'conditional' ? await findAccessAgreements(db, actor.id, dataset.resource_id) : null;
  // Without an agreement the answer is the way to one, whichever method was tried.
  if (agreements?.length === 0) throw conflict('open.data.conditional', { name: dataset.name });
  if (!dataset.open_methods.includes(method))
    throw conflict('open.data.method_not_offered', { name: dataset.name, method });
  const agreement = agreements ? agreementForRead(agreements, method, todayInChina(), dataset.name) : null;
  // Under an agreement only the agreed items (the agreement's data list) are read.
  const agreed = agreement ? new Set(agreement.fields) : null;
  const resolved = await resolveMasking(db, platform.profile, dataset.resource_id);
  const table = resolved.table;
  if (!table) throw conflict('open.data.no_data', { name: dataset.name });
  const stored = new Map(table.columns.filter((c) => !c.retired).map((c) => [c.field, c]));
  const items: GrantedItem[] = resolved.items
    .filter(({ item }) => stored.has(item.field_name) && (!agreed || agreed.has(item.field_name)))
    .map(({ item, rule, source }) => ({
      field: item.field_name,
      name: item.name,
      dataType: item.data_type as ItemType,
      isKey: table.key_fields.includes(item.field_name),
      column: stored.get(item.field_name)!,
      rule,
      source,
    }));
  return {
    dataset,
    agreement: agreement ? { id: agreement.id, number: agreement.number, purpose: agreement.purpose } : null,
    resource: { resource_id: dataset.resource_id },
    table,
    items,
    keyColumns: table.key_fields.map((field) => stored.get(field)!).filter(Boolean),
    rowFilter: [],
    pseudonymKey: await grantKey(db, platform, `open:${actor.id}`),
    reads: new Map(),
  };
}
