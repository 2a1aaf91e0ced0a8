import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { loadConfig } from '../server/src/config.ts';
import { exportDepartmentList } from '../server/src/modules/catalog/xlsx/export.ts';
import { listClasses } from '../server/src/modules/catalog/catalog.repository.ts';
import { buildImport } from '../server/src/modules/catalog/xlsx/import-build.ts';
import { readWorkbook } from '../server/src/modules/catalog/xlsx/import-parse.ts';
import { importCatalogList } from '../server/src/modules/catalog/xlsx/import.ts';
import { ITEM_COLUMNS, RESOURCE_COLUMNS } from '../server/src/modules/catalog/xlsx/columns.ts';
import { SHEETS } from '../server/src/modules/catalog/xlsx/layout.ts';
import type { RequestContext } from '../server/src/platform/policy/actor.ts';
import { loadProfile } from '../server/src/platform/profiles/profiles.ts';
import { createWorld } from '../server/src/test/factories.ts';
import { openTestDatabase } from '../server/src/test/test-database.ts';
import type { Measurement } from './common.ts';

const RESOURCES = 5_000;
const ITEMS_PER_RESOURCE = 10;
const MEMORY_GOAL_MB = 256;
const CHILD = 'ZS_BENCH_CATALOG_IMPORT';

const THEMES = ['201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212'];
const TYPES = ['字符型', '数值型', '整型', '日期型', '日期时间型', '备注型'];

/** The resource row of number `n`: a third conditionally shared (with condition and basis). */
function resourceRow(n: number): Record<string, string | number> {
  const conditional = n % 3 === 0;
  return {
    资源名称: `第${n}号业务数据资源`,
    分类代码: THEMES[n % THEMES.length]!,
    资源摘要: `第${n}号业务在办理过程中形成的登记、审批和监管信息，按日更新，供相关部门共享使用。`,
    关键词: `业务${n % 50}；登记；审批`,
    资源格式类型: '数据库',
    文件格式: 'CSV,JSON',
    共享类型: conditional ? '有条件共享' : '无条件共享',
    共享条件: conditional ? '仅限办理相关业务时使用' : '',
    共享方式: '共享平台方式（接口）',
    共享依据: conditional ? '《政务数据资源共享管理办法》第十条' : '',
    开放类型: n % 2 === 0 ? '无条件开放' : '不予开放',
    开放方式: n % 2 === 0 ? '下载数据' : '',
    开放依据: n % 2 === 0 ? '' : '涉及个人信息，依《个人信息保护法》不予开放',
    安全级别: '一般数据',
    更新周期: '每日',
    联系人: '数据管理处',
    联系电话: '023-63200000',
    时间范围起: '2015-01-01',
  };
}

function itemRow(n: number, position: number): Record<string, string | number> {
  const type = TYPES[position % TYPES.length]!;
  return {
    资源名称: `第${n}号业务数据资源`,
    序号: position + 1,
    信息项名称: `信息项${position + 1}`,
    字段名: `field_${position + 1}`,
    数据类型: type,
    数据长度: type === '字符型' || type === '数值型' ? 64 : '',
    描述: `第${position + 1}个信息项的说明`,
    敏感程度: position === 0 ? '个人信息' : '一般',
    是否主键: position === 0 ? '是' : '否',
  };
}

/** Writes the bench workbook with exceljs's streaming writer, shared strings on (as Excel saves). */
async function generate(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const write = (name: string, headers: string[], rows: () => Iterable<Record<string, string | number>>) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(headers).commit();
    for (const values of rows()) sheet.addRow(headers.map((h) => values[h] ?? null)).commit();
    sheet.commit();
  };
  write(
    SHEETS.resources,
    RESOURCE_COLUMNS.map((c) => c.header),
    function* () {
      for (let n = 1; n <= RESOURCES; n++) yield resourceRow(n);
    },
  );
  write(
    SHEETS.items,
    ITEM_COLUMNS.map((c) => c.header),
    function* () {
      for (let n = 1; n <= RESOURCES; n++)
        for (let position = 0; position < ITEMS_PER_RESOURCE; position++) yield itemRow(n, position);
    },
  );
  await workbook.commit();
}

const mb = (bytes: number) => bytes / 1024 / 1024;

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * Runs `work` and reports what it added to the process's memory, in MB: the growth of the resident
 * set (the kernel's high-water mark when the work raised it, else samples every 10 ms, since an
 * embedded PGlite may have set a higher mark while migrating) and of the JS heap (samples).
 */
async function measured<T>(work: () => Promise<T>) {
  // Start from live memory only: the garbage of setting up (migrations, seeding) is collected first.
  collectGarbage();
  const markBefore = process.resourceUsage().maxRSS;
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  };
  const timer = setInterval(sample, 10);
  const started = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - started;
    sample();
    const mark = process.resourceUsage().maxRSS * 1024;
    const peakRss = Math.max(rss, mark > markBefore * 1024 ? mark : 0);
    return {
      result,
      ms,
      rssBefore: mb(before.rss),
      peakMb: mb(peakRss),
      rssGrowthMb: mb(peakRss - before.rss),
      heapGrowthMb: mb(heap - before.heapUsed),
    };
  } finally {
    clearInterval(timer);
  }
}

/** Child, mode `read`: exceljs's streaming reader alone walks every cell of the file. */
async function childRead(file: string) {
  const { result: cells, ...figures } = await measured(async () => {
    let count = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
    for await (const sheet of reader) {
      for await (const row of sheet) count += row.cellCount;
    }
    return count;
  });
  return { ...figures, cells };
}

/**
 * Child, mode `import`: the import on a fresh database (the service path the route calls); then,
 * for the split, reading and checking the file again without saving, and an export of the result.
 */
async function childImport(file: string) {
  const database = await openTestDatabase();
  try {
    const world = await createWorld(database.db);
    const profile = loadProfile(loadConfig({}).profileId);
    const officer = world.users.policeOfficer.user;
    const context: RequestContext = {
      actor: {
        type: 'user',
        id: officer.id,
        name: officer.username,
        displayName: officer.display_name,
        role: 'department_officer',
        departmentId: world.police.id,
        regionId: world.city.id,
        regionScope: [world.city.id],
        locale: 'zh-CN',
        identityVerified: false,
      },
      requestId: 'bench',
      ip: null,
    };
    const imported = await measured(() =>
      importCatalogList(database.db, context, profile, world.police.id, file),
    );
    const classes = await listClasses(database.db);
    const checkStarted = performance.now();
    const built = buildImport(await readWorkbook(file), profile, classes);
    const checkMs = performance.now() - checkStarted;
    if (built.problems.length > 0)
      throw new Error(`bench file has problems: ${JSON.stringify(built.problems[0])}`);
    const exported = await measured(() =>
      exportDepartmentList(database.db, context, profile, world.police.id),
    );
    fs.rmSync(path.dirname(exported.result.file), { recursive: true, force: true });
    return {
      ms: imported.ms,
      rssBefore: imported.rssBefore,
      peakMb: imported.peakMb,
      rssGrowthMb: imported.rssGrowthMb,
      heapGrowthMb: imported.heapGrowthMb,
      created: imported.result.created,
      checkMs,
      exportMs: exported.ms,
      exportMb: Math.max(exported.rssGrowthMb, exported.heapGrowthMb),
    };
  } finally {
    await database.close();
  }
}

function runChild<T>(mode: 'read' | 'import', file: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)],
      {
        env: { ...process.env, [CHILD]: JSON.stringify({ mode, file }) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0) resolve(JSON.parse(last) as T);
      else reject(new Error(`catalog-import child (${mode}) exited with ${code}: ${out}`));
    });
  });
}

/**
 * Import of a 5,000-resource catalog list (10 items each) through the import's service path, in a
 * child process of its own so its peak RSS is its own; beside it, the time exceljs's streaming
 * reader takes merely to read the same file (the ratio shows what checking and saving add).
 */
export async function benchCatalogImport(): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-bench-xlsx-'));
  const file = path.join(dir, 'catalog-5000.xlsx');
  try {
    await generate(file);
    const size = mb(fs.statSync(file).size);
    type Figures = {
      ms: number;
      rssBefore: number;
      peakMb: number;
      rssGrowthMb: number;
      heapGrowthMb: number;
    };
    const read = await runChild<Figures & { cells: number }>('read', file);
    const imported = await runChild<
      Figures & { created: number; checkMs: number; exportMs: number; exportMb: number }
    >('import', file);
    if (imported.created !== RESOURCES) throw new Error(`imported ${imported.created} of ${RESOURCES}`);
    // The import's own memory: the larger of the resident set's and the JS heap's growth. With the
    // embedded PGlite the resident set also holds the database and memory it freed after migrating,
    // so there the heap's growth is the telling figure.
    const importMb = Math.max(imported.rssGrowthMb, imported.heapGrowthMb);
    const pglite = process.env.DATABASE_URL ? '' : ' (process holds the embedded PGlite)';
    return [
      {
        name: 'import 5,000-resource .xlsx',
        value: imported.ms,
        unit: 'ms',
        note: `${RESOURCES.toLocaleString('en')} resources × ${ITEMS_PER_RESOURCE} items, ${size.toFixed(1)} MB file`,
      },
      {
        name: 'of which reading + checking every cell',
        value: imported.checkMs,
        unit: 'ms',
        note: 'the rest is importDrafts (one transaction)',
      },
      {
        name: 'baseline: exceljs streaming read alone',
        value: read.ms,
        unit: 'ms',
        note: `${read.cells.toLocaleString('en')} cells`,
      },
      { name: 'baseline read time / import time', value: read.ms / imported.ms, unit: 'ratio' },
      {
        name: 'import peak memory',
        value: importMb,
        unit: 'MB',
        note: `RSS +${Math.round(imported.rssGrowthMb)} MB, JS heap +${Math.round(imported.heapGrowthMb)} MB; process ${Math.round(imported.rssBefore)} → ${Math.round(imported.peakMb)} MB RSS${pglite}`,
      },
      {
        name: `memory headroom (${MEMORY_GOAL_MB} MB / import peak)`,
        value: MEMORY_GOAL_MB / importMb,
        unit: 'ratio',
        goal: { min: 1 },
      },
      {
        name: 'baseline read peak memory',
        value: Math.max(read.rssGrowthMb, read.heapGrowthMb),
        unit: 'MB',
        note: `RSS +${Math.round(read.rssGrowthMb)} MB, JS heap +${Math.round(read.heapGrowthMb)} MB`,
      },
      {
        name: 'export of the 5,000 resources',
        value: imported.exportMs,
        unit: 'ms',
        note: `peak memory ${Math.round(imported.exportMb)} MB (measured as for the import)`,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// In the child process: do one measurement and print it as the last line of stdout.
const job = process.env[CHILD];
if (job) {
  const { mode, file } = JSON.parse(job) as { mode: 'read' | 'import'; file: string };
  const result = mode === 'read' ? await childRead(file) : await childImport(file);
  console.log(JSON.stringify(result));
  // Let pending clean-ups finish (exceljs removes the sheets it parked in temporary files
  // asynchronously); exit anyway after a second if something keeps the process alive.
  setTimeout(() => process.exit(0), 1_000).unref();
}
