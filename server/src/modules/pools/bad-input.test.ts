// Hostile and broken files: each gets a clear refusal, and the pool stays exactly as it was.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { csvOf, people, poolSessions, publishPersonResource, upload } from './pools.fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let resourceId: string;
let police: TestSession;

beforeAll(async () => {
  t = await createTestApp({
    config: { poolUploadLimitBytes: 64 * 1024, poolXlsxUnpackedLimitBytes: 2 * 1024 * 1024 },
  });
  ({ id: resourceId } = await publishPersonResource(t));
  ({ police } = await poolSessions(t));
  expect((await upload(t, police, resourceId, csvOf(people(3)))).statusCode).toBe(201);
});
afterAll(() => t.close());

const rows = async () =>
  (
    await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}/rows?pageSize=100`, headers: police.read })
  ).json();

describe('bad files change nothing', () => {
  it('refuses a file over the upload limit with 413', async () => {
    const before = await rows();
    const response = await upload(t, police, resourceId, csvOf(people(2000)));
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('pool.upload.too_large');
    expect(await rows()).toEqual(before);
  });

  it('refuses GBK bytes read as the UTF-8 the caller chose, naming the encoding', async () => {
    const gbk = Buffer.concat([Buffer.from(csvOf([]), 'utf8'), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x0a])]);
    const response = await upload(t, police, resourceId, gbk, 'wait=true&encoding=utf-8');
    // The content check reads the first block before a batch starts.
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('upload.content.encoding');
    expect(response.json().detail).toContain('utf-8');
  });

  it('refuses a file that is not an XLSX, and an XLSX that unpacks past the limit (a zip bomb)', async () => {
    const fake = await upload(
      t,
      police,
      resourceId,
      Buffer.from('not a zip at all'),
      'wait=true&format=xlsx',
      XLSX,
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('upload.content.not_xlsx');

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('数据');
    sheet.addRow(['公民身份号码', '姓名']);
    // Three megabytes of one letter pack to a few kilobytes.
    sheet.addRow([people(1)[0]!.sfzh, 'a'.repeat(3 * 1024 * 1024)]);
    const bomb = Buffer.from(await book.xlsx.writeBuffer());
    expect(bomb.length).toBeLessThan(64 * 1024);
    const before = await rows();
    const response = await upload(t, police, resourceId, bomb, 'wait=true', XLSX);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('catalog.import.unpacked_too_large');
    expect(await rows()).toEqual(before);
  });

  it('keeps quotes, commas and line breaks inside quoted CSV fields', async () => {
    const [person] = people(1, 900);
    const csv = `公民身份号码,姓名\r\n${person!.sfzh},"张""三"",\r\n第二行"\r\n`;
    const response = await upload(t, police, resourceId, csv);
    expect(response.statusCode, response.body).toBe(201);
    const current = await rows();
    expect(current.items[0].xm).toBe('张"三",\r\n第二行');
  });

  it('refuses an empty body and an unknown format', async () => {
    expect((await upload(t, police, resourceId, '')).statusCode).toBe(400);
    const unknown = await upload(t, police, resourceId, 'x', 'wait=true', 'application/octet-stream');
    expect(unknown.statusCode).toBe(415);
    expect(unknown.json().code).toBe('pool.upload.format');
  });

  it('refuses a push to a table of another department, and a resource that has no table', async () => {
    const market = (await poolSessions(t)).market;
    const push = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/tables/${resourceId}/records`,
      headers: market.write,
      payload: { records: people(1) },
    });
    expect(push.statusCode).toBe(403);
    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/tables/00000000-0000-4000-8000-000000000000/records`,
      headers: police.write,
      payload: { records: people(1) },
    });
    expect(missing.statusCode).toBe(404);
  });
});
