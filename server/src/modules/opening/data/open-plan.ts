// The plan of a read of open data (数据开放): which dataset, which items with the masking in force
// (the provider's rule, else the profile's default for the item's level), every current row, and a
// pseudonym key of the user's own, so pseudonyms are stable for one user and differ between users.
// Only an identity-authenticated public user reads (CQ19 §33, CQO §23); only unconditionally open
// data is read this way — conditional data needs an application and an agreement first (CQO §24).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, notFound } from '../../../platform/errors/app-error.ts';
import type { ItemType } from '../../../platform/masking/rules.ts';
import type { Actor } from '../../../platform/policy/actor.ts';
import { requireVerifiedIdentity } from '../../../platform/policy/policy.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import { grantKey, resolveMasking } from '../../security/masking/masking.service.ts';
import type { GrantedItem, PlanPlatform, ReadSource } from '../../sharing/api/call-plan.ts';
import { findOpenAccess, type OpenAccessRow } from './data.repository.ts';
import './data.messages.ts';

/** How open data leaves the platform (the open methods of CQO §13 that the data routes serve). */
export type OpenMethod = 'download' | 'api';

/** A read of an open dataset: the dataset and what a read source needs. */
export interface OpenPlan extends ReadSource {
  dataset: OpenAccessRow;
}

/**
 * The plan of a read by `actor` of dataset `datasetId` by `method`. Refuses (in this order) an
 * anonymous caller (401), an unverified identity (403), an unknown or closed dataset (404),
 * conditional data (409), a method the dataset does not offer (409) and a dataset without data (409).
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
  if (dataset.open_type !== 'unconditional') throw conflict('open.data.conditional', { name: dataset.name });
  if (!dataset.open_methods.includes(method))
    throw conflict('open.data.method_not_offered', { name: dataset.name, method });
  const resolved = await resolveMasking(db, platform.profile, dataset.resource_id);
  const table = resolved.table;
  if (!table) throw conflict('open.data.no_data', { name: dataset.name });
  const stored = new Map(table.columns.filter((c) => !c.retired).map((c) => [c.field, c]));
  const items: GrantedItem[] = resolved.items
    .filter(({ item }) => stored.has(item.field_name))
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
    resource: { resource_id: dataset.resource_id },
    table,
    items,
    keyColumns: table.key_fields.map((field) => stored.get(field)!).filter(Boolean),
    rowFilter: [],
    pseudonymKey: await grantKey(db, platform, `open:${actor.id}`),
    reads: new Map(),
  };
}
