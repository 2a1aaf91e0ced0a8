// Who sees which applications for conditionally open data: the applicant their own (`open.apply`);
// the provider department's staff those for its data, and the data authority and auditors those for
// data of departments in their region tree (`open.application.read`). Anyone else is told nothing
// exists (404), so an application's id reveals nothing about the person who filed it.
import type { Actor } from '../../../platform/policy/actor.ts';
import { forbidden, inRegionScope } from '../../../platform/policy/policy.ts';
import { roleHas } from '../../../platform/policy/permissions.ts';
import './applications.messages.ts';
import type { ApplicationRow, ApplicationScope } from './applications.repository.ts';

/** Whether the actor sees through the region rather than as one department. */
const seesRegion = (actor: Actor) => actor.role === 'authority_officer' || actor.role === 'auditor';

/** Whether the actor may read this application. */
export function mayRead(
  actor: Actor,
  row: Pick<ApplicationRow, 'applicant_user_id' | 'provider_department_id' | 'provider_region_id'>,
): boolean {
  if (actor.type !== 'user') return false;
  if (roleHas(actor.role, 'open.apply') && row.applicant_user_id === actor.id) return true;
  if (!roleHas(actor.role, 'open.application.read')) return false;
  if (seesRegion(actor)) return inRegionScope(actor, row.provider_region_id);
  return actor.departmentId === row.provider_department_id;
}

/**
 * The scope of the provider's and the authority's list: the own department's data for department
 * staff, the region tree for the authority and auditors. 403 for an actor with neither.
 */
export function readerScope(actor: Actor): ApplicationScope {
  if (actor.type === 'user' && seesRegion(actor)) return { kind: 'regions', regionIds: actor.regionScope };
  if (actor.type === 'user' && actor.departmentId)
    return { kind: 'provider', departmentId: actor.departmentId };
  throw forbidden('open.application.side_not_allowed');
}
