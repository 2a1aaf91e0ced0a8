// Who keeps and who reads the security registers. A department's officers, head and security
// officer keep their own department's records; an authority officer keeps those of its own region's
// departments (its authority included) and reads those of the regions below; auditors and the
// platform administrator read. Experts reach assessments only through being asked (assessments/).
import type { Actor } from '../../platform/policy/actor.ts';
import { forbidden, inDepartmentScope } from '../../platform/policy/policy.ts';

/** A department as the scope rules see it. */
export interface DepartmentRef {
  id: string;
  regionId: string;
}

/** Whether the actor may register and update records of the department. */
export function mayKeep(actor: Actor, department: DepartmentRef): boolean {
  if (actor.role === 'authority_officer') return actor.regionId === department.regionId;
  if (actor.role === 'platform_admin' || actor.role === 'auditor') return false;
  return actor.departmentId === department.id;
}

/** Throws 403 unless the actor may keep the department's records. */
export function requireKeeper(actor: Actor, department: DepartmentRef): void {
  if (mayKeep(actor, department)) return;
  throw forbidden(
    actor.role === 'authority_officer' ? 'policy.out_of_region_scope' : 'security.own_department',
  );
}

/** Throws 403 unless the actor may read the department's records. */
export function requireReader(actor: Actor, department: DepartmentRef): void {
  if (inDepartmentScope(actor, department)) return;
  const byRegion = actor.role === 'authority_officer' || actor.role === 'auditor';
  throw forbidden(byRegion ? 'policy.out_of_region_scope' : 'security.own_department');
}

/** Which departments' records a list shows the actor. */
export type RegisterScope =
  | { kind: 'all' }
  | { kind: 'regions'; regionIds: readonly string[] }
  | { kind: 'department'; departmentId: string | null };

/** The list scope of an actor (the same rule as `requireReader`). */
export function registerScope(actor: Actor): RegisterScope {
  if (actor.role === 'platform_admin') return { kind: 'all' };
  if (actor.role === 'authority_officer' || actor.role === 'auditor')
    return { kind: 'regions', regionIds: actor.regionScope };
  return { kind: 'department', departmentId: actor.departmentId };
}
