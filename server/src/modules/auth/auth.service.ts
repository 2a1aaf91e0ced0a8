import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { deleteSession, deleteSessionsOfUser, insertSession } from '../../platform/auth/auth.repository.ts';
import type { Authenticator } from '../../platform/auth/authenticator.ts';
import {
  hashPassword,
  passwordProblem,
  randomToken,
  tokenDigest,
  verifyAgainstDummy,
  verifyPassword,
} from '../../platform/auth/secrets.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, invalid } from '../../platform/errors/app-error.ts';
import type { Actor, RequestContext } from '../../platform/policy/actor.ts';
import {
  findLoginUser,
  recordFailedLogin,
  recordSuccessfulLogin,
  updatePasswordHash,
} from './auth.repository.ts';

/** A new session: the cookie token (never stored) and the CSRF token the client must echo. */
export interface NewSession {
  token: string;
  csrfToken: string;
  userId: string;
  expiresAt: Date;
}

/**
 * Signs a user in. Wrong passwords count towards a temporary lock; every attempt, good or bad,
 * is audited. Unknown users cost the same time as known ones.
 */
export async function login(
  db: Kysely<DB>,
  config: Config,
  context: RequestContext & { userAgent: string | null },
  username: string,
  password: string,
): Promise<NewSession> {
  const user = await findLoginUser(db, username);
  const attempt = { ...context, claimedName: username };
  if (!user) {
    await verifyAgainstDummy(password);
    await recordAudit(db, attempt, {
      action: 'auth.login',
      outcome: 'failure',
      detail: { reason: 'unknown_user' },
    });
    throw new AppError(401, 'auth.invalid_credentials');
  }
  const target = { targetType: 'user', targetId: user.id, departmentId: user.departmentId };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await recordAudit(db, attempt, {
      action: 'auth.login',
      outcome: 'denied',
      ...target,
      detail: { reason: 'locked' },
    });
    throw new AppError(423, 'auth.locked', {
      minutes: Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000),
    });
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const locks = user.failedLogins + 1 >= config.loginMaxFailures;
    const lockUntil = locks ? new Date(Date.now() + config.loginLockMinutes * 60_000) : null;
    await db.transaction().execute(async (trx) => {
      await recordFailedLogin(trx, user.id, lockUntil);
      await recordAudit(trx, attempt, {
        action: locks ? 'auth.lock' : 'auth.login',
        outcome: 'failure',
        ...target,
        detail: { reason: 'wrong_password', failedLogins: user.failedLogins + 1 },
      });
    });
    if (lockUntil) throw new AppError(423, 'auth.locked', { minutes: config.loginLockMinutes });
    throw new AppError(401, 'auth.invalid_credentials');
  }
  if (user.disabled) {
    await recordAudit(db, attempt, {
      action: 'auth.login',
      outcome: 'denied',
      ...target,
      detail: { reason: 'disabled' },
    });
    throw new AppError(403, 'auth.disabled');
  }

  const session: NewSession = {
    token: randomToken(),
    csrfToken: randomToken(),
    userId: user.id,
    expiresAt: new Date(Date.now() + config.sessionHours * 3_600_000),
  };
  await db.transaction().execute(async (trx) => {
    await recordSuccessfulLogin(trx, user.id);
    await insertSession(trx, {
      id: tokenDigest(session.token),
      userId: user.id,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      ip: context.ip,
      userAgent: context.userAgent,
    });
    await recordAudit(
      trx,
      { ...context, claimedName: user.username },
      { action: 'auth.login', ...target, targetId: user.id },
    );
  });
  return session;
}

/** Ends the current session. */
export async function logout(
  db: Kysely<DB>,
  authenticator: Authenticator,
  context: RequestContext,
  actor: Actor,
) {
  if (!actor.session) return;
  const sessionId = actor.session.id;
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await recordAudit(trx, context, { action: 'auth.logout', targetType: 'user', targetId: actor.id });
  });
  authenticator.forgetSession(sessionId);
}

/** Ends every session of the signed-in user, on every device. */
export async function logoutEverywhere(
  db: Kysely<DB>,
  authenticator: Authenticator,
  context: RequestContext,
  actor: Actor,
): Promise<number> {
  const ended = await db.transaction().execute(async (trx) => {
    const count = await deleteSessionsOfUser(trx, actor.id);
    await recordAudit(trx, context, {
      action: 'auth.logout_all',
      targetType: 'user',
      targetId: actor.id,
      detail: { sessions: count },
    });
    return count;
  });
  authenticator.forgetActor(actor.id);
  return ended;
}

/** Changes the signed-in user's password; other sessions of the user end, this one stays. */
export async function changePassword(
  db: Kysely<DB>,
  authenticator: Authenticator,
  context: RequestContext,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const user = await findLoginUser(db, actor.name);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordAudit(db, context, {
      action: 'auth.password.change',
      outcome: 'failure',
      targetType: 'user',
      targetId: actor.id,
      detail: { reason: 'wrong_current_password' },
    });
    throw invalid('auth.wrong_current_password', [
      { path: '/body/currentPassword', code: 'auth.wrong_current_password' },
    ]);
  }
  const problem =
    currentPassword === newPassword ? 'auth.password_same' : passwordProblem(newPassword, actor.name);
  if (problem) throw invalid(problem, [{ path: '/body/newPassword', code: problem }]);
  const hash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, actor.id, hash);
    await deleteSessionsOfUser(trx, actor.id, actor.session?.id);
    await recordAudit(trx, context, {
      action: 'auth.password.change',
      targetType: 'user',
      targetId: actor.id,
    });
  });
  authenticator.forgetActor(actor.id);
}
