// Test helpers for the pools: a published resource about people (keyed by citizen ID number),
// files written to disk in the encodings and formats departments send, and calls of the routes.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { login, makeCitizenId, type TestSession } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { publishResources } from '../catalog/catalog.factories.ts';
import type { ResourceInput } from '../catalog/catalog.schemas.ts';

/** Items of a household register extract: ID number key, name, birth date, height, a flag. */
export const personItems: ResourceInput['items'] = [
  {
    name: '公民身份号码',
    fieldName: 'sfzh',
    dataType: 'C',
    length: 18,
    sensitivity: 'personal',
    isKey: true,
  },
  { name: '姓名', fieldName: 'xm', dataType: 'C', length: 50, sensitivity: 'personal', required: true },
  { name: '出生日期', fieldName: 'csrq', dataType: 'D', sensitivity: 'personal' },
  { name: '身高', fieldName: 'sg', dataType: 'N', length: 5, scale: 2, sensitivity: 'general' },
  { name: '是否户主', fieldName: 'sfhz', dataType: 'L', sensitivity: 'general' },
];

/** The household register extract as a catalog resource: shared on conditions, not open. */
export const personResource = {
  name: '户籍人口基本信息',
  items: personItems,
  shareType: 'conditional',
  shareCondition: '仅限办理户籍相关业务',
  shareBasis: '《中华人民共和国户口登记条例》',
  openType: 'none',
  openMethods: [],
  openBasis: '涉及个人信息，依法不予开放',
  securityLevel: 'important',
} satisfies Partial<ResourceInput> & { name: string };

/** The police department's published person resource, its table made at publish time. */
export async function publishPersonResource(t: TestApp, items = personItems) {
  const [resource] = await publishResources(t, [{ ...personResource, items }]);
  return resource!;
}

/** Writes a temporary file; returns its path. */
export async function writeTemp(name: string, content: Buffer | string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zs-pool-test-'));
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

/** People rows with valid ID numbers. */
export function people(count: number, start = 0) {
  return Array.from({ length: count }, (_, i) => ({
    sfzh: makeCitizenId(
      `1980${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`,
      '500103',
    ),
    xm: `测试人员${start + i}`,
    csrq: '1980-01-01',
    sg: '170.50',
    sfhz: i % 2 === 0 ? '是' : '否',
  }));
}

/** A CSV of rows with the items' Chinese names as header. */
export function csvOf(
  rows: Record<string, string>[],
  header = ['公民身份号码', '姓名', '出生日期', '身高', '是否户主'],
) {
  const fields = ['sfzh', 'xm', 'csrq', 'sg', 'sfhz'];
  return (
    [header.join(','), ...rows.map((row) => fields.map((f) => row[f] ?? '').join(','))].join('\r\n') + '\r\n'
  );
}

/** An XLSX of rows (first sheet), header in Chinese. */
export async function xlsxOf(rows: Record<string, unknown>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('数据');
  sheet.addRow(['公民身份号码', '姓名', '出生日期', '身高', '是否户主']);
  for (const row of rows) sheet.addRow([row.sfzh, row.xm, row.csrq, row.sg, row.sfhz]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Signs in the police officer (the provider) and the market officer (another department). */
export async function poolSessions(
  t: TestApp,
): Promise<{ police: TestSession; market: TestSession; authority: TestSession }> {
  const [police, market, authority] = await Promise.all([
    login(t.app, 'police.officer', 'Test-password-1'),
    login(t.app, 'market.officer', 'Test-password-1'),
    login(t.app, 'authority', 'Test-password-1'),
  ]);
  return { police, market, authority };
}

/** Uploads a body as a batch and waits for its end. */
export function upload(
  t: TestApp,
  session: TestSession,
  resourceId: string,
  body: Buffer | string,
  query = 'wait=true',
  type = 'text/csv',
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/pools/tables/${resourceId}/batches?${query}`,
    headers: { ...session.write, 'content-type': type },
    payload: body,
  });
}
