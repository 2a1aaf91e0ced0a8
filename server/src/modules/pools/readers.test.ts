import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.ts';
import { openCsv, type SourceRow } from './readers.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-readers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
function fileOf(content: string | Buffer): string {
  const file = path.join(dir, `f${++files}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

async function readAll(file: string): Promise<{ header: string[]; rows: SourceRow[] }> {
  const source = await openCsv(file);
  const rows: SourceRow[] = [];
  for await (const row of source.rows) rows.push(row);
  source.close();
  return { header: source.header, rows };
}

describe('CSV reader', () => {
  it('reads CRLF files without a stray carriage return in the last column', async () => {
    const { header, rows } = await readAll(fileOf('代码,名称\r\n1,甲\r\n2,乙\r\n'));
    expect(header).toEqual(['代码', '名称']);
    expect(rows).toEqual([
      { row: 2, cells: ['1', '甲'] },
      { row: 3, cells: ['2', '乙'] },
    ]);
  });

  it('keeps a quoted field with line breaks whole where it straddles two chunks of the file', async () => {
    // The reader takes the file in 256 KiB chunks; the quoted field starts just before the cut.
    const filler = Array.from({ length: 20_000 }, (_, i) => `${i},名称${i}`).join('\n');
    const before = `代码,名称\n${filler}\n`;
    const padding = 256 * 1024 - Buffer.byteLength(before) - 3;
    const content = `${before}${'x'.repeat(Math.max(0, padding))},"第一行\n第二行，""引号""\n第三行"\nlast,行\n`;
    const { rows } = await readAll(fileOf(content));
    expect(rows).toHaveLength(20_002);
    const straddling = rows[20_000] as { row: number; cells: string[] };
    expect(straddling.cells[1]).toBe('第一行\n第二行，"引号"\n第三行');
    expect(rows[20_001]).toEqual({ row: 20_003, cells: ['last', '行'] });
  });

  it('names the row of an unclosed quote', async () => {
    const error = await readAll(fileOf('代码,名称\n1,甲\n2,"乙\n3,丙\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'pool.ingest.csv_syntax', params: { row: 3 } });
  });

  it('reports ragged rows and skips blank lines, counting them as a spreadsheet would', async () => {
    const { rows } = await readAll(fileOf('a;b;c\n1;2;3\n\n4;5\n'));
    expect(rows).toEqual([
      { row: 2, cells: ['1', '2', '3'] },
      { row: 4, problem: { code: 'pool.ingest.ragged', params: { expected: 3, found: 2 } } },
    ]);
  });

  it('reads GB18030 text in chunks', async () => {
    const text = `代码,名称\n${Array.from({ length: 50_000 }, (_, i) => `${i},张三${i}`).join('\n')}\n`;
    const { rows } = await readAll(fileOf(encodeGb18030(text)));
    expect(rows).toHaveLength(50_000);
    expect(rows[49_999]).toEqual({ row: 50_001, cells: ['49999', '张三49999'] });
  });
});

/** GB18030 bytes of text made of ASCII and 张三 only (Node has no GB18030 encoder). */
function encodeGb18030(text: string): Buffer {
  const codes: Record<string, number[]> = {
    张: [0xd5, 0xc5],
    三: [0xc8, 0xfd],
    代: [0xb4, 0xfa],
    码: [0xc2, 0xeb],
    名: [0xc3, 0xfb],
    称: [0xb3, 0xc6],
  };
  const bytes: number[] = [];
  for (const char of text) {
    const code = codes[char];
    if (code) bytes.push(...code);
    else bytes.push(char.charCodeAt(0));
  }
  return Buffer.from(bytes);
}
