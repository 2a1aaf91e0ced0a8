import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import './org.messages.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import { findRegion, insertRegion, regionCodeTaken, updateRegion } from './regions.repository.ts';
import type { Region } from './org.schemas.ts';

const PARENT_LEVELS: Record<Region['level'], (Region['level'] | null)[]> = {
  province: [null],
  // A deployment may serve a municipality (直辖市) with no province above it.
  city: [null, 'province'],
  district: ['city'],
};

/** Creates a region below its parent; the level must fit the parent's (province → city → district). */
export async function createRegion(
  db: Kysely<DB>,
  context: RequestContext,
  input: { code: string; name: string; level: Region['level']; parentId?: string | null },
): Promise<Region> {
  return db.transaction().execute(async (trx) => {
    const parent = input.parentId ? await findRegion(trx, input.parentId) : undefined;
    if (input.parentId && !parent) throw notFound('what.region');
    if (!PARENT_LEVELS[input.level].includes(parent?.level ?? null)) {
      throw new AppError(
        400,
        input.level === 'district' ? 'org.region.parent_required' : 'org.region.bad_parent_level',
        {
          level: input.level,
        },
      );
    }
    if (await regionCodeTaken(trx, input.code)) throw conflict('org.region.code_taken', { code: input.code });
    const id = await insertRegion(trx, {
      code: input.code,
      name: input.name,
      level: input.level,
      parentId: parent?.id ?? null,
    });
    await recordAudit(trx, context, {
      action: 'org.region.create',
      targetType: 'region',
      targetId: id,
      detail: input,
    });
    return (await findRegion(trx, id))!;
  });
}

/** Renames a region or corrects its code. */
export async function changeRegion(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  changes: { code?: string; name?: string },
): Promise<Region> {
  return db.transaction().execute(async (trx) => {
    const before = await findRegion(trx, id);
    if (!before) throw notFound('what.region');
    if (changes.code && (await regionCodeTaken(trx, changes.code, id))) {
      throw conflict('org.region.code_taken', { code: changes.code });
    }
    await updateRegion(trx, id, changes);
    await recordAudit(trx, context, {
      action: 'org.region.update',
      targetType: 'region',
      targetId: id,
      detail: { before: { code: before.code, name: before.name }, changes },
    });
    return (await findRegion(trx, id))!;
  });
}
