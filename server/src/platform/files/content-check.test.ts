// Uploads are judged by their bytes: a "CSV" that is a zip or an executable, a "workbook" that is
// text or a zip of something else, each refused with a bilingual 415/400 before a parser runs,
// on both upload routes (pool loads and the catalog import). Real files still load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { TestSession } from '../../test/factories.ts';
import {
  csvOf,
  people,
  poolSessions,
  publishPersonResource,
  upload,
  xlsxOf,
} from '../../modules/pools/pools.fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let resourceId: string;
let police: TestSession;

// Minimal file heads as the real formats start (with the NUL bytes they carry).
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
const PE = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]), Buffer.alloc(50)]);

beforeAll(async () => {
  t = await createTestApp();
  ({ id: resourceId } = await publishPersonResource(t));
  ({ police } = await poolSessions(t));
});
afterAll(() => t.close());

const batchCount = () => t.database.db.selectFrom('pool_batches').select('id').execute();

describe('pool loads', () => {
  it('refuses an XLSX, an ELF and a PE named CSV, before a batch is recorded', async () => {
    const before = (await batchCount()).length;
    const zip = await xlsxOf(people(1));
    const asCsv = await upload(t, police, resourceId, zip, 'wait=true&fileName=people.csv');
    expect(asCsv.statusCode).toBe(415);
    expect(asCsv.json()).toMatchObject({ code: 'upload.content.archive' });
    expect(asCsv.json().detail).toContain('压缩包');
    const elf = await upload(
      t,
      police,
      resourceId,
      ELF,
      'wait=true&format=jsonl',
      'application/octet-stream',
    );
    expect(elf.statusCode).toBe(415);
    expect(elf.json()).toMatchObject({ code: 'upload.content.executable' });
    const pe = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/tables/${resourceId}/batches?wait=true`,
      headers: { ...police.write, 'content-type': 'text/csv', 'accept-language': 'en' },
      payload: PE,
    });
    expect(pe.statusCode).toBe(415);
    expect(pe.json().detail).toBe(
      'The file is an executable (Windows PE (MZ)), not a CSV file; it was refused',
    );
    const nul = await upload(t, police, resourceId, Buffer.from('公民身份号码,姓名\n\0\0\0\n'));
    expect(nul.json()).toMatchObject({ status: 415, code: 'upload.content.binary' });
    expect((await batchCount()).length).toBe(before);
  });

  it('refuses an "XLSX" that is text, or a zip without a workbook; loads the real ones', async () => {
    const text = await upload(t, police, resourceId, csvOf(people(1)), 'wait=true', XLSX);
    expect(text.json()).toMatchObject({ status: 415, code: 'upload.content.not_xlsx' });
    const real = await upload(t, police, resourceId, await xlsxOf(people(2)), 'wait=true', XLSX);
    expect(real.statusCode, real.body).toBe(201);
    const csv = await upload(t, police, resourceId, csvOf(people(2, 10)));
    expect(csv.statusCode, csv.body).toBe(201);
  });
});

describe('catalog import', () => {
  it('refuses an executable and a plain zip offered as the workbook', async () => {
    for (const [body, code] of [
      [PE, 'upload.content.not_xlsx'],
      [Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]), 'upload.content.not_xlsx'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/catalog/resources/import',
        headers: { ...police.write, 'content-type': 'application/octet-stream' },
        payload: body,
      });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ code });
    }
  });
});
