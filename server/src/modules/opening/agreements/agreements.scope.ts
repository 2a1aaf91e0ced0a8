// Who sees and acts on which data usage agreements: the applicant their own (`open.apply`); the
// provider department's staff those for its data, the data authority and auditors those for data of
// departments in their region tree (`open.application.read`). Anyone else is told nothing exists
// (404), as for applications, so an agreement's id reveals nothing about its parties.
import { notFound } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/policy/actor.ts';
import { roleHas } from '../../../platform/policy/permissions.ts';
import { forbidden, inRegionScope, requireVerifiedIdentity } from '../../../platform/policy/policy.ts';
import type { AgreementParty } from '../conditional.tables.ts';
import type { AgreementScope, OpenAgreementRow } from './agreements.repository.ts';
import './agreements.messages.ts';

/** How the actor relates to an agreement. */
export type AgreementSide = AgreementParty | 'region';

type Parties = Pick<OpenAgreementRow, 'applicant_user_id' | 'provider_department_id' | 'provider_region_id'>;

const seesRegion = (actor: Actor) => actor.role === 'authority_officer' || actor.role === 'auditor';

/** The actor's side of an agreement, or null when it may not see it. */
export function sideOf(actor: Actor, row: Parties): AgreementSide | null {
  if (actor.type !== 'user') return null;
  if (roleHas(actor.role, 'open.apply')) return row.applicant_user_id === actor.id ? 'applicant' : null;
  if (!roleHas(actor.role, 'open.application.read')) return null;
  if (seesRegion(actor)) return inRegionScope(actor, row.provider_region_id) ? 'region' : null;
  return actor.departmentId === row.provider_department_id ? 'provider' : null;
}

/** The actor's side, or 404 when the agreement is not theirs to see. */
export function requireSide(actor: Actor, row: Parties | undefined): AgreementSide {
  const side = row ? sideOf(actor, row) : null;
  if (!side) throw notFound('what.open_agreement');
  return side;
}

/**
 * The side the actor signs for: the applicant (a verified public user, `open.apply`) or the
 * provider (`open.application.answer`); 403 for anyone else.
 */
export function signingSideOf(actor: Actor): AgreementParty {
  if (actor.type === 'user' && roleHas(actor.role, 'open.apply')) {
    requireVerifiedIdentity(actor);
    return 'applicant';
  }
  if (actor.type === 'user' && actor.departmentId && roleHas(actor.role, 'open.application.answer'))
    return 'provider';
  throw forbidden('open.agreement.not_party');
}

/** The scope of the provider's and the authority's list; 403 for an actor with neither view. */
export function readerScope(actor: Actor): AgreementScope {
  if (actor.type === 'user' && seesRegion(actor)) return { kind: 'regions', regionIds: actor.regionScope };
  if (actor.type === 'user' && actor.departmentId)
    return { kind: 'provider', departmentId: actor.departmentId };
  throw forbidden('open.agreement.not_party');
}
