// Who handles public participation: the provider department's staff for its own open data
// (`open.participation.answer`: corrections, error reports, hiding comments on it) and the data
// authority for its region (`open.participation.manage`: opinions, the showcase, moderation and an
// overview of the rest). Anyone else is told nothing exists (404), so ids reveal nothing.
import type { Actor } from '../../../platform/policy/actor.ts';
import { forbidden, inRegionScope } from '../../../platform/policy/policy.ts';
import { roleHas } from '../../../platform/policy/permissions.ts';
import './participation.messages.ts';

/** The rows a handler's list shows: the own department's, or the region tree's. */
export type StaffScope =
  { kind: 'provider'; departmentId: string } | { kind: 'regions'; regionIds: readonly string[] };

/** What a handled thing belongs to: the department that answers, in its region. */
export interface Owner {
  department_id: string;
  region_id: string;
}

/** Whether the actor is the provider side of this thing: staff of its department with the answer right. */
export function isProviderOf(actor: Actor | null, owner: Owner): boolean {
  return (
    actor?.type === 'user' &&
    roleHas(actor.role, 'open.participation.answer') &&
    actor.departmentId === owner.department_id
  );
}

/** Whether the actor is the authority over this thing: the manage right and the region in scope. */
export function isAuthorityOf(actor: Actor | null, owner: Pick<Owner, 'region_id'>): boolean {
  return (
    actor?.type === 'user' &&
    roleHas(actor.role, 'open.participation.manage') &&
    inRegionScope(actor, owner.region_id)
  );
}

/**
 * The scope of a handler's lists: the region tree for the authority, the own department for the
 * provider's staff. 403 for everyone else (a public user, an auditor, a security officer).
 */
export function staffScope(actor: Actor): StaffScope {
  if (actor.type === 'user' && roleHas(actor.role, 'open.participation.manage'))
    return { kind: 'regions', regionIds: actor.regionScope };
  if (actor.type === 'user' && roleHas(actor.role, 'open.participation.answer') && actor.departmentId)
    return { kind: 'provider', departmentId: actor.departmentId };
  throw forbidden('open.participation.staff_only');
}
