import { Type } from 'typebox';
import { SESSION_COOKIE } from '../../platform/auth/authenticator.ts';
import { tokenDigest } from '../../platform/auth/secrets.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { Actor } from '../../platform/policy/actor.ts';
import { permissionsOf } from '../../platform/policy/permissions.ts';
import { grantableRoles } from '../org/users.service.ts';
import { findMe } from './auth.repository.ts';
import { ChangePasswordBody, LoginBody, SessionInfo, type Me } from './auth.schemas.ts';
import { changePassword, login, logout, logoutEverywhere } from './auth.service.ts';

const tags = ['auth'];

/** Sign-in, sign-out, password change and "who am I". */
export async function authRoutes(app: AppInstance) {
  const { database, config, authenticator } = app.platform;
  const db = database.db;

  async function presentMe(actor: Actor): Promise<Me> {
    if (actor.type === 'application') {
      return {
        id: actor.id,
        type: 'application',
        username: actor.name,
        displayName: actor.displayName,
        role: actor.role,
        locale: actor.locale,
        departmentId: actor.departmentId,
        departmentName: null,
        regionId: actor.regionId,
        regionName: null,
        passwordChangedAt: null,
      };
    }
    const row = await findMe(db, actor.id);
    return {
      id: actor.id,
      type: 'user',
      username: row?.username ?? actor.name,
      displayName: row?.displayName ?? actor.displayName,
      role: actor.role,
      locale: row?.locale ?? actor.locale,
      departmentId: row?.departmentId ?? null,
      departmentName: row?.departmentName ?? null,
      regionId: row?.regionId ?? null,
      regionName: row?.regionName ?? null,
      passwordChangedAt: row?.passwordChangedAt ? new Date(row.passwordChangedAt).toISOString() : null,
    };
  }

  app.post(
    '/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Sign in with username and password',
        body: LoginBody,
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      const session = await login(
        db,
        config,
        app.platform.rateLimiter,
        {
          ...request.ctx,
          userAgent: request.headers['user-agent'] ?? null,
          previousSessionToken: request.cookies[SESSION_COOKIE],
        },
        request.body.username,
        request.body.password,
      );
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) authenticator.forgetSession(tokenDigest(previous));
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        expires: session.expiresAt,
      });
      const resolved = await authenticator.fromSessionToken(session.token);
      if (resolved.kind !== 'actor') throw new Error('a new session did not resolve');
      return {
        user: await presentMe(resolved.actor),
        csrfToken: session.csrfToken,
        permissions: permissionsOf(resolved.actor.role),
        grantableRoles: [...grantableRoles(resolved.actor)],
      };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'The signed-in user or application', response: { 200: SessionInfo } },
    },
    async (request) => {
      const actor = request.actor!;
      return {
        user: await presentMe(actor),
        csrfToken: actor.session?.csrfToken ?? null,
        permissions: permissionsOf(actor.role),
        grantableRoles: [...grantableRoles(actor)],
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'End this session', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await logout(db, authenticator, request.ctx, request.actor!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/logout-all',
    {
      config: { permission: 'self.manage' },
      schema: {
        tags,
        summary: 'End every session of the signed-in user, on every device',
        response: { 200: Type.Object({ endedSessions: Type.Integer() }) },
      },
    },
    async (request, reply) => {
      const endedSessions = await logoutEverywhere(db, authenticator, request.ctx, request.actor!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { endedSessions };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { permission: 'self.manage' },
      schema: {
        tags,
        summary: 'Change own password',
        body: ChangePasswordBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await changePassword(
        db,
        authenticator,
        request.ctx,
        request.actor!,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );
}
