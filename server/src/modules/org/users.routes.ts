import { Type } from 'typebox';
import { Page, pageWindow } from '../../platform/http/pagination.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { CreateUserBody, IdParams, UpdateUserBody, User, UserQuery } from './org.schemas.ts';
import {
  changeUser,
  createUser,
  listUsersInScope,
  readUser,
  resetPassword,
  unlock,
} from './users.service.ts';

const tags = ['org'];

/** Accounts of platform users (people; applications use API keys). */
export async function userRoutes(app: AppInstance) {
  const { database, authenticator } = app.platform;
  const db = database.db;

  app.get(
    '/users',
    {
      config: { permission: 'org.user.manage' },
      schema: { tags, summary: 'List users', querystring: UserQuery, response: { 200: Page(User) } },
    },
    async (request) => {
      const window = pageWindow(request.query);
      const result = await listUsersInScope(db, request.ctx, { ...request.query, ...window });
      return { ...result, page: window.page, pageSize: window.pageSize };
    },
  );

  app.get(
    '/users/:id',
    {
      config: { permission: 'org.user.manage' },
      schema: { tags, summary: 'One user', params: IdParams, response: { 200: User } },
    },
    async (request) => readUser(db, request.ctx, request.params.id),
  );

  app.post(
    '/users',
    {
      config: { permission: 'org.user.manage' },
      schema: {
        tags,
        summary: 'Create a user (a generated password is returned once)',
        body: CreateUserBody,
        response: { 201: Type.Object({ user: User, initialPassword: Type.Optional(Type.String()) }) },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, request.ctx, request.body)),
  );

  app.patch(
    '/users/:id',
    {
      config: { permission: 'org.user.manage' },
      schema: {
        tags,
        summary: 'Change a user',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User },
      },
    },
    async (request) => changeUser(db, authenticator, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { permission: 'org.user.manage' },
      schema: {
        tags,
        summary: 'Reset a password to a new random one (returned once); unlocks and signs the user out',
        params: IdParams,
        response: { 200: Type.Object({ password: Type.String() }) },
      },
    },
    async (request) => ({ password: await resetPassword(db, authenticator, request.ctx, request.params.id) }),
  );

  app.post(
    '/users/:id/unlock',
    {
      config: { permission: 'org.user.manage' },
      schema: { tags, summary: 'Lift a sign-in lock', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await unlock(db, request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
