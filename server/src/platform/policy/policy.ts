import { AppError } from '../errors/app-error.ts';
import type { Actor } from './actor.ts';
import { roleHas, type Permission } from './permissions.ts';
import './policy.messages.ts';

/** Thrown when no one is signed in on a route that needs it. */
export function unauthenticated(): AppError {
  return new AppError(401, 'auth.required');
}

/** Thrown when the actor's role or scope does not allow the act. */
export function forbidden(code = 'policy.forbidden', params: Record<string, unknown> = {}): AppError {
  return new AppError(403, code, params);
}

/** Whether an actor (or anonymous) may use a route that declares this permission. */
export function mayUse(actor: Actor | null, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (!actor) return false;
  return roleHas(actor.role, permission);
}

/** Whether the actor may act for this region: platform admins anywhere, others within their scope. */
export function inRegionScope(actor: Actor, regionId: string): boolean {
  if (actor.role === 'platform_admin') return true;
  return actor.regionScope.includes(regionId);
}

/**
 * Whether the actor may act for a department: platform admins for all; authority officers and
 * auditors for departments of their regions; everyone else only for their own department.
 */
export function inDepartmentScope(actor: Actor, department: { id: string; regionId: string }): boolean {
  switch (actor.role) {
    case 'platform_admin':
      return true;
    case 'authority_officer':
    case 'auditor':
      return actor.regionScope.includes(department.regionId);
    default:
      return actor.departmentId === department.id;
  }
}

/** Throws 403 unless the actor may act for the department. */
export function requireDepartmentScope(actor: Actor, department: { id: string; regionId: string }): void {
  if (inDepartmentScope(actor, department)) return;
  // Authorities and auditors reach departments by region, so the refusal names their limit.
  const byRegion = actor.role === 'authority_officer' || actor.role === 'auditor';
  throw forbidden(byRegion ? 'policy.out_of_region_scope' : 'policy.out_of_department_scope');
}

/** Throws 403 unless the actor may act for the region. */
export function requireRegionScope(actor: Actor, regionId: string): void {
  if (!inRegionScope(actor, regionId)) throw forbidden('policy.out_of_region_scope');
}

/**
 * Throws 403 'open.identity_required' unless the actor is a public user whose identity is
 * authenticated (实名认证): only such users get open data (CQ19 §33, CQO §23). Data routes call it
 * in their services, after the gate has checked the permission.
 */
export function requireVerifiedIdentity(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw unauthenticated();
  if (!actor.identityVerified) throw forbidden('open.identity_required');
}
