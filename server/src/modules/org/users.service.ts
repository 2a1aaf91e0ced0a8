import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { deleteSessionsOfUser } from '../../platform/auth/auth.repository.ts';
import type { Authenticator } from '../../platform/auth/authenticator.ts';
import { hashPassword, passwordProblem, randomPassword } from '../../platform/auth/secrets.ts';
import './org.messages.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors/app-error.ts';
import { isValidCitizenId } from '../../platform/identifiers/citizen-id.ts';
import { isValidCreditCode } from '../../platform/identifiers/credit-code.ts';
import type { Actor, RequestContext } from '../../platform/policy/actor.ts';
import { ROLES, type UserRole } from '../../platform/policy/permissions.ts';
import { forbidden, inRegionScope } from '../../platform/policy/policy.ts';
import { findDepartment } from './departments.repository.ts';
import type { CreateUserBody, UpdateUserBody, User } from './org.schemas.ts';
import { findRegion } from './regions.repository.ts';
import {
  findUser,
  identityTaken,
  insertUser,
  listUsers,
  resetPasswordHash,
  unlockUser,
  updateUser,
  usernameTaken,
  type UserRecord,
} from './users.repository.ts';

// An authority manages the people of its region's departments; only the platform admin creates
// admins, auditors (who oversee the authority itself) and public accounts by hand.
const GRANTABLE: Partial<Record<UserRole, readonly UserRole[]>> = {
  authority_officer: [
    'authority_officer',
    'department_officer',
    'department_head',
    'security_officer',
    'expert',
  ],
};
const NEEDS_DEPARTMENT: readonly string[] = [
  'authority_officer',
  'department_officer',
  'department_head',
  'security_officer',
];
const NEEDS_REGION: readonly string[] = ['authority_officer', 'auditor'];

/** The roles an actor may give to accounts (the console offers only these). */
export function grantableRoles(actor: Actor): readonly UserRole[] {
  if (actor.role === 'platform_admin') return ROLES;
  return GRANTABLE[actor.role as UserRole] ?? [];
}

function mayGrant(actor: Actor, role: UserRole): boolean {
  return grantableRoles(actor).includes(role);
}

/** Whether the actor may manage this existing user at all. */
function mayManage(actor: Actor, user: UserRecord): boolean {
  if (actor.role === 'platform_admin') return true;
  if (!mayGrant(actor, user.role)) return false;
  const region = user.departmentRegionId ?? user.regionId;
  return region !== null && inRegionScope(actor, region);
}

/** Works out and checks where a user with this role sits: region, department. */
async function resolvePlacement(
  db: Kysely<DB>,
  actor: Actor,
  role: UserRole,
  departmentId: string | null,
  regionId: string | null,
): Promise<{ departmentId: string | null; regionId: string | null }> {
  if (NEEDS_DEPARTMENT.includes(role) && !departmentId) {
    throw invalid('org.user.department_required', [
      { path: '/body/departmentId', code: 'org.user.department_required' },
    ]);
  }
  if (departmentId) {
    const department = await findDepartment(db, departmentId);
    if (!department) throw notFound('what.department');
    if (role === 'authority_officer' && department.kind !== 'authority') {
      throw invalid('org.user.authority_department_required', [
        { path: '/body/departmentId', code: 'org.user.authority_department_required' },
      ]);
    }
    if (!inRegionScope(actor, department.regionId)) throw forbidden('policy.out_of_region_scope');
    return { departmentId, regionId: department.regionId };
  }
  if (NEEDS_REGION.includes(role) && !regionId) {
    throw invalid('org.user.region_required', [{ path: '/body/regionId', code: 'org.user.region_required' }]);
  }
  if (regionId) {
    if (!(await findRegion(db, regionId))) throw notFound('what.region');
    if (!inRegionScope(actor, regionId)) throw forbidden('policy.out_of_region_scope');
  }
  return { departmentId: null, regionId };
}

function checkPublicIdentity(input: CreateUserBody): {
  personType: 'natural' | 'legal' | 'other' | null;
  identityNumber: string | null;
} {
  if (input.role !== 'public_user') return { personType: null, identityNumber: null };
  if (!input.personType || !input.identityNumber) {
    throw invalid('org.user.identity_required', [
      { path: '/body/identityNumber', code: 'org.user.identity_required' },
    ]);
  }
  const number = input.identityNumber.trim().toUpperCase();
  const valid = input.personType === 'natural' ? isValidCitizenId(number) : isValidCreditCode(number);
  if (!valid) {
    const code =
      input.personType === 'natural' ? 'org.user.bad_citizen_id' : 'org.department.bad_credit_code';
    throw invalid(code, [{ path: '/body/identityNumber', code }]);
  }
  return { personType: input.personType, identityNumber: number };
}

type UserFilter = Omit<Parameters<typeof listUsers>[1], 'regionScope'>;

/**
 * Lists accounts in the actor's scope. The list holds people's contact details, so reading it is
 * audited, in the same transaction as the read.
 */
export async function listUsersInScope(
  db: Kysely<DB>,
  context: RequestContext,
  filter: UserFilter,
): Promise<{ items: User[]; total: number }> {
  const actor = context.actor!;
  return db.transaction().execute(async (trx) => {
    const result = await listUsers(trx, {
      ...filter,
      regionScope: actor.role === 'platform_admin' ? undefined : actor.regionScope,
    });
    await recordAudit(trx, context, {
      action: 'org.user.list',
      targetType: 'user',
      detail: { filter, returned: result.items.length },
    });
    return { items: result.items.map(({ departmentRegionId: _, ...user }) => user), total: result.total };
  });
}

/** Reads one account in the actor's scope, audited. */
export async function readUser(db: Kysely<DB>, context: RequestContext, id: string): Promise<User> {
  const actor = context.actor!;
  return db.transaction().execute(async (trx) => {
    const found = await findUser(trx, id);
    if (!found) throw notFound('what.user');
    const region = found.departmentRegionId ?? found.regionId;
    if (actor.role !== 'platform_admin' && (!region || !actor.regionScope.includes(region)))
      throw forbidden();
    await recordAudit(trx, context, {
      action: 'org.user.read',
      targetType: 'user',
      targetId: id,
      departmentId: found.departmentId,
    });
    const { departmentRegionId: _, ...user } = found;
    return user;
  });
}

/** Creates an account; without a given password one is generated and returned once. */
export async function createUser(
  db: Kysely<DB>,
  context: RequestContext,
  input: CreateUserBody,
): Promise<{ user: User; initialPassword?: string }> {
  const actor = context.actor!;
  if (!mayGrant(actor, input.role)) throw forbidden('org.user.role_not_grantable', { role: input.role });
  const identity = checkPublicIdentity(input);
  const password = input.password ?? randomPassword();
  const problem = passwordProblem(password, input.username);
  if (problem) throw invalid(problem, [{ path: '/body/password', code: problem }]);
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const placement = await resolvePlacement(
      trx,
      actor,
      input.role,
      input.departmentId ?? null,
      input.regionId ?? null,
    );
    if (await usernameTaken(trx, input.username))
      throw conflict('org.user.username_taken', { username: input.username });
    if (identity.personType && (await identityTaken(trx, identity.personType, identity.identityNumber!))) {
      throw conflict('org.user.identity_taken');
    }
    const id = await insertUser(trx, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      ...placement,
      passwordHash,
      email: input.email ?? null,
      phone: input.phone ?? null,
      ...identity,
    });
    await recordAudit(trx, context, {
      action: 'org.user.create',
      targetType: 'user',
      targetId: id,
      departmentId: placement.departmentId,
      detail: {
        username: input.username,
        role: input.role,
        ...placement,
        passwordGenerated: !input.password,
      },
    });
    const { departmentRegionId: _, ...user } = (await findUser(trx, id))!;
    return input.password ? { user } : { user, initialPassword: password };
  });
}

async function loadManageable(db: Kysely<DB>, actor: Actor, id: string): Promise<UserRecord> {
  const user = await findUser(db, id);
  if (!user) throw notFound('what.user');
  if (!mayManage(actor, user)) throw forbidden();
  return user;
}

/** Changes an account; disabling it or changing its role ends its sessions at once. */
export async function changeUser(
  db: Kysely<DB>,
  authenticator: Authenticator,
  context: RequestContext,
  id: string,
  changes: UpdateUserBody,
): Promise<User> {
  const actor = context.actor!;
  const result = await db.transaction().execute(async (trx) => {
    const before = await loadManageable(trx, actor, id);
    if (changes.disabled === true && id === actor.id) throw new AppError(400, 'org.user.cannot_disable_self');
    const role = changes.role ?? before.role;
    if (changes.role && !mayGrant(actor, changes.role))
      throw forbidden('org.user.role_not_grantable', { role: changes.role });
    const placementChanged =
      changes.role !== undefined || changes.departmentId !== undefined || changes.regionId !== undefined;
    const placement = placementChanged
      ? await resolvePlacement(
          trx,
          actor,
          role,
          changes.departmentId !== undefined ? changes.departmentId : before.departmentId,
          changes.regionId !== undefined ? changes.regionId : before.regionId,
        )
      : {};
    await updateUser(trx, id, { ...changes, ...placement });
    if (changes.disabled === true) await deleteSessionsOfUser(trx, id);
    await recordAudit(trx, context, {
      action: changes.disabled === true ? 'org.user.disable' : 'org.user.update',
      targetType: 'user',
      targetId: id,
      departmentId: before.departmentId,
      detail: {
        before: { role: before.role, departmentId: before.departmentId, disabled: before.disabled },
        changes,
      },
    });
    const { departmentRegionId: _, ...user } = (await findUser(trx, id))!;
    return user;
  });
  authenticator.forgetActor(id);
  return result;
}

/** Gives an account a new random password (returned once), lifts its lock and ends its sessions. */
export async function resetPassword(
  db: Kysely<DB>,
  authenticator: Authenticator,
  context: RequestContext,
  id: string,
): Promise<string> {
  const password = randomPassword();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const user = await loadManageable(trx, context.actor!, id);
    await resetPasswordHash(trx, id, hash);
    await deleteSessionsOfUser(trx, id);
    await recordAudit(trx, context, {
      action: 'org.user.reset_password',
      targetType: 'user',
      targetId: id,
      departmentId: user.departmentId,
    });
  });
  authenticator.forgetActor(id);
  return password;
}

/** Lifts a sign-in lock before it runs out. */
export async function unlock(db: Kysely<DB>, context: RequestContext, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await loadManageable(trx, context.actor!, id);
    await unlockUser(trx, id);
    await recordAudit(trx, context, {
      action: 'org.user.unlock',
      targetType: 'user',
      targetId: id,
      departmentId: user.departmentId,
    });
  });
}
