// Responsibility lists and metadata quality in a real browser against the real server: a police
// officer sees only 市公安局's collection and open duties (no department picker, no other
// department's version changes); the city authority switches departments and reads what version 1
// changed in the duty lists; a district authority is refused a city department. On the quality
// page the officer sees its department's weakest resources with what to fix (another department's
// without the edit button), and the page speaks English after the switch.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath, type Browser } from './support/browser.ts';
import * as ui from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('duties');
let server: RunningServer;
let browser: Browser;
let page: Page;
beforeAll(() => {
  ({ server, browser, page } = fixture);
});

const signIn = (username: string) => ui.signIn(page, server, username);
const signOut = () => ui.signOut(page, server);
const openMenu = (entry: string, path: RegExp) => ui.openMenu(page, '数据目录', entry, path);
const rows = (testId: string) => page.getByTestId(testId).locator('.ant-table-row');
const texts = (testId: string) => rows(testId).allInnerTexts();
const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();

describe('duty lists and metadata quality', () => {
  it('shows a department its own duties and an authority every department with version changes', async () => {
    // ── A police officer: only 市公安局's lists. ───────────────────────────────────────────────
    await signIn('police.officer');
    await openMenu('责任清单', /\/console\/catalog\/duties$/);
    await rows('duties-collect').first().waitFor();
    expect(await page.getByTestId('duty-own-department').textContent()).toContain('市公安局');
    // A department picks no other department: the server would refuse it (403) anyway.
    expect(await page.locator('#duty-department').count()).toBe(0);
    const collect = (await texts('duties-collect')).join('\n');
    expect(collect).toContain('人口基本信息');
    expect(collect).toContain('暂无数据加载');
    expect(collect).not.toContain('市场监督');
    await page.screenshot({ path: screenshotPath('duties-collect-police-zh.png') });

    await tab('开放责任');
    await page.waitForURL(/tab=open/);
    await rows('duties-open').first().waitFor();
    const open = await texts('duties-open');
    // Only the open resources: 公安派出所信息 and 道路交通事故统计信息, not the closed 人口基本信息.
    expect(open).toHaveLength(2);
    expect(open.join('\n')).toContain('公安派出所信息');
    expect(open.join('\n')).toContain('无条件开放');
    expect(open.join('\n')).not.toContain('人口基本信息');
    await page.screenshot({ path: screenshotPath('duties-open-police-zh.png') });

    await tab('版本变更');
    const policeChanges = page.getByTestId('duty-changes');
    await policeChanges.waitFor();
    const headers = await policeChanges.locator('.ant-collapse-header').allInnerTexts();
    expect(headers).toHaveLength(1);
    expect(headers[0]).toContain('重庆市公安局');
    await signOut();

    // ── The city authority: every department, grouped; then one department. ─────────────────
    await signIn('authority');
    await openMenu('责任清单', /\/console\/catalog\/duties/);
    await rows('duties-collect').first().waitFor();
    // With no department chosen, the first column groups the rows by department.
    expect(await page.getByTestId('duties-collect').locator('th', { hasText: '部门' }).count()).toBe(1);
    await page.getByText('共 81 条').waitFor();
    await page.screenshot({ path: screenshotPath('duties-collect-authority-zh.png') });

    await ui.choose(page, 'duty-department', '重庆市市场', '重庆市市场监督管理局');
    await expect.poll(async () => (await texts('duties-collect')).join('\n')).not.toContain('渝中区');
    expect(await page.getByTestId('duties-collect').locator('th', { hasText: '部门' }).count()).toBe(0);
    await page.getByText('共 10 条').waitFor();

    // ── What version 1 changed in the duty lists. ─────────────────────────────────────────────
    await tab('版本变更');
    const changes = page.getByTestId('duty-changes');
    await changes.waitFor();
    expect(await page.getByTestId('duty-version-summary').textContent()).toContain('第 1 版');
    const departments = changes.locator('.ant-collapse-item');
    expect(await departments.count()).toBeGreaterThan(5);
    const police = departments.filter({ hasText: '重庆市公安局' });
    await police.locator('.ant-collapse-header').click();
    const policeRows = police.getByTestId('duty-change');
    await policeRows.first().waitFor();
    // Nine collection duties and two open ones, all added by the first version.
    expect(await policeRows.count()).toBe(11);
    expect(await police.locator('.ant-collapse-header').textContent()).toContain('新增 9');
    await police.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('duties-changes-v1-zh.png') });
    await signOut();

    // ── A district authority reaches only its district: a city department is refused. ─────────
    await signIn('yuzhong.authority');
    await openMenu('责任清单', /\/console\/catalog\/duties/);
    await rows('duties-collect').first().waitFor();
    await ui.choose(page, 'duty-department', '重庆市公安', '重庆市公安局');
    await page.getByText('您只能操作本行政区域及下级区域').waitFor();
    expect(await rows('duties-collect').count()).toBe(0);
    await signOut();
  });

  it('shows the quality by department and a department’s weakest resources with what to fix', async () => {
    await signIn('police.officer');
    await openMenu('目录质量', /\/console\/catalog\/quality$/);
    await page.getByTestId('quality-chart').locator('canvas').waitFor();
    const table = page.getByTestId('quality-departments');
    await table.locator('.ant-table-row').first().waitFor();
    expect(await table.locator('.ant-table-row').count()).toBe(12);

    // Its own department comes first: resources from the lowest score up, each to be improved.
    await page.getByText('重庆市公安局：资源质量（得分从低到高）').waitFor();
    const resources = page.getByTestId('quality-resources');
    await expect.poll(() => resources.locator('.ant-table-row').count()).toBe(9);
    const scores = (await resources.locator('.ant-table-row .ant-progress-text').allInnerTexts()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(await resources.getByRole('button', { name: '去完善' }).count()).toBe(9);

    // Expand the weakest: every criterion, with what to do about the unmet ones.
    await resources.locator('.ant-table-row').first().click();
    const panel = page.getByTestId('quality-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('按周期更新数据');
    expect(await panel.textContent()).toContain('按更新周期把数据汇聚到数据资源池');
    await page.screenshot({ path: screenshotPath('quality-police-zh.png'), fullPage: true });

    // Another department's resources can be read, not improved from here.
    await table.locator('.ant-table-row', { hasText: '重庆市市场监督管理局' }).getByRole('button').click();
    await page.getByText('重庆市市场监督管理局：资源质量（得分从低到高）').waitFor();
    await expect.poll(() => resources.locator('.ant-table-row').count()).toBe(10);
    expect(await resources.getByRole('button', { name: '去完善' }).count()).toBe(0);

    // ── English: the same page with English headers. ─────────────────────────────────────────
    await page.evaluate(() => window.scrollTo(0, 0));
    await ui.pickFromMenu(page, 'language-switch', 'English');
    await table.locator('th', { hasText: 'Average score' }).waitFor();
    expect(await resources.locator('th', { hasText: 'Quality score' }).count()).toBe(1);
    expect(await page.getByText('Average quality score by department').count()).toBe(1);
    await page.locator('.ant-dropdown:visible').first().waitFor({ state: 'hidden' });
    await page.screenshot({ path: screenshotPath('quality-en.png') });
    await ui.pickFromMenu(page, 'language-switch', '中文');
    await page.getByText('各部门平均质量评分').waitFor();

    expect(browser.problems).toEqual([]);
  });
});
