// Writes the catalog list workbook with exceljs's streaming writer: instructions, the two data
// sheets (empty for the template, filled for an export) with dropdowns on every list column, and
// the code table the dropdowns draw from. Rows go out as they are written, so an export of
// thousands of resources needs little memory.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import type { ClassRef } from '../catalog.schemas.ts';
import { MAX_ITEM_ROWS, MAX_RESOURCE_ROWS } from './import-parse.ts';

/** Empty rows below the data that still get dropdowns: room to add resources and items. */
const SPARE_RESOURCE_ROWS = 1_000;
const SPARE_ITEM_ROWS = 5_000;
import {
  CODE_TABLE,
  columnLetter,
  classLabel,
  SHEETS,
  valueLists,
  type Column,
  type ListValue,
} from './layout.ts';
import { ITEM_COLUMNS, RESOURCE_COLUMNS } from './columns.ts';

/** Upload size limit of an import, in MB (also stated in the instructions). */
export const IMPORT_LIMIT_MB = 20;

/** A data row to write: cell values by column key. */
export type CellValues = Record<string, string | number | undefined>;

/** What fills the data sheets: nothing (template) or rows in batches (export). */
export interface WorkbookRows {
  resources(): AsyncIterable<CellValues[]>;
  items(): AsyncIterable<CellValues[]>;
}

/** exceljs's worksheets keep data validations by range, but its typings leave the property out. */
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

const FILL_REQUIRED = 'FFFCE4D6';
const FILL_OPTIONAL = 'FFE7E6E6';
const GREY_TEXT = 'FF7F7F7F';

function articleSuffix(article: string | null | undefined) {
  return article ? `（${article}）` : '';
}

/** The text notes and examples that depend on the profile. */
function profileTexts(profile: Profile, lists: Record<string, ListValue[]>) {
  const typeNames = (kind: 'share' | 'open') => {
    const wanted = profile.catalog.legalBasis[kind].types as string[];
    return lists[kind === 'share' ? 'shareType' : 'openType']!.filter((v) => wanted.includes(v.code)).map(
      (v) => v.zh,
    );
  };
  const basisRule = (kind: 'share' | 'open') => {
    const names = typeNames(kind);
    if (names.length === 0) return '选填';
    return `${names.join('、')}时必填：法律、行政法规或国务院政策依据${articleSuffix(profile.catalog.legalBasis[kind].article)}`;
  };
  return {
    codeExample: profile.catalog.resourceCode.example,
    shareBasisRule: basisRule('share'),
    openBasisRule: basisRule('open'),
    shareTypes: typeNames('share'),
    openTypes: typeNames('open'),
  };
}

const fill = (text: string, values: Record<string, unknown>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

function writeInstructions(sheet: ExcelJS.Worksheet, profile: Profile, lists: Record<string, ListValue[]>) {
  const texts = profileTexts(profile, lists);
  const { resourceCode, baseResourcesUnconditionallyShared: base, legalBasis } = profile.catalog;
  sheet.columns = [12, 16, 24, 8, 44, 40, 28].map((width) => ({ width }));
  const title = sheet.addRow([`政务信息资源目录清单导入模板（${profile.name['zh-CN']}）`]);
  title.font = { bold: true, size: 14 };
  title.commit();
  const rules = [
    '「资源目录」每行一个资源，「信息项」每行一个信息项；第 1 行为表头，请勿修改表头和工作表名称。',
    `资源代码：新资源可留空，导入时按分类自动赋码；格式如 ${resourceCode.example}${articleSuffix(resourceCode.article)}。填写已有资源的代码则更新该资源（保存为草稿，待提交审核）。`,
    '信息项用“资源代码”对应资源；新资源尚无代码时填写“资源名称”（须与「资源目录」中的名称一致且唯一）。',
    texts.shareTypes.length > 0
      ? `共享类型为${texts.shareTypes.join('、')}的，必须在“共享依据”中注明法律、行政法规或国务院政策依据${articleSuffix(legalBasis.share.article)}。`
      : '',
    texts.openTypes.length > 0
      ? `开放类型为${texts.openTypes.join('、')}的，必须在“开放依据”中注明法律、行政法规或国务院政策依据${articleSuffix(legalBasis.open.article)}。`
      : '',
    base.required ? `基础信息资源（分类代码以 1 开头）应当无条件共享${articleSuffix(base.article)}。` : '',
    '带下拉列表的列请从列表中选择，可选值见「代码表」；可多选的列用“；”或“,”分隔多个值。',
    `不要使用公式和合并单元格。每个文件最多 ${MAX_RESOURCE_ROWS.toLocaleString('en')} 个资源、${MAX_ITEM_ROWS.toLocaleString('en')} 个信息项，不超过 ${IMPORT_LIMIT_MB} MB。`,
    '导入时逐格检查：只要有一处错误，整个文件都不导入，并列出每处错误所在的工作表、行号和列名。',
  ].filter(Boolean);
  rules.forEach((rule, index) => sheet.addRow([`${index + 1}.`, rule]).commit());
  sheet.addRow([]).commit();
  const header = sheet.addRow(['工作表', '列名', 'Column', '必填', '填写说明', '可选值', '示例']);
  header.font = { bold: true };
  header.commit();
  const describe = (sheetName: string, column: Column) => {
    const allowed = column.list ? lists[column.list]!.map((v) => v.zh).join('、') : '';
    const row = sheet.addRow([
      sheetName,
      column.header,
      column.en,
      column.required ? '是' : '',
      fill(column.note, texts),
      column.kind === 'class' ? '见「代码表」' : allowed,
      fill(column.example, texts),
    ]);
    row.getCell(7).font = { color: { argb: GREY_TEXT }, italic: true };
    row.commit();
  };
  RESOURCE_COLUMNS.forEach((column) => describe(SHEETS.resources, column));
  ITEM_COLUMNS.forEach((column) => describe(SHEETS.items, column));
  sheet.commit();
}

/** Writes the code table and returns, per list, the range a dropdown refers to. */
function codeTableRanges(lists: Record<string, ListValue[]>, classes: ClassRef[]) {
  const columns = CODE_TABLE.map((entry) =>
    entry.list === 'class' ? classes.map(classLabel) : lists[entry.list]!.map((v) => v.zh),
  );
  const ranges = new Map<string, string>();
  CODE_TABLE.forEach((entry, index) => {
    const letter = columnLetter(index + 1);
    const last = Math.max(2, columns[index]!.length + 1);
    ranges.set(entry.list, `'${SHEETS.codes}'!$${letter}$2:$${letter}$${last}`);
  });
  return { columns, ranges };
}

async function writeDataSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  layout: readonly Column[],
  spare: number,
  ranges: Map<string, string>,
  batches: AsyncIterable<CellValues[]> | undefined,
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = layout.map((column) => ({ width: column.width }));
  const header = sheet.addRow(layout.map((column) => column.header));
  header.font = { bold: true };
  layout.forEach((column, index) => {
    header.getCell(index + 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: column.required ? FILL_REQUIRED : FILL_OPTIONAL },
    };
  });
  header.commit();
  let written = 0;
  if (batches) {
    for await (const batch of batches) {
      for (const values of batch) sheet.addRow(layout.map((column) => values[column.key] ?? null)).commit();
      written += batch.length;
    }
  }
  // The writer puts validations after the rows, so their ranges can cover what was written plus
  // room to add more. Ranges stay short: some readers expand them into one entry per cell.
  const lastRow = written + spare + 1;
  layout.forEach((column, index) => {
    const range = ranges.get(column.kind === 'class' ? 'class' : (column.list ?? ''));
    if (!range) return;
    const letter = columnLetter(index + 1);
    // Several values in one cell cannot pass a list check, so those columns only warn.
    const strict = column.kind === 'list' || column.kind === 'boolean';
    (sheet as unknown as WithValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: strict,
      errorStyle: 'stop',
      errorTitle: column.header,
      error: '请从下拉列表中选择',
      showInputMessage: !strict,
      promptTitle: column.header,
      prompt: column.kind === 'class' ? '选择或填写分类代码' : '可多选，用“；”分隔',
    });
  });
  sheet.commit();
}

/**
 * Writes the whole workbook to `target`: 填写说明, 资源目录, 信息项, 代码表. With `rows` the data
 * sheets are filled (an export); without, they hold only their headers (the blank template).
 */
export async function writeCatalogWorkbook(
  target: Writable | { filename: string },
  profile: Profile,
  classes: ClassRef[],
  rows?: WorkbookRows,
): Promise<void> {
  const lists = valueLists(profile) as Record<string, ListValue[]>;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...('filename' in target ? { filename: target.filename } : { stream: target }),
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Zhengshu';
  // Only classifications below the top level can hold resources.
  const { columns, ranges } = codeTableRanges(
    lists,
    classes.filter((cls) => cls.path.length >= 2),
  );
  writeInstructions(workbook.addWorksheet(SHEETS.instructions), profile, lists);
  await writeDataSheet(
    workbook,
    SHEETS.resources,
    RESOURCE_COLUMNS,
    SPARE_RESOURCE_ROWS,
    ranges,
    rows?.resources(),
  );
  await writeDataSheet(workbook, SHEETS.items, ITEM_COLUMNS, SPARE_ITEM_ROWS, ranges, rows?.items());
  const codes = workbook.addWorksheet(SHEETS.codes);
  codes.columns = CODE_TABLE.map((entry) => ({ width: entry.list === 'class' ? 28 : 22 }));
  const header = codes.addRow(CODE_TABLE.map((entry) => entry.title));
  header.font = { bold: true };
  header.commit();
  const height = Math.max(...columns.map((values) => values.length));
  for (let index = 0; index < height; index += 1)
    codes.addRow(columns.map((values) => values[index] ?? null)).commit();
  codes.commit();
  await workbook.commit();
}
