// The department data pool pages in a real browser against the real server: the police officer
// opens 资源池 (数据汇聚), finds 人口基本信息 (the demo seed loaded it as version 1), loads a small valid
// CSV (citizen ID numbers with their GB 11643 check digits) and sees the batch end as version 2 and
// its rows in the 数据 tab; loads a file with bad rows and sees the report with row numbers and
// reasons, and downloads it; loads a third version, restores version 2 from 版本 (confirmed) and
// sees its rows current again, and
// looks at an earlier version and at the columns with their identifier check. The city authority
// then sees the table and its versions, but neither the rows nor a load or restore button.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath, type Browser } from './support/browser.ts';
import * as ui from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('pools');
let server: RunningServer;
let browser: Browser;
let page: Page;
beforeAll(() => {
  ({ server, browser, page } = fixture);
});

// The check character of GB 11643, as server/src/platform/identifiers/citizen-id.ts computes it.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
function citizenId(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return first17 + CHECK[sum % 11]!;
}
/** The same number with a wrong check character. */
const mischeck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

// Item names of 人口基本信息 (the header may use names or field names; a spreadsheet user writes names).
const HEADER = ['公民身份号码', '姓名', '性别', '出生日期', '户籍地行政区划', '户籍地址'];
const person = (sequence: number, name: string, birth: string) => [
  citizenId('500103', birth.replaceAll('-', ''), sequence),
  name,
  String((sequence % 2) + 1),
  birth,
  '500103',
  `重庆市渝中区解放碑街道${sequence}号`,
];
const csv = (rows: string[][]) => [HEADER, ...rows].map((row) => row.join(',')).join('\r\n') + '\r\n';

const FIRST = [
  person(101, '张明远', '1985-03-12'),
  person(102, '李秀英', '1990-07-08'),
  person(103, '王建国', '1978-11-30'),
];
const SECOND = [person(201, '赵晓燕', '1995-01-20'), person(202, '陈志强', '1988-09-15')];
const BAD = [
  person(301, '刘德华', '1980-02-02'),
  [mischeck(person(302, '周杰', '1982-04-04')[0]!), '周杰', '1', '1982-04-04', '500103', ''],
  [citizenId('500103', '19830505', 303), '', '2', '1983-05-05', '500103', ''],
];

const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
const rowsOf = (testId: string) => page.getByTestId(testId).locator('.ant-table-row');

/** Picks a file in the 导入 tab's drop zone and starts the load. */
async function load(name: string, content: string) {
  await page.locator('.ant-upload-drag input[type=file]').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(content, 'utf8'),
  });
  await page.locator('.ant-upload-list', { hasText: name }).waitFor();
  await page.getByTestId('load-start').click();
}

describe('data pools', () => {
  it('loads files as versions, reports bad rows and restores a version', async () => {
    await ui.signIn(page, server, 'police.officer');
    await ui.openMenu(page, '数据汇聚', '资源池', /\/console\/pools$/);
    await page.getByRole('heading', { name: '部门数据资源池' }).waitFor();

    // The list shows the department's tables; the filter finds one by name.
    await page.getByTestId('pools-table').getByText('居民身份证信息').waitFor();
    await page.getByTestId('pools-search').locator('input').fill('人口基本');
    await expect.poll(() => rowsOf('pools-table').count()).toBe(1);
    const listed = rowsOf('pools-table').first();
    expect(await listed.textContent()).toContain('第 1 版');
    await page.screenshot({ path: screenshotPath('pools-list-zh.png') });
    await listed.getByTestId('pool-open').click();
    await page.waitForURL(/\/console\/pools\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: '人口基本信息' }).waitFor();
    await page.getByTestId('rows-table').waitFor();

    // ── A valid file: the batch ends as version 2 and its rows show. ───────────────────────────
    await tab('导入');
    await page.locator('.ant-upload-drag').waitFor();
    await page.screenshot({ path: screenshotPath('pools-load-form-zh.png') });
    await load('人口基本信息.csv', csv(FIRST));
    const success = page.getByTestId('load-success');
    await success.waitFor();
    expect(await success.textContent()).toContain('已生成第 2 版，本次导入 3 行');
    await page.screenshot({ path: screenshotPath('pools-load-success-zh.png') });
    await page.getByTestId('load-view-rows').click();
    await expect.poll(() => rowsOf('rows-table').count()).toBe(3);
    const rowsText = await page.getByTestId('rows-table').textContent();
    for (const [id, name] of FIRST) {
      expect(rowsText).toContain(id);
      expect(rowsText).toContain(name);
    }
    expect(await page.getByTestId('stat-version').textContent()).toContain('第 2 版');
    await page.screenshot({ path: screenshotPath('pools-rows-zh.png') });

    // ── A file with bad rows: refused, the report names row and reason, the data is unchanged. ──
    await tab('导入');
    await page.getByTestId('load-again').click();
    await load('有问题的文件.csv', csv(BAD));
    await page.getByTestId('load-failed').waitFor();
    const report = rowsOf('report-table');
    await expect.poll(() => report.count()).toBe(2);
    const checkRow = report.filter({ hasText: '公民身份号码校验位不正确' });
    expect(await checkRow.locator('td').first().textContent()).toBe('3');
    const emptyName = report.filter({ hasText: '必填项为空' });
    expect(await emptyName.locator('td').first().textContent()).toBe('4');
    expect(await emptyName.textContent()).toContain('姓名');
    await page.screenshot({ path: screenshotPath('pools-load-refused-zh.png') });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/errors\.csv$/);

    // ── A third version, then version 2 restored from the versions tab. ──────────────────────
    await page.getByTestId('load-again').click();
    await load('人口基本信息-第二批.csv', csv(SECOND));
    await page.getByTestId('load-success').waitFor();
    expect(await page.getByTestId('load-success').textContent()).toContain('已生成第 3 版');

    await tab('版本');
    const versions = rowsOf('versions-table');
    await expect.poll(() => versions.count()).toBe(4);
    const current = versions.filter({ has: page.getByTestId('version-current') });
    expect(await current.textContent()).toContain('第 3 版');
    expect(await versions.filter({ hasText: '失败' }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('pools-versions-zh.png') });
    await versions.filter({ hasText: '第 2 版' }).getByTestId('version-restore').click();
    const confirm = page.locator(ui.SETTLED('.ant-modal'));
    await confirm.locator('.ant-modal-confirm-title', { hasText: '恢复第 2 版？' }).waitFor();
    expect(await confirm.textContent()).toContain('生成新的第 4 版');
    await page.getByTestId('restore-confirm').click();
    await page.getByText('已恢复：第 2 版的数据现为第 4 版').waitFor();
    await expect.poll(() => versions.count()).toBe(5);
    const restored = versions.filter({ has: page.getByTestId('version-current') });
    await expect.poll(() => restored.textContent()).toContain('第 4 版');
    expect(await restored.textContent()).toContain('由第 2 版恢复');

    // The rows are version 2's again; version 3 can still be looked at.
    await tab('数据');
    await expect.poll(() => page.getByTestId('stat-version').textContent()).toContain('第 4 版');
    await expect.poll(() => rowsOf('rows-table').count()).toBe(3);
    expect(await page.getByTestId('rows-table').textContent()).toContain('张明远');
    await page.getByTestId('rows-version').click();
    await page.locator(ui.SETTLED('.ant-select-dropdown')).getByText('第 3 版', { exact: true }).click();
    await page.getByTestId('rows-earlier').waitFor();
    await expect.poll(() => rowsOf('rows-table').count()).toBe(2);
    expect(await page.getByTestId('rows-table').textContent()).toContain('赵晓燕');

    // The columns: the key is checked as a citizen ID number.
    await tab('结构');
    const idColumn = rowsOf('columns-table').filter({ hasText: '公民身份号码' });
    expect(await idColumn.textContent()).toContain('身份证号校验');
    await page.screenshot({ path: screenshotPath('pools-columns-zh.png') });

    // Back in the list: version and rows of the table.
    await ui.openMenu(page, '数据汇聚', '资源池', /\/console\/pools$/);
    const again = rowsOf('pools-table').filter({ hasText: '人口基本信息' });
    await expect.poll(() => again.textContent()).toContain('第 4 版');
    expect(browser.problems).toEqual([]);
  });

  it('shows the city authority the table and its versions, but no load, restore or rows', async () => {
    await ui.signOut(page, server);
    await ui.signIn(page, server, 'authority');
    await ui.openMenu(page, '数据汇聚', '资源池', /\/console\/pools$/);
    await page.getByTestId('pools-search').locator('input').fill('人口基本');
    await expect.poll(() => rowsOf('pools-table').count()).toBe(1);
    expect(await rowsOf('pools-table').first().textContent()).toContain('重庆市公安局');
    await rowsOf('pools-table').first().getByTestId('pool-open').click();
    await page.getByRole('heading', { name: '人口基本信息' }).waitFor();
    await page.getByText('数据内容只有本部门人员可以查看').waitFor();
    expect(await page.getByRole('tab', { name: '导入', exact: true }).count()).toBe(0);
    await tab('版本');
    await expect.poll(() => rowsOf('versions-table').count()).toBe(5);
    expect(await page.getByTestId('version-restore').count()).toBe(0);
    expect(browser.problems).toEqual([]);
  });
});
