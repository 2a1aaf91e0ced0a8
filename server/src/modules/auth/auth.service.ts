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
import type { Limit, RateLimiter } from '../../platform/ratelimit/rate-limiter.ts';
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

/** What a sign-in knows of its request besides who asks. */
export interface LoginContext extends RequestContext {
  userAgent: string | null;
  /** The session cookie the browser sent, if one: that session ends (no session fixation). */
  previousSessionToken?: string;
}

/** The sign-in failure limits of one attempt: per IP (over every name) and per claimed name. */
function failureLimits(config: Config, context: LoginContext, username: string): Limit[] {
  const windowSeconds = config.loginFailureWindowMinutes * 60;
  return [
    { bucket: `login-ip:${context.ip ?? '-'}`, max: config.loginFailuresPerIp, windowSeconds },
    { bucket: `login-name:${username.toLowerCase()}`, max: config.loginFailuresPerName, windowSeconds },
  ].filter((limit) => limit.max > 0);
}

/**
 * Signs a user in. Failures are counted per IP and per name (past the limits every attempt is a
 * 429 before the password is even checked) and wrong passwords count towards the account's lock;
 * every attempt, good or bad, is audited. Unknown users cost the same time as known ones.
 * The session is always new: a session the browser brought along ends.
 */
export async function login(
  db: Kysely<DB>,
  config: Config,
  limiter: RateLimiter,
  context: LoginContext,
  username: string,
  password: string,
): Promise<NewSession> {
  const attempt = { ...context, claimedName: username };
  const limits = failureLimits(config, context, username);
  const throttled = await limiter.exceeded(limits);
  if (throttled) {
    await recordAudit(db, attempt, {
      action: 'auth.login',
      outcome: 'denied',
      detail: { reason: 'rate_limited' },
    });
    throw new AppError(429, 'auth.too_many_attempts', { seconds: throttled.retryAfterSeconds });
  }
  const failed = () =>
    limiter.addNow(
      limits.map((limit) => limit.bucket),
      config.loginFailureWindowMinutes * 60,
    );
  const user = await findLoginUser(db, username);
  if (!user) {
    await verifyAgainstDummy(password);
    await failed();
    await recordAudit(db, attempt, {
      action: 'auth.login',
      outcome: 'failure',
      detail: { reason: 'unknown_user' },
    });
    throw new AppError(401, 'auth.invalid_credentials');
  }
  const target = { targetType: 'user', targetId: user.id, departmentId: user.departmentId };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await failed();
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
    await failed();
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
    if (context.previousSessionToken) await deleteSession(trx, tokenDigest(context.previousSessionToken));
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
