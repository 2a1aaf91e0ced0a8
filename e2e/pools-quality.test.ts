// The pools' data-quality page in a real browser against the real server (demo data, which may
// hold no pool rows yet): a police officer opens 数据汇聚 → 数据质量 and sees its department's score
// chart and its resources, each 未导入数据 and overdue in red when nothing was loaded; a resource's
// detail opens in a drawer. The authority sees every department of its region in the chart.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath } from './support/browser.ts';
import * as ui from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('pools-quality');
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = fixture);
});

const openQuality = () => ui.openMenu(page, '数据汇聚', '数据质量', /\/console\/pools\/quality$/);

describe('data quality of the pools', () => {
  it('shows a department officer its score chart and resources, overdue when no data was loaded', async () => {
    await ui.signIn(page, server, 'police.officer');
    await openQuality();
    await page.getByTestId('pool-quality-chart').locator('canvas').waitFor();
    const table = page.getByTestId('pool-quality-resources');
    const rows = table.locator('.ant-table-row');
    await rows.first().waitFor();
    expect(await table.innerText()).toContain('人口基本信息');
    // Only the own department's resources (no other department's names under the codes).
    expect(await table.innerText()).not.toContain('市场监督');

    const texts = await rows.allInnerTexts();
    const unloaded = texts.filter((text) => text.includes('未导入数据'));
    if (unloaded.length === texts.length) {
      // No pool data at all: the page says so, and every resource is overdue since publication.
      await page.getByTestId('pool-quality-no-rows').waitFor();
      expect(await table.getByTestId('overdue-tag').count()).toBe(texts.length);
    }
    // A resource without data is overdue, its tag in red.
    for (const text of unloaded) expect(text).toMatch(/逾期|已逾期/);
    await page.screenshot({ path: screenshotPath('pools-quality-police-zh.png') });

    // The detail of the first resource: timeliness, uniqueness, the worst rows (the provider's own).
    await rows.first().getByRole('button', { name: '详情' }).click();
    const detail = page.getByTestId('pool-quality-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('更新周期');
    expect(await detail.innerText()).toContain('问题最多的数据行');
    await page.screenshot({ path: screenshotPath('pools-quality-detail-zh.png') });
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    await ui.signOut(page, server);
  });

  it('shows the authority every department of its region in the chart', async () => {
    await ui.signIn(page, server, 'authority');
    await openQuality();
    await page.getByTestId('pool-quality-chart').locator('canvas').waitFor();
    const table = page.getByTestId('pool-quality-resources');
    await table.locator('.ant-table-row').first().waitFor();
    // Resources of several departments: the department name stands under each code.
    const names = (await table.locator('.ant-table-row').allInnerTexts()).map(
      (text) => /·\s*(\S+)/.exec(text)?.[1],
    );
    expect(new Set(names.filter(Boolean)).size).toBeGreaterThan(1);
    expect(await page.getByTestId('pool-quality-summary').innerText()).toContain('逾期未更新');
    await ui.signOut(page, server);
  });
});
