// Base and theme databases (基础库与主题库) in a real browser: the demo city authority opens the page
// from the aggregation menu, sees the four tabs, and the assign-source form refuses an empty
// resource and a field name that cannot be a column; the base databases tab shows a card for
// each of the five base databases with its build button.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('pools-basedb');
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = fixture);
});

describe('base and theme databases', () => {
  it('the authority opens the page and its tabs from the aggregation menu', async () => {
    await ui.signIn(page, server, 'authority');
    await ui.openMenu(page, '数据汇聚', '基础库与主题库', /\/console\/pools\/base$/);
    // The page is its own chunk: wait for it before asking what is visible.
    await page.getByTestId('basedb-sources').waitFor();
    for (const tab of ['一数一源', '重复采集', '基础库', '主题库'])
      expect(await page.getByRole('tab', { name: tab, exact: true }).isVisible()).toBe(true);
  });

  it('the assign form names what is missing or malformed', async () => {
    await page.getByTestId('basedb-assign').click();
    await page.locator('#basedbSource_fieldName').waitFor();
    await page.locator('#basedbSource_fieldName').fill('Bad-Name');
    await page.getByTestId('form-submit').click();
    await ui.fieldError(page, 'basedbSource_resourceId').waitFor();
    expect(await ui.fieldError(page, 'basedbSource_resourceId').textContent()).toContain('请选择来源资源');
    expect(await ui.fieldError(page, 'basedbSource_sourceField').textContent()).toContain('请选择来源信息项');
    expect(await ui.fieldError(page, 'basedbSource_fieldName').textContent()).toContain('小写字母开头');
    await page.keyboard.press('Escape');
    await page.locator('#basedbSource_fieldName').waitFor({ state: 'detached' });
  });

  it('the base databases tab shows each base database with its build button', async () => {
    await page.getByRole('tab', { name: '基础库', exact: true }).click();
    await page.getByTestId('basedb-card-population').waitFor();
    for (const code of ['population', 'legal_person', 'geo', 'credit', 'licence'])
      expect(await page.getByTestId(`basedb-card-${code}`).isVisible()).toBe(true);
    expect(await page.getByTestId('basedb-build-population').isVisible()).toBe(true);
    expect(await page.getByTestId('basedb-card-population').textContent()).toContain('人口基础数据库');
  });
});
