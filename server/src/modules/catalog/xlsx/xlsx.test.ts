import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createWorld, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { Resource } from '../catalog.schemas.ts';
import { ITEM_COLUMNS, RESOURCE_COLUMNS } from './columns.ts';
import { XLSX_TYPE } from './layout.ts';
import {
  errorsOf,
  household,
  householdItems,
  load,
  parking,
  parkingItems,
  save,
  setRow,
  templateUrl,
  xlsxClient,
  type Problem,
} from './xlsx.fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let officer: TestSession;
let market: TestSession;
let authority: TestSession;
let auditor: TestSession;
let citizen: TestSession;
let x: ReturnType<typeof xlsxClient>;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  officer = await login(t.app, 'police.officer', world.users.policeOfficer.password);
  market = await login(t.app, 'market.officer', world.users.marketOfficer.password);
  authority = await login(t.app, 'authority', world.users.authorityOfficer.password);
  auditor = await login(t.app, 'auditor', world.users.auditor.password);
  const publicUser = await createUser(t.database.db, { role: 'public_user', username: 'citizen' });
  citizen = await login(t.app, 'citizen', publicUser.password);
  x = xlsxClient(t, world.police.id, officer);
});
afterAll(() => t.close());

const countResources = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('catalog_resources')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the template', () => {
  it('has the instructions with the profile’s articles, both data sheets and dropdowns from the code table', async () => {
    const response = await x.get(officer, templateUrl);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_TYPE);
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const workbook = await load(response.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['填写说明', '资源目录', '信息项', '代码表']);
    const header = (name: string) => (workbook.getWorksheet(name)!.getRow(1).values as string[]).slice(1);
    expect(header('资源目录')).toEqual(RESOURCE_COLUMNS.map((c) => c.header));
    expect(header('信息项')).toEqual(ITEM_COLUMNS.map((c) => c.header));
    expect(workbook.getWorksheet('资源目录')!.rowCount).toBe(1);

    const instructions: string[] = [];
    workbook
      .getWorksheet('填写说明')!
      .eachRow((row) => instructions.push((row.values as string[]).join(' ')));
    const text = instructions.join('\n');
    expect(text).toContain('有条件共享、不予共享');
    expect(text).toContain('CQ19 §25');
    expect(text).toContain('CQ19 §31');
    expect(text).toContain('101001/000001');

    const shareType = workbook.getWorksheet('资源目录')!.getCell('H2').dataValidation;
    expect(shareType.type).toBe('list');
    expect(shareType.formulae[0]).toBe("'代码表'!$D$2:$D$4");
    const codes = workbook.getWorksheet('代码表')!;
    expect([2, 3, 4].map((row) => codes.getCell(row, 4).value)).toEqual([
      '无条件共享',
      '有条件共享',
      '不予共享',
    ]);
    expect(codes.getCell(2, 1).value).toBe('101 人口信息');
  });

  it('is refused to a public user', async () => {
    expect((await x.get(citizen, templateUrl)).statusCode).toBe(403);
  });
});

describe('importing a filled-in template', () => {
  it('creates every resource with its items, code assigned or as given, and audits the import', async () => {
    const workbook = await x.filled([household, parking], [...householdItems, ...parkingItems]);
    const response = await x.upload(officer, await save(workbook));
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      created: number;
      updated: number;
      resources: { id: string; code: string }[];
    };
    expect(body).toMatchObject({ created: 2, updated: 0 });
    expect(body.resources[0]!.code).toMatch(/^101\/\d{6}$/);
    expect(body.resources[1]!.code).toBe('201/000777');

    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/catalog/resources/${body.resources[0]!.id}`,
      headers: officer.read,
    });
    const draft = (read.json() as Resource).draft!;
    expect(draft).toMatchObject({
      name: '户籍人口信息',
      keywords: ['户籍', '人口'],
      formats: ['CSV', 'XLSX'],
      shareType: 'unconditional',
      shareMethods: ['api', 'database'],
      openType: 'none',
      securityLevel: 'important',
      securitySubLevel: 'important-2',
      category: 'personal',
      updateCycle: 'daily',
      temporalStart: '2000-01-01',
    });
    // 序号 orders the items, whatever the order of the rows; a blank 信息项分级 inherits.
    expect(draft.items.map((i) => [i.fieldName, i.isKey, i.required, i.category, i.securityLevel])).toEqual([
      ['gmsfhm', true, true, 'personal', 'important'],
      ['xm', false, true, null, null],
    ]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'catalog.import')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps long Chinese text intact, whatever chunks the file is read in', async () => {
    // Hundreds of kilobytes of three-byte characters: chunk boundaries surely fall inside some.
    const text = (n: number) =>
      Array.from({ length: 2_000 }, (_, j) =>
        String.fromCharCode(0x4e00 + ((n * 7_919 + j * 104_729) % 20_000)),
      ).join('');
    const resources = Array.from({ length: 60 }, (_, n) => ({
      ...household,
      资源名称: `长文本资源${n}`,
      资源摘要: text(n),
    }));
    const items = resources.map((r) => ({ ...householdItems[1]!, 资源名称: r.资源名称 }));
    const response = await x.upload(officer, await save(await x.filled(resources, items)));
    expect(response.statusCode).toBe(200);
    const saved = await t.database.db
      .selectFrom('catalog_revisions')
      .select(['name', 'abstract'])
      .where('name', 'like', '长文本资源%')
      .execute();
    expect(saved).toHaveLength(60);
    for (const row of saved) expect(row.abstract).toBe(text(Number(row.name.slice(5))));
  });

  it('names bad classification cells: unknown category, a sub-level of another level, an item graded below its resource', async () => {
    const before = await countResources();
    const workbook = await x.filled(
      [
        { ...household, 资源名称: '分级错误一', 数据分类: '机密类' },
        { ...household, 资源名称: '分级错误二', 安全级别子级: '一般1级' },
      ],
      [
        { ...householdItems[0]!, 资源名称: '分级错误一', 信息项分级: '核心' },
        { ...householdItems[1]!, 资源名称: '分级错误二', 信息项分级: '一般数据' },
      ],
    );
    const response = await x.upload(officer, await save(workbook));
    expect(response.statusCode).toBe(422);
    const errors = errorsOf(response.json() as Problem);
    expect(errors['/资源目录/2/数据分类']).toContain('机密类');
    expect(errors['/信息项/2/信息项分级']).toContain('核心');
    expect(errors['/资源目录/3/安全级别子级']).toContain('“重要数据”的子级');
    expect(errors['/信息项/3/信息项分级']).toContain('不得低于资源的安全级别');
    expect(await countResources()).toBe(before);
  });

  it('reads a file made before the classification columns, leaving them blank', async () => {
    const workbook = await x.filled(
      [{ ...household, 资源名称: '旧模板资源' }],
      [{ ...householdItems[1]!, 资源名称: '旧模板资源' }],
    );
    for (const [name, header] of [
      ['资源目录', '数据分类'],
      ['资源目录', '安全级别子级'],
      ['信息项', '信息项分类'],
      ['信息项', '信息项分级'],
    ] as const) {
      const sheet = workbook.getWorksheet(name)!;
      const column = (sheet.getRow(1).values as string[]).indexOf(header);
      sheet.spliceColumns(column, 1);
    }
    const response = await x.upload(officer, await save(workbook));
    expect(response.statusCode).toBe(200);
    const { id } = (response.json() as { resources: { id: string }[] }).resources[0]!;
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/catalog/resources/${id}`,
      headers: officer.read,
    });
    const draft = (read.json() as Resource).draft!;
    expect([draft.category, draft.securitySubLevel, draft.items[0]!.securityLevel]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('names all three bad cells of two sheets by sheet, row and column, and saves nothing', async () => {
    const before = await countResources();
    const workbook = await x.filled(
      [
        {
          ...household,
          资源名称: '不动产登记信息',
          分类代码: '209',
          共享类型: '有条件共享',
          共享条件: '仅限登记业务',
        },
        { ...household, 资源名称: '婚姻登记信息', 分类代码: '202', 更新周期: '每两天' },
      ],
      [
        {
          资源名称: '不动产登记信息',
          信息项名称: '不动产单元号',
          字段名: 'bdcdyh',
          数据类型: '字符型',
          数据长度: 28,
          敏感程度: '一般',
        },
        {
          资源名称: '婚姻登记信息',
          信息项名称: '结婚证扫描件',
          字段名: 'jhzsmj',
          数据类型: '通用型',
          敏感程度: '个人信息',
        },
      ],
    );
    const response = await x.upload(officer, await save(workbook));
    expect(response.statusCode).toBe(422);
    const body = response.json() as Problem;
    expect(body.code).toBe('catalog.import.invalid');
    expect(Object.keys(errorsOf(body))).toEqual([
      '/资源目录/2/共享依据',
      '/资源目录/3/更新周期',
      '/信息项/3/数据类型',
    ]);
    expect(errorsOf(body)['/资源目录/2/共享依据']).toContain(
      '有条件共享必须注明法律、行政法规或国务院政策依据（CQ19 §25）',
    );
    expect(errorsOf(body)['/资源目录/3/更新周期']).toContain('“每两天”不是可选值');
    expect(errorsOf(body)['/信息项/3/数据类型']).toContain('通用型');
    expect(await countResources()).toBe(before);
  });

  it('ties items to their resource by code or else by name, and says when it cannot', async () => {
    const workbook = await x.filled(
      [household, { ...household, 资源摘要: '同名的第二个资源' }],
      [
        { ...householdItems[0]!, 资源名称: undefined, 资源代码: '209/999999' },
        householdItems[1]!,
        { ...householdItems[1]!, 资源名称: undefined },
      ],
    );
    const response = await x.upload(officer, await save(workbook), world.police.id);
    expect(response.statusCode).toBe(422);
    const errors = errorsOf(response.json() as Problem);
    expect(errors['/信息项/2/资源代码']).toBe('「资源目录」中没有资源代码为 209/999999 的资源');
    expect(errors['/信息项/3/资源名称']).toBe('「资源目录」中有多个名为“户籍人口信息”的资源，请填写资源代码');
    expect(errors['/信息项/4/资源代码']).toBe('请填写资源代码或资源名称，以对应「资源目录」中的资源');
    expect(errors['/资源目录/2/资源名称']).toBe('该资源在「信息项」工作表中没有信息项');
  });

  it('lists at most 500 bad cells and counts the rest, in the caller’s language', async () => {
    const workbook = await x.blankTemplate();
    const sheet = workbook.getWorksheet('资源目录')!;
    for (let row = 2; row <= 201; row += 1) setRow(sheet, row, { 资源名称: `资源${row}`, 更新周期: '偶尔' });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/resources/import?departmentId=${world.police.id}`,
      headers: { ...officer.write, 'content-type': XLSX_TYPE, 'accept-language': 'en' },
      payload: await save(workbook),
    });
    expect(response.statusCode).toBe(422);
    const body = response.json() as Problem & { detail: string };
    expect(body.errors).toHaveLength(501);
    expect(body.errors![0]).toEqual({
      path: '/资源目录/2/资源名称',
      message: 'This resource has no rows in the 信息项 sheet',
    });
    const total = Number(/has (\d+) mistakes/.exec(body.detail)![1]);
    expect(body.errors![500]).toEqual({ path: '/', message: `${total - 500} more mistakes are not listed` });
  });

  it('refuses formulas and merged ranges, naming the cell and the range', async () => {
    const withFormula = await x.filled([household], householdItems);
    withFormula.getWorksheet('资源目录')!.getCell('D2').value = { formula: 'B2&"的摘要"', result: 'x' };
    const formula = await x.upload(officer, await save(withFormula));
    expect(formula.statusCode).toBe(400);
    expect(formula.json()).toMatchObject({
      code: 'catalog.import.formulas',
      errors: [{ path: '/资源目录/2/资源摘要', message: '单元格 D2 含有公式' }],
    });

    const withMerge = await x.filled([household], householdItems);
    withMerge.getWorksheet('信息项')!.mergeCells('D3:E3');
    const merged = await x.upload(officer, await save(withMerge));
    expect(merged.statusCode).toBe(400);
    expect(merged.json()).toMatchObject({
      code: 'catalog.import.merged',
      errors: [{ path: '/信息项/3', message: '合并单元格 D3:E3' }],
    });
  });

  it('refuses files that are not the workbook it expects, with a clear 4xx and never a 500', async () => {
    const before = await countResources();
    const text = await x.upload(officer, Buffer.from('资源名称,分类代码\n户籍人口信息,101\n'));
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'upload.content.not_xlsx' });

    const real = await save(await x.filled([household], householdItems));
    const truncated = await x.upload(officer, real.subarray(0, Math.floor(real.length / 2)));
    expect(truncated.statusCode).toBe(400);

    const plain = await x.upload(officer, 'hello', world.police.id, 'text/plain');
    expect(plain.statusCode).toBe(415);

    const empty = await x.upload(officer, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);

    const noSheet = new ExcelJS.Workbook();
    noSheet.addWorksheet('Sheet1').getCell('A1').value = '资源名称';
    const missing = await x.upload(officer, await save(noSheet));
    expect(missing.json()).toMatchObject({ code: 'catalog.import.sheet_missing' });
    expect((missing.json() as Problem & { detail: string }).detail).toContain('资源目录');

    const renamed = await x.blankTemplate();
    renamed.getWorksheet('资源目录')!.getCell('K1').value = '法律依据';
    const headers = await x.upload(officer, await save(renamed));
    expect(headers.statusCode).toBe(400);
    expect(errorsOf(headers.json() as Problem)).toEqual({ '/资源目录/1/共享依据': '缺少列「共享依据」' });

    const blank = await x.upload(officer, await x.templateBytes());
    expect(blank.json()).toMatchObject({ code: 'catalog.import.empty' });
    expect(await countResources()).toBe(before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await x.upload(officer, Buffer.alloc(21 * 1024 * 1024, 1));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'catalog.import.too_large' });
    // Sent in chunks without a length, the body is cut off while it streams to disk.
    const chunked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/resources/import?departmentId=${world.police.id}`,
      headers: { ...officer.write, 'content-type': XLSX_TYPE },
      payload: Readable.from(Array.from({ length: 21 }, () => Buffer.alloc(1024 * 1024, 1))),
    });
    expect(chunked.statusCode).toBe(413);
  });

  it('refuses too many rows, saying the limit', async () => {
    const workbook = await x.blankTemplate();
    const sheet = workbook.getWorksheet('资源目录')!;
    for (let row = 2; row <= 20_002; row += 1) sheet.getCell(row, 2).value = `资源${row}`;
    const response = await x.upload(officer, await save(workbook));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'catalog.import.too_many_rows' });
    expect((response.json() as { detail: string }).detail).toContain('20000');
  });

  it('lets only compilers of the department import', async () => {
    const file = await save(await x.filled([household], householdItems));
    expect((await x.upload(citizen, file)).statusCode).toBe(403);
    expect((await x.upload(auditor, file)).statusCode).toBe(403);
    const other = await x.upload(market, file);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'policy.out_of_department_scope' });
    const forDepartment = await x.upload(authority, file);
    expect(forDepartment.statusCode).toBe(200);
    expect(forDepartment.json()).toMatchObject({ created: 1, updated: 0 });
  });
});
