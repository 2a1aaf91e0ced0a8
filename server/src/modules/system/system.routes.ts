import { Type } from 'typebox';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors/app-error.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { sendProblem } from '../../platform/http/problem.ts';
import './system.messages.ts';

/** Liveness, readiness and the OpenAPI document. */
export async function systemRoutes(app: AppInstance) {
  app.get(
    '/health',
    {
      config: { permission: 'public', rateLimit: false },
      schema: {
        tags: ['system'],
        summary: 'Liveness',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      config: { permission: 'public', rateLimit: false },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers',
        response: { 200: Type.Object({ status: Type.Literal('ready'), engine: Type.String() }) },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(app.platform.database.db);
        return { status: 'ready' as const, engine: app.platform.database.engine };
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        return sendProblem(request, reply, new AppError(503, 'system.database_unreachable'));
      }
    },
  );

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
