// Test helpers for the catalog: valid resource inputs, and resources published through the real
// API (create → submit → approve → publish), so that other modules' tests start from a catalog.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { createWorld, login, type TestSession } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import type { ResourceInput } from './catalog.schemas.ts';
import { decideReviews } from '../security/reviews/reviews.factories.ts';

/** The id of a classification node by its code (the migration seeds 1–3, 101–105, 201–212). */
export async function classIdOf(db: Kysely<DB>, code: string): Promise<string> {
  const row = await db
    .selectFrom('catalog_classes')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A valid, unconditionally shared and open resource; override what a test is about. */
export function resourceInput(classId: string, overrides: Partial<ResourceInput> = {}): ResourceInput {
  return {
    classId,
    name: '公交线路信息',
    abstract: '全市公交线路的线路名称、起讫站点、首末班时间和票价，按月更新，供出行服务和交通规划使用。',
    keywords: ['公交', '线路', '出行'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      { name: '线路编号', fieldName: 'xlbh', dataType: 'C', length: 20, sensitivity: 'general', isKey: true },
      {
        name: '线路名称',
        fieldName: 'xlmc',
        dataType: 'C',
        length: 100,
        sensitivity: 'general',
        description: '如 轨道交通2号线',
      },
      { name: '票价', fieldName: 'pj', dataType: 'N', length: 6, scale: 2, sensitivity: 'general' },
    ],
    shareType: 'unconditional',
    shareMethods: ['api', 'file'],
    openType: 'unconditional',
    openMethods: ['download', 'api'],
    securityLevel: 'general',
    updateCycle: 'monthly',
    contactName: '市交通运输委数据处',
    contactPhone: '023-63201234',
    ...overrides,
  };
}

/** Signs in the world's police officer and the city authority (default test passwords). */
export async function catalogSessions(
  t: TestApp,
  officerName = 'police.officer',
): Promise<{ officer: TestSession; authority: TestSession }> {
  const exists = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'authority')
    .executeTakeFirst();
  if (!exists) await createWorld(t.database.db);
  const [officer, authority] = await Promise.all([
    login(t.app, officerName, 'Test-password-1'),
    login(t.app, 'authority', 'Test-password-1'),
  ]);
  return { officer, authority };
}

async function call(t: TestApp, session: TestSession, method: 'POST' | 'PUT', url: string, payload: unknown) {
  const response = await t.app.inject({ method, url, headers: session.write, payload: payload as object });
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/**
 * Publishes resources of the police department (from `createWorld`, made if missing; or of the
 * department of `officerName`) as one new catalog version through the real routes; each input is
 * merged over `resourceInput`. The secrecy reviews the publication opens are then passed by the
 * department's security officer through the real route (`review: false` leaves them waiting).
 * Returns the resources' ids and codes in the order given.
 */
export async function publishResources(
  t: TestApp,
  inputs: (Partial<ResourceInput> & { name: string; classCode?: string })[],
  officerName = 'police.officer',
  options: { review?: boolean } = {},
): Promise<{ id: string; code: string }[]> {
  const { officer, authority } = await catalogSessions(t, officerName);
  const created: { id: string; code: string }[] = [];
  for (const { classCode, ...input } of inputs) {
    const classId = await classIdOf(t.database.db, classCode ?? '201');
    const body = resourceInput(classId, input);
    created.push(await call(t, officer, 'POST', '/api/v1/catalog/resources', body));
  }
  const submission = await call(t, officer, 'POST', '/api/v1/catalog/submissions', {
    resourceIds: created.map((r) => r.id),
  });
  await call(t, authority, 'POST', `/api/v1/catalog/submissions/${submission.id}/decisions`, {
    decisions: submission.entries.map((entry: { id: string }) => ({
      entryId: entry.id,
      decision: 'approved',
    })),
  });
  await call(t, authority, 'POST', '/api/v1/catalog/versions', {});
  if (options.review ?? true)
    await decideReviews(
      t,
      created.map((r) => r.id),
      'passed',
    );
  return created.map(({ id, code }) => ({ id, code }));
}
