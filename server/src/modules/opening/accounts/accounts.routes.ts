import { IdParams } from '../../org/org.schemas.ts';
import { Page, PageQuery, pageWindow } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import {
  CreatedKey,
  CreateKeyBody,
  OpenMe,
  PersonalKey,
  RegisterBody,
  Registered,
} from './accounts.schemas.ts';
import { describeAccount, register } from './accounts.service.ts';
import { verifierFromConfig } from './identity-verifier.ts';
import { createKey, listKeys, revokeKey } from './keys.service.ts';

const tags = ['open accounts'];

/**
 * Public users of the open-data portal: registration with identity authentication, the account
 * page and personal API keys. Signing in is the ordinary POST /auth/login.
 */
export async function openAccountRoutes(app: AppInstance) {
  const { database, config, keyring, rateLimiter, authenticator } = app.platform;
  const db = database.db;
  const registration = { config, keyring, rateLimiter, verifier: verifierFromConfig(config) };

  app.post(
    '/open/accounts',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary:
          'Register as a public user: a natural person (real name, citizen ID) or an organisation (credit code); the identity is authenticated before the account exists',
        body: RegisterBody,
        response: { 201: Registered },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await register(db, registration, request.ctx, request.body)),
  );

  app.get(
    '/open/me',
    {
      config: { permission: 'open.key.manage' },
      schema: {
        tags,
        summary: 'The signed-in public user: identity (masked) and how it was authenticated',
        response: { 200: OpenMe },
      },
    },
    async (request) => describeAccount(db, request.ctx),
  );

  app.get(
    '/open/me/keys',
    {
      config: { permission: 'open.key.manage' },
      schema: {
        tags,
        summary: 'Your personal API keys (never the keys themselves)',
        querystring: PageQuery,
        response: { 200: Page(PersonalKey) },
      },
    },
    async (request) => {
      const window = pageWindow(request.query);
      const result = await listKeys(db, request.ctx, window);
      return { ...result, page: window.page, pageSize: window.pageSize };
    },
  );

  app.post(
    '/open/me/keys',
    {
      config: { permission: 'open.key.manage' },
      schema: {
        tags,
        summary: 'Create a personal API key for the open-data API (the key is shown once)',
        body: CreateKeyBody,
        response: { 201: CreatedKey },
      },
    },
    async (request, reply) => reply.status(201).send(await createKey(db, config, request.ctx, request.body)),
  );

  app.post(
    '/open/me/keys/:id/revoke',
    {
      config: { permission: 'open.key.manage' },
      schema: {
        tags,
        summary: 'Revoke one of your personal API keys; it stops working at once',
        params: IdParams,
        response: { 200: PersonalKey },
      },
    },
    async (request) => revokeKey(db, authenticator, request.ctx, request.params.id),
  );
}
