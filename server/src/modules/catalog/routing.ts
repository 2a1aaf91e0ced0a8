// Where a catalog list goes: up the region tree, to the first region that has a data authority.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { conflict } from '../../platform/errors/app-error.ts';
import './catalog.messages.ts';
import { findRegionStep } from './submissions.repository.ts';

/** The first region at or above `regionId` that has a data authority, with that authority. */
export async function authorityAtOrAbove(db: Kysely<DB>, regionId: string | null) {
  for (let id = regionId; id;) {
    const step = await findRegionStep(db, id);
    if (!step) break;
    if (step.authorityId)
      return { regionId: step.id, authorityId: step.authorityId, parentId: step.parentId };
    id = step.parentId;
  }
  throw conflict('catalog.no_authority');
}

/** Where a list goes first: its region's authority, or the one above when the authority itself submits. */
export async function firstHolder(db: Kysely<DB>, department: { id: string; regionId: string }) {
  const own = await authorityAtOrAbove(db, department.regionId);
  if (own.authorityId !== department.id || !own.parentId) return own;
  return authorityAtOrAbove(db, own.parentId);
}
