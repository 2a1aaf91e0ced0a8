// The SQL of every rule gives what its Node side gives, value for value, on the engine of the run
// (PGlite, or PostgreSQL with DATABASE_URL): the extraction may mask in either place.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { planMasking, type MaskColumn } from './plan.ts';
import type { ItemType, MaskRule } from './rules.ts';
import { pseudonymKey } from './values.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await sql`CREATE TABLE masking_probe (t text, n numeric(10, 2), i bigint, d date, ts timestamptz)`.execute(
    database.db,
  );
  const texts = [
    '500103198001011234',
    '50010319800101123x',
    '500103800101123',
    '5001031980',
    '张三',
    '欧阳娜娜',
    '欧阳',
    '李',
    '买买提·艾力',
    '',
    '13812341234',
    '023-6388888',
    '6222 0212 3456 7890',
    '重庆市渝中区解放碑街道100号3-1',
    '四川省成都市简阳市石桥镇',
    '新疆维吾尔自治区乌鲁木齐市天山区',
    '重庆市解放碑街道100号小区',
    '解放碑100号',
    "申请人500103198001011234，电话138 1234 5678，单位91500000MA5U123456。O'Brien",
    '订单号12345678901234567890',
  ];
  for (const [index, t] of texts.entries()) {
    await sql`INSERT INTO masking_probe VALUES (${t}, ${index * 7.25 - 20}, ${index * 9 - 30},
      ${`19${String(50 + index)}-0${(index % 9) + 1}-15`}, ${new Date(Date.UTC(2024, index % 12, 1, 17))})`.execute(
      database.db,
    );
  }
  await sql`INSERT INTO masking_probe VALUES (NULL, NULL, NULL, NULL, NULL)`.execute(database.db);
});
afterAll(() => database.close());

const cases: { column: string; type: ItemType; rules: MaskRule[] }[] = [
  {
    column: 't',
    type: 'C',
    rules: [
      { kind: 'citizen_id' },
      { kind: 'citizen_id', keepStart: 3, keepEnd: 1, maskChar: '#', onMismatch: 'null' },
      { kind: 'name' },
      { kind: 'mobile' },
      { kind: 'bank_card' },
      { kind: 'partial', keepStart: 2, keepEnd: 2 },
      { kind: 'address' },
      { kind: 'address', level: 'city', onMismatch: 'null' },
      { kind: 'address', level: 'province' },
      { kind: 'free_text' },
      { kind: 'free_text', targets: ['mobile'], maskChar: "'" },
      { kind: 'null' },
      { kind: 'none' },
    ],
  },
  {
    column: 'n',
    type: 'N',
    rules: [
      { kind: 'range', width: 10 },
      { kind: 'range', width: 2.5, origin: 1 },
      { kind: 'range', bounds: [0, 18.5, 60] },
    ],
  },
  {
    column: 'i',
    type: 'I',
    rules: [
      { kind: 'range', width: 10 },
      { kind: 'range', bounds: [-10, 0, 18, 60] },
    ],
  },
  { column: 'd', type: 'D', rules: [{ kind: 'date' }, { kind: 'date', precision: 'month' }] },
  { column: 'ts', type: 'T', rules: [{ kind: 'date' }, { kind: 'date', precision: 'month' }] },
];

describe('masking in SQL and in Node', () => {
  for (const { column, type, rules } of cases)
    for (const rule of rules)
      it(`${column} ${JSON.stringify(rule)}`, async () => {
        const columns: MaskColumn[] = [{ field: 'v', column, type, rule }];
        const inSql = planMasking(columns, { placement: 'sql' });
        const inNode = planMasking(columns, { placement: 'node' });
        expect(inSql.nodeSteps).toHaveLength(0);
        const read = async (list: string[]) =>
          (
            await sql
              .raw<Record<string, unknown>>(`SELECT ${list.join(', ')} FROM masking_probe ORDER BY ctid`)
              .execute(database.db)
          ).rows;
        const bySql = (await read(inSql.selectList)).map((row) => row.v);
        const byNode = (await read(inNode.selectList)).map((row) => inNode.finish(row).v);
        expect(bySql).toEqual(byNode);
        expect(bySql.at(-1)).toBeNull();
      });

  it('pseudonyms are made in Node on the stored value', async () => {
    const key = pseudonymKey(Buffer.from('secret'), 'grant');
    const plan = planMasking([{ field: 'v', column: 't', type: 'C', rule: { kind: 'pseudonym' } }], {
      pseudonymKey: key,
    });
    const rows = (
      await sql
        .raw<Record<string, unknown>>(`SELECT ${plan.selectList.join(', ')} FROM masking_probe`)
        .execute(database.db)
    ).rows.map((row) => plan.finish(row).v);
    expect(rows.filter((v) => typeof v === 'string' && /^[0-9a-f]{16}$/.test(v))).toHaveLength(
      rows.length - 1,
    );
  });
});
