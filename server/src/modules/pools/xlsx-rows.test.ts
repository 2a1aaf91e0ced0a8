import { describe, expect, it } from 'vitest';
import { readSharedStrings, readSheetRows, XlsxPartError, type XlsxRow } from './xlsx-rows.ts';

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A part's bytes in chunks of `size`, so values and multi-byte characters fall across chunk ends. */
async function* chunks(xml: string, size = 7): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(xml, 'utf8');
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function rowsOf(sheet: string, shared: string[] = []): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of readSheetRows(
    chunks(`<worksheet ${MAIN}><sheetData>${sheet}</sheetData></worksheet>`),
    shared,
  ))
    rows.push(row);
  return rows;
}

describe('reading an XLSX sheet from its XML', () => {
  it('reads shared strings as Excel and WPS write them: plain, rich text runs, without phonetic guides', async () => {
    const strings = await readSharedStrings(
      chunks(
        `<sst ${MAIN} count="4"><si><t>渝中区</t></si><si><r><t>解放</t></r><r><rPr><b/></rPr><t xml:space="preserve">碑 </t></r></si>` +
          `<si><t>重庆</t><rPh sb="0" eb="2"><t>チョンチン</t></rPh></si><si><t>A &amp; B &lt;1&gt; &#x4E2D;</t></si></sst>`,
      ),
    );
    expect(strings).toEqual(['渝中区', '解放碑 ', '重庆', 'A & B <1> 中']);
  });

  it('gives each cell its value by type, in its column, and rows their numbers', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>身高</t></is></c><c r="C1" t="b"><v>1</v></c></row>' +
        '<row r="3"><c r="A3"><v>180.25</v></c><c r="C3" t="str"><v>文本</v></c><c r="E3"><v>45000</v></c></row>' +
        '<row><c t="d"><v>2024-03-01T00:00:00Z</v></c><c/><c t="b"><v>0</v></c></row>',
      ['姓名'],
    );
    expect(rows).toEqual([
      { number: 1, cells: ['姓名', '身高', true] },
      // A gap (D3) is an empty cell; a date cell stays Excel's serial number (values.ts reads it).
      { number: 3, cells: [180.25, null, '文本', null, 45000] },
      { number: 4, cells: [new Date('2024-03-01T00:00:00Z'), null, false] },
    ]);
  });

  it('names formula cells and error values, so the loader can refuse them where they are', async () => {
    const rows = await rowsOf(
      '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="e"><v>#DIV/0!</v></c><c r="C2" t="s"><v>9</v></c></row>',
    );
    expect(rows[0]!.cells).toEqual([{ formula: true }, { error: '#DIV/0!' }, null]);
  });

  it('reads a sheet whose elements carry a namespace prefix', async () => {
    const rows: XlsxRow[] = [];
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>编码</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    for await (const row of readSheetRows(chunks(xml), [])) rows.push(row);
    expect(rows).toEqual([{ number: 1, cells: [null, '编码'] }]);
  });

  it('refuses a part that is not well-formed, or a cell past the last column', async () => {
    await expect(rowsOf('<row r="1"><c r="A1"><v>1</v></row>')).rejects.toBeInstanceOf(XlsxPartError);
    await expect(rowsOf('<row r="1"><c r="ZZZZ1"><v>1</v></c></row>')).rejects.toBeInstanceOf(XlsxPartError);
    await expect(readSharedStrings(chunks('<sst><si><t>x</si></sst>'))).rejects.toBeInstanceOf(XlsxPartError);
  });
});
