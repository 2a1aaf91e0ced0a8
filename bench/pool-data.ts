// Generated population-register rows for the pool benches: valid citizen ID numbers (GB 11643 check
// digits), names, dates, addresses; written as CSV that both our loader and `psql \copy` read.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { ResourceInput } from '../server/src/modules/catalog/catalog.schemas.ts';
import { citizenIdCheckChar } from '../server/src/platform/identifiers/citizen-id.ts';

/** The bench resource's items: a household register extract keyed by the ID number. */
export const BENCH_ITEMS: ResourceInput['items'] = [
  {
    name: '公民身份号码',
    fieldName: 'sfzh',
    dataType: 'C',
    length: 18,
    sensitivity: 'personal',
    isKey: true,
  },
  { name: '姓名', fieldName: 'xm', dataType: 'C', length: 50, sensitivity: 'personal', required: true },
  { name: '性别', fieldName: 'xb', dataType: 'C', length: 2, sensitivity: 'personal' },
  { name: '出生日期', fieldName: 'csrq', dataType: 'D', sensitivity: 'personal' },
  { name: '住址', fieldName: 'zz', dataType: 'C', length: 200, sensitivity: 'personal' },
  { name: '联系电话', fieldName: 'lxdh', dataType: 'C', length: 20, sensitivity: 'personal' },
  { name: '身高', fieldName: 'sg', dataType: 'N', length: 5, scale: 2, sensitivity: 'general' },
  { name: '是否户主', fieldName: 'sfhz', dataType: 'L', sensitivity: 'general' },
  { name: '登记时间', fieldName: 'djsj', dataType: 'T', sensitivity: 'general' },
];

/** The CSV header: field names, which our loader and `\copy … (columns)` both take. */
export const BENCH_FIELDS = BENCH_ITEMS.map((item) => item.fieldName);

const REGIONS = ['500101', '500102', '500103', '500104', '500105', '500106', '500107', '500108'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏';
const STREETS = ['解放碑街道', '上清寺街道', '观音岩街道', '两路口街道', '菜园坝街道', '朝天门街道'];
const DAY_MS = 86_400_000;
const FIRST_BIRTH = Date.UTC(1940, 0, 1);
const BIRTH_DAYS = 24_000;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The row of number `i` (unique ID numbers up to 8 × 24,000 × 1,000 rows), as CSV cells. */
export function benchRow(i: number): string[] {
  const sequence = i % 1000;
  const day = Math.floor(i / 1000) % BIRTH_DAYS;
  const region = REGIONS[Math.floor(i / 1000 / BIRTH_DAYS) % REGIONS.length]!;
  const birth = new Date(FIRST_BIRTH + day * DAY_MS).toISOString().slice(0, 10);
  const first17 = `${region}${birth.replaceAll('-', '')}${pad(sequence, 3)}`;
  const name =
    SURNAMES[i % SURNAMES.length]! +
    GIVEN[(i >> 3) % GIVEN.length]! +
    (i % 3 ? GIVEN[(i >> 5) % GIVEN.length]! : '');
  return [
    first17 + citizenIdCheckChar(first17)!,
    name,
    sequence % 2 === 1 ? '男' : '女',
    birth,
    `重庆市渝中区${STREETS[i % STREETS.length]!}${(i % 300) + 1}号${(i % 30) + 1}-${(i % 6) + 1}`,
    `13${pad((i * 7919) % 1_000_000_000, 9)}`,
    `${150 + (i % 45)}.${pad(i % 100, 2)}`,
    i % 4 === 0 ? 'true' : 'false',
    `20${pad(10 + (i % 15), 2)}-${pad((i % 12) + 1, 2)}-${pad((i % 28) + 1, 2)} ${pad(i % 24, 2)}:${pad(i % 60, 2)}:00`,
  ];
}

/** Writes a CSV of generated rows: `rows` of them, or until the file reaches `bytes`. Returns the row count. */
export async function writeBenchCsv(file: string, limit: { rows?: number; bytes?: number }): Promise<number> {
  const out = fs.createWriteStream(file, { highWaterMark: 1024 * 1024 });
  let written = 0;
  let rows = 0;
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', resolve));
  await write(`${BENCH_FIELDS.join(',')}\n`);
  let chunk = '';
  while (
    (limit.rows === undefined || rows < limit.rows) &&
    (limit.bytes === undefined || written < limit.bytes)
  ) {
    const line = `${benchRow(rows).join(',')}\n`;
    chunk += line;
    written += Buffer.byteLength(line);
    rows += 1;
    if (chunk.length > 256 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return rows;
}

/** Writes the same rows as an XLSX (first sheet; shared strings, as Excel saves). */
export async function writeBenchXlsx(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('数据');
  sheet.addRow(BENCH_FIELDS).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(benchRow(i)).commit();
  sheet.commit();
  await workbook.commit();
}
