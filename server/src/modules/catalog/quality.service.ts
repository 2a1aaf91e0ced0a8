// Metadata quality, per resource (with what to fix) and per department (the average of its
// published resources), for the console and for oversight's evaluation later.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import type { Profile } from '../../platform/profiles/profile.schema.ts';
import { scoreQuality } from './catalog.quality.ts';
import { findResource } from './catalog.repository.ts';
import { readResource } from './catalog.service.ts';
import { departmentQuality } from './versions.repository.ts';

/**
 * The quality of a resource's published metadata, or of its draft when it was never published
 * (so a department sees what to fix before submitting). Readers follow `readResource`'s rules.
 */
export async function resourceQuality(db: Kysely<DB>, context: RequestContext, profile: Profile, id: string) {
  const resource = await readResource(db, context, profile, id);
  const revision = resource.published ?? resource.draft;
  if (!revision) throw notFound('what.catalog_resource');
  const row = await findResource(db, id);
  const loaded = row?.data_updated_at ? new Date(row.data_updated_at) : null;
  return { resourceId: id, revisionNumber: revision.number, ...scoreQuality(revision, loaded) };
}

/** Average metadata quality of each department's published resources; audited as a read. */
export async function departmentQualityScores(db: Kysely<DB>, context: RequestContext) {
  const rows = await departmentQuality(db);
  await recordAudit(db, context, { action: 'catalog.quality.departments', targetType: 'department' });
  return rows.map((row) => ({
    ...row,
    resources: Number(row.resources),
    average: Math.round(Number(row.average)),
  }));
}
