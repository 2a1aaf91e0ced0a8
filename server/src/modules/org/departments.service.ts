import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import './org.messages.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors/app-error.ts';
import { isValidCreditCode } from '../../platform/identifiers/credit-code.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import { requireDepartmentScope, requireRegionScope } from '../../platform/policy/policy.ts';
import {
  departmentClash,
  departmentSubtree,
  findDepartment,
  insertDepartment,
  updateDepartment,
} from './departments.repository.ts';
import type { Department } from './org.schemas.ts';
import { findRegion } from './regions.repository.ts';

const CLASH_MESSAGES = {
  credit_code: 'org.department.credit_code_taken',
  name: 'org.department.name_taken',
  authority: 'org.department.authority_exists',
} as const;

/** Registers a department of a region within the actor's scope; its credit code must pass GB 32100. */
export async function createDepartment(
  db: Kysely<DB>,
  context: RequestContext,
  input: {
    name: string;
    shortName?: string | null;
    creditCode: string;
    regionId: string;
    parentId?: string | null;
    kind: Department['kind'];
  },
): Promise<Department> {
  const creditCode = input.creditCode.trim().toUpperCase();
  if (!isValidCreditCode(creditCode)) {
    throw invalid('org.department.bad_credit_code', [
      { path: '/body/creditCode', code: 'org.department.bad_credit_code' },
    ]);
  }
  requireRegionScope(context.actor!, input.regionId);
  return db.transaction().execute(async (trx) => {
    if (!(await findRegion(trx, input.regionId))) throw notFound('what.region');
    if (input.parentId && !(await findDepartment(trx, input.parentId))) throw notFound('what.department');
    const clash = await departmentClash(trx, {
      creditCode,
      name: input.name,
      regionId: input.regionId,
      kind: input.kind,
    });
    if (clash) throw conflict(CLASH_MESSAGES[clash], { creditCode, name: input.name });
    const id = await insertDepartment(trx, {
      name: input.name,
      shortName: input.shortName ?? null,
      creditCode,
      regionId: input.regionId,
      parentId: input.parentId ?? null,
      kind: input.kind,
    });
    await recordAudit(trx, context, {
      action: 'org.department.create',
      targetType: 'department',
      targetId: id,
      departmentId: id,
      detail: { ...input, creditCode },
    });
    return (await findDepartment(trx, id))!;
  });
}

/** Renames a department or moves it under another parent (never under itself). */
export async function changeDepartment(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  changes: { name?: string; shortName?: string | null; parentId?: string | null },
): Promise<Department> {
  return db.transaction().execute(async (trx) => {
    const before = await findDepartment(trx, id);
    if (!before) throw notFound('what.department');
    requireDepartmentScope(context.actor!, before);
    if (changes.parentId) {
      if (!(await findDepartment(trx, changes.parentId))) throw notFound('what.department');
      if ((await departmentSubtree(trx, id)).includes(changes.parentId)) {
        throw new AppError(400, 'org.department.parent_cycle', {}, [
          { path: '/body/parentId', code: 'org.department.parent_cycle' },
        ]);
      }
    }
    if (changes.name && changes.name !== before.name) {
      const clash = await departmentClash(trx, { name: changes.name, regionId: before.regionId }, id);
      if (clash === 'name') throw conflict('org.department.name_taken', { name: changes.name });
    }
    await updateDepartment(trx, id, changes);
    await recordAudit(trx, context, {
      action: 'org.department.update',
      targetType: 'department',
      targetId: id,
      departmentId: id,
      detail: {
        before: { name: before.name, shortName: before.shortName, parentId: before.parentId },
        changes,
      },
    });
    return (await findDepartment(trx, id))!;
  });
}
