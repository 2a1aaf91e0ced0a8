// Shared by the .xlsx tests: an HTTP client for the three routes, workbook helpers (exceljs's
// regular reader and writer, as a department's own tools would make files), and sample rows.
import ExcelJS from 'exceljs';
import type { TestSession } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { XLSX_TYPE } from './layout.ts';

/** A problem+json body as the tests read it. */
export type Problem = { code: string; detail?: string; errors?: { path: string; message: string }[] };
/** Cell values of a row, by column header. */
export type Values = Record<string, string | number | ExcelJS.CellValue>;

/** The route of the blank template. */
export const templateUrl = '/api/v1/catalog/template.xlsx';
/** The export route for a department. */
export const exportUrl = (departmentId: string) =>
  `/api/v1/catalog/resources.xlsx?departmentId=${departmentId}`;

/** Reads a workbook from bytes. */
export async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Writes a workbook to bytes. */
export const save = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

/** Fills cells of a row by column header (row 1 holds the headers). */
export function setRow(sheet: ExcelJS.Worksheet, row: number, values: Values) {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  for (const [header, value] of Object.entries(values)) {
    const column = headers.indexOf(header);
    if (column < 1) throw new Error(`no column ${header}`);
    sheet.getCell(row, column).value = value;
  }
}

/** The `errors` of a problem as path → message. */
export const errorsOf = (body: Problem) =>
  Object.fromEntries((body.errors ?? []).map((e) => [e.path, e.message]));

/**
 * Calls the routes of one app: imports go to `departmentId` unless told otherwise; the template is
 * downloaded once, by `session`.
 */
export function xlsxClient(t: TestApp, departmentId: string, session: TestSession) {
  let template: Buffer | undefined;
  const get = (caller: TestSession, url: string) =>
    t.app.inject({ method: 'GET', url, headers: caller.read });
  const upload = (caller: TestSession, body: Buffer | string, department = departmentId, type = XLSX_TYPE) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/resources/import?departmentId=${department}`,
      headers: { ...caller.write, 'content-type': type },
      payload: body,
    });
  const templateBytes = async () => (template ??= (await get(session, templateUrl)).rawPayload);
  /** The template as downloaded, as a fresh workbook to fill. */
  const blankTemplate = async () => load(await templateBytes());
  /** The template with these rows filled in (rows from 2 on). */
  async function filled(resources: Values[], items: Values[]) {
    const workbook = await blankTemplate();
    resources.forEach((values, index) => setRow(workbook.getWorksheet('资源目录')!, index + 2, values));
    items.forEach((values, index) => setRow(workbook.getWorksheet('信息项')!, index + 2, values));
    return workbook;
  }
  return { get, upload, templateBytes, blankTemplate, filled };
}

/** A base-class resource, not open, with its legal basis. */
export const household: Values = {
  资源名称: '户籍人口信息',
  分类代码: '101 人口信息',
  资源摘要: '本市户籍人口的姓名、公民身份号码、户籍地址等登记信息。',
  关键词: '户籍；人口',
  资源格式类型: '数据库',
  文件格式: 'CSV,XLSX',
  共享类型: '无条件共享',
  共享方式: '共享平台方式（接口）；共享平台方式（数据库）',
  开放类型: '不予开放',
  开放依据: '《中华人民共和国个人信息保护法》第二十八条',
  安全级别: '重要数据',
  安全级别子级: '重要2级',
  数据分类: '个人信息',
  更新周期: '每日',
  联系人: '张三',
  联系电话: '023-12345678',
  电子邮箱: 'huji@example.gov.cn',
  时间范围起: '2000-01-01',
};
/** Its items, tied by name, 序号 in reverse row order. */
export const householdItems: Values[] = [
  {
    资源名称: '户籍人口信息',
    序号: 2,
    信息项名称: '姓名',
    字段名: 'xm',
    数据类型: '字符型',
    数据长度: 50,
    敏感程度: '个人信息',
    是否必填: '是',
  },
  {
    资源名称: '户籍人口信息',
    序号: 1,
    信息项名称: '公民身份号码',
    字段名: 'gmsfhm',
    数据类型: '字符型',
    数据长度: 18,
    敏感程度: '个人信息',
    // A code is read as well as a name.
    信息项分类: 'personal',
    信息项分级: '重要数据',
    是否主键: '是',
  },
];
/** A conditionally shared theme resource with a code given. */
export const parking: Values = {
  资源代码: '201/000777',
  资源名称: '公共停车场信息',
  分类代码: 201,
  资源摘要: '全市公共停车场的位置、泊位数和收费标准。',
  资源格式类型: '电子表格',
  共享类型: '有条件共享',
  共享条件: '仅用于交通管理',
  共享方式: '共享平台方式（文件）',
  共享依据: '《重庆市停车场管理办法》第十条',
  开放类型: '无条件开放',
  开放方式: '下载数据',
  安全级别: '一般数据',
  更新周期: '其他',
  更新周期说明: '泊位变化时',
};
/** Its items, tied by code. */
export const parkingItems: Values[] = [
  {
    资源代码: '201/000777',
    信息项名称: '停车场名称',
    字段名: 'tccmc',
    数据类型: '字符型',
    数据长度: 100,
    敏感程度: '一般',
  },
  { 资源代码: '201/000777', 信息项名称: '泊位数', 字段名: 'bws', 数据类型: '整型', 敏感程度: '一般' },
];
