// Who sees which use of shared data: a department's staff the use of its own resources (provider)
// or its own calls (consumer); the authority (and auditors) the use within their regions.
import type { Actor } from '../../../platform/policy/actor.ts';
import { forbidden, inRegionScope } from '../../../platform/policy/policy.ts';
import './monitoring.messages.ts';
import type { UsageScope } from './usage.repository.ts';

const OVERSEERS = new Set(['authority_officer', 'auditor', 'platform_admin']);

/** The side a caller sees when it names none: the authority's region for overseers, else its resources. */
export function defaultSide(actor: Actor): 'provider' | 'authority' {
  return OVERSEERS.has(actor.role) ? 'authority' : 'provider';
}

/** The scope of a side for the actor; 403 for a side the actor does not have. */
export function monitoringScope(actor: Actor, side: UsageScope['side'] = defaultSide(actor)): UsageScope {
  if (side === 'authority') {
    if (!OVERSEERS.has(actor.role)) throw forbidden('share.monitor.authority_only');
    return { side, regionIds: actor.role === 'platform_admin' ? null : actor.regionScope };
  }
  if (actor.type !== 'user' || !actor.departmentId) throw forbidden('share.monitor.department_only');
  return { side, departmentId: actor.departmentId };
}

/** Whether something with these parties is within the scope (the grant a report is asked for). */
export function inMonitoringScope(
  scope: UsageScope,
  parties: {
    provider_department_id: string | null;
    provider_region_id: string | null;
    consumer_department_id: string;
    consumer_region_id: string;
  },
): boolean {
  if (scope.side !== 'authority')
    return (
      (scope.side === 'provider' ? parties.provider_department_id : parties.consumer_department_id) ===
      scope.departmentId
    );
  const regions = scope.regionIds;
  if (regions === null) return true;
  return [parties.provider_region_id, parties.consumer_region_id].some(
    (region) => region !== null && regions.includes(region),
  );
}

/**
 * Whether the actor may acknowledge an alert: the providing department's staff (not its
 * applications), or an authority officer of the alert's region or of the provider's region.
 */
export function mayAcknowledge(
  actor: Actor,
  alert: { provider_department_id: string | null; provider_region_id: string | null; region_id: string },
): boolean {
  if (actor.role === 'platform_admin') return true;
  if (actor.role === 'authority_officer')
    return (
      inRegionScope(actor, alert.region_id) ||
      (!!alert.provider_region_id && inRegionScope(actor, alert.provider_region_id))
    );
  if (actor.type !== 'user' || actor.role === 'auditor') return false;
  return alert.provider_department_id !== null && actor.departmentId === alert.provider_department_id;
}
