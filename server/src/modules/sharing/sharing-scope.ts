// Who sees which requests, grants and disputes. A department sees those it is party to: as the one
// that asks (applicant, consumer) or as the provider. The data authority and auditors see everything
// whose provider or asking department is in their region tree (the authority sees every grant in
// its region); the platform administrator sees all.
import type { Actor } from '../../platform/policy/actor.ts';
import { forbidden } from '../../platform/policy/policy.ts';
import './flow.messages.ts';

/** The rows a list may show. */
export type PartyScope =
  | { kind: 'all' }
  /** The department that asks (applicant of a request, consumer of a grant). */
  | { kind: 'asker'; departmentId: string }
  | { kind: 'provider'; departmentId: string }
  /** Rows whose provider or asking department is in one of the regions. */
  | { kind: 'regions'; regionIds: readonly string[] };

/** The view a list asks for: the asking department's, the provider's, or the region's. */
export type PartySide = 'asker' | 'provider' | 'region';

/** Whether the actor looks at the region rather than at one department. */
export const seesRegion = (actor: Actor) =>
  actor.role === 'authority_officer' || actor.role === 'auditor' || actor.role === 'platform_admin';

/**
 * The scope of a list for a side; without one, the region for the authority, auditors and the
 * administrator, else the asking department. 403 `share.side_not_allowed` when the actor has no
 * such view (a department side without a department, the region side for department staff).
 */
export function partyScope(actor: Actor, side: PartySide | undefined, sideName?: string): PartyScope {
  const chosen = side ?? (seesRegion(actor) ? 'region' : 'asker');
  const refuse = () => forbidden('share.side_not_allowed', { side: sideName ?? chosen });
  if (chosen === 'region') {
    if (actor.role === 'platform_admin') return { kind: 'all' };
    if (actor.role === 'authority_officer' || actor.role === 'auditor')
      return { kind: 'regions', regionIds: actor.regionScope };
    throw refuse();
  }
  if (!actor.departmentId || actor.type !== 'user') throw refuse();
  return { kind: chosen, departmentId: actor.departmentId };
}

/** The parties of one request, grant or dispute. */
export interface Parties {
  askerDepartmentId: string;
  providerDepartmentId: string;
  /** Regions through which the authority and auditors see it. */
  regionIds: readonly string[];
}

/** Which side the actor is on, or null when it is no party (nor sees it through its region). */
export function sideOf(actor: Actor, parties: Parties): PartySide | null {
  if (actor.departmentId && actor.type === 'user') {
    if (actor.departmentId === parties.providerDepartmentId) return 'provider';
    if (actor.departmentId === parties.askerDepartmentId) return 'asker';
  }
  if (actor.role === 'platform_admin') return 'region';
  if (
    (actor.role === 'authority_officer' || actor.role === 'auditor') &&
    parties.regionIds.some((id) => actor.regionScope.includes(id))
  )
    return 'region';
  return null;
}

/** The actor's side, or 403 with `code` when it may not see the row. */
export function requireParty(actor: Actor, parties: Parties, code: string): PartySide {
  const side = sideOf(actor, parties);
  if (!side) throw forbidden(code);
  return side;
}
