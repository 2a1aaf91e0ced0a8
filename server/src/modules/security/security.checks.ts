// Checks every register shares: non-blank texts, resources that exist in the catalog, and the
// department a record is kept for (the caller's own unless an authority names one of its region).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { notFound, type FieldProblem } from '../../platform/errors/app-error.ts';
import type { Actor } from '../../platform/policy/actor.ts';
import { findDepartment, resourceRefs } from './security.repository.ts';
import { requireKeeper } from './security.scope.ts';

/** A problem when a required text is only blanks. */
export function checkText(text: string, path: string, problems: FieldProblem[]): void {
  if (!text.trim()) problems.push({ path, code: 'security.text_required' });
}

/** Problems for resource ids the catalog does not have. */
export async function checkResources(
  db: Kysely<DB>,
  ids: readonly string[],
  path: string,
  problems: FieldProblem[],
): Promise<void> {
  const found = new Set((await resourceRefs(db, ids)).map((r) => r.id));
  ids.forEach((id, index) => {
    if (!found.has(id)) problems.push({ path: `${path}/${index}`, code: 'security.resource_unknown' });
  });
}

/** The department a new record is for; 404 when unknown, 403 when the actor may not keep it. */
export async function keeperDepartment(db: Kysely<DB>, actor: Actor, departmentId: string | undefined) {
  const id = departmentId ?? actor.departmentId;
  if (!id) throw notFound('what.department');
  const department = await findDepartment(db, id);
  if (!department) throw notFound('what.department');
  requireKeeper(actor, department);
  return department;
}
