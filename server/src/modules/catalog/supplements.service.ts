// Supplementary catalogs (SC §9): a lower authority's approved resources are filed (备案) with the
// authority of the level above, which sees the filings and acknowledges them.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { invalid } from '../../platform/errors/app-error.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import './catalog.messages.ts';
import { authorityAtOrAbove } from './routing.ts';
import { acknowledgeEntries, findRegionStep, listSupplementEntries } from './submissions.repository.ts';

/** The regions below the actor's own whose supplementary catalogs the actor's authority receives. */
function lowerRegions(context: RequestContext): string[] {
  const actor = context.actor!;
  return actor.regionScope.filter((id) => id !== actor.regionId);
}

/** Filings from the regions below, optionally only those not yet acknowledged; the read is audited. */
export async function listFilings(db: Kysely<DB>, context: RequestContext, acknowledged?: boolean) {
  const rows = await listSupplementEntries(db, { regionIds: lowerRegions(context), acknowledged });
  await recordAudit(db, context, {
    action: 'catalog.supplement.list',
    targetType: 'catalog_submission',
    detail: { acknowledged: acknowledged ?? null, total: rows.length },
  });
  return rows.map((row) => ({
    ...row,
    name: row.name ?? row.code,
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
    acknowledgedAt: row.acknowledgedAt ? new Date(row.acknowledgedAt).toISOString() : null,
  }));
}

/**
 * Acknowledges filings. Only the authority directly above the filing region may: each entry's
 * region must have the actor's authority as the next authority up.
 */
export async function acknowledgeFilings(db: Kysely<DB>, context: RequestContext, entryIds: string[]) {
  const actor = context.actor!;
  return db.transaction().execute(async (trx) => {
    const rows = await listSupplementEntries(trx, { regionIds: lowerRegions(context), acknowledged: false });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const problems = [];
    for (const [index, id] of entryIds.entries()) {
      const row = byId.get(id);
      const step = row ? await findRegionStep(trx, row.regionId) : undefined;
      const above = step?.parentId ? await authorityAtOrAbove(trx, step.parentId) : undefined;
      if (!row || above?.authorityId !== actor.departmentId)
        problems.push({ path: `/body/entryIds/${index}`, code: 'catalog.filing_unknown' });
    }
    if (problems.length > 0) throw invalid('catalog.invalid', problems);
    const marked = await acknowledgeEntries(trx, entryIds, { id: actor.id, name: actor.displayName });
    await recordAudit(trx, context, {
      action: 'catalog.supplement.acknowledge',
      targetType: 'catalog_submission',
      detail: { entries: marked.map((m) => m.id), resources: marked.map((m) => m.resource_id) },
    });
    return { acknowledged: marked.length };
  });
}
