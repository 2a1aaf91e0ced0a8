import { Type } from 'typebox';
import type { AppInstance } from '../../../platform/http/types.ts';
import { Day } from '../../sharing/sharing-views.ts';
import { openStatistics } from './statistics.service.ts';

const Count = Type.Integer({ minimum: 0 });
const Use = { downloads: Count, apiCalls: Count };

/** The statistics of one period. */
export const OpenStatistics = Type.Object({
  scope: Type.Union([Type.Literal('department'), Type.Literal('region')]),
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  totals: Type.Object({ datasets: Count, ...Use, rows: Count, users: Count }),
  daily: Type.Array(Type.Object({ day: Type.String(), ...Use, rows: Count })),
  datasets: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      department: Type.String(),
      openType: Type.String(),
      ...Use,
      rows: Count,
      users: Count,
    }),
  ),
  departments: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), datasets: Count, ...Use })),
  applications: Type.Record(Type.String(), Count),
  agreements: Type.Record(Type.String(), Count),
});

/** Open-data statistics for providers (their datasets) and the authority (its region). */
export async function statisticsRoutes(app: AppInstance) {
  const db = app.platform.database.db;
  app.get(
    '/open/statistics',
    {
      config: { permission: 'open.statistics.read' },
      schema: {
        tags: ['opening'],
        summary:
          "Use of open data over a period (default the last 30 days): the own department's datasets, or the region's for the authority and auditors",
        querystring: Type.Object(
          { from: Type.Optional(Day), to: Type.Optional(Day) },
          { additionalProperties: false },
        ),
        response: { 200: OpenStatistics },
      },
    },
    async (request) => openStatistics(db, request.ctx.actor!, request.query),
  );
}
