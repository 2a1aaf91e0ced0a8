// Which data authority takes what the public sends: opinions go to the authority of the dataset's
// region (the nearest one on the way up, CQ19 §37: the authority collects them together with the
// departments), or of the portal's region when they name no dataset; the showcase is the portal's
// (CQO §30: the city authority promotes good cases), so its entries go to the top authority.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict } from '../../../platform/errors/app-error.ts';
import { topAuthorities } from '../../catalog/demands/demands.repository.ts';
import { findRegionStep } from '../../catalog/submissions.repository.ts';
import './participation.messages.ts';

/** An authority department and its region. */
export interface Authority {
  regionId: string;
  authorityId: string;
}

/** The authorities on the way up from a region: the nearest one and the top one (either may be missing). */
async function authoritiesAbove(db: Kysely<DB>, regionId: string) {
  let nearest: Authority | undefined;
  let top: Authority | undefined;
  for (let id: string | null = regionId; id;) {
    const step = await findRegionStep(db, id);
    if (!step) break;
    if (step.authorityId) {
      top = { regionId: step.id, authorityId: step.authorityId };
      nearest ??= top;
    }
    id = step.parentId;
  }
  return { nearest, top };
}

/** The authority of the portal's region: the only top-level one (409 when there is none or several). */
export async function portalAuthority(db: Kysely<DB>): Promise<Authority> {
  const roots = await topAuthorities(db);
  if (roots.length !== 1) throw conflict('open.participation.no_authority');
  return roots[0]!;
}

/** The nearest authority above a dataset's region, else the portal's. */
export async function nearestAuthority(db: Kysely<DB>, regionId: string): Promise<Authority> {
  return (await authoritiesAbove(db, regionId)).nearest ?? portalAuthority(db);
}

/** The top authority above a dataset's region, else the portal's. */
export async function topAuthority(db: Kysely<DB>, regionId: string): Promise<Authority> {
  return (await authoritiesAbove(db, regionId)).top ?? portalAuthority(db);
}
