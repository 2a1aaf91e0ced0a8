// The security incident register in a real browser against the real server: the police security
// officer opens 安全管理 → 安全事件, sees the form name what is missing, registers an incident (the
// drawer opens with its report due time from the profile), records an action on its timeline, and
// finds the incident in the table.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './support/console.ts';
import { SETTLED } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('security-registers');
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = fixture);
});

const suffix = String(Date.now() % 100_000);
const TITLE = `共享接口异常批量调用${suffix}`;

/** A local time two days ago as the date picker takes it (the browser runs in the same zone as this process). */
function twoDaysAgo(): string {
  const d = new Date(Date.now() - 2 * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

async function pickTime(inputId: string, value: string) {
  const input = page.locator(`#${inputId}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await page.locator('.ant-picker-dropdown:visible').first().waitFor({ state: 'hidden' });
}

describe('security incidents in the console', () => {
  it('registers an incident and adds an action to its timeline', async () => {
    await ui.signIn(page, server, 'police.security');
    await ui.openMenu(page, '安全管理', '安全事件', /\/console\/security\/incidents$/);
    await page.getByTestId('incident-register').click();
    // The dialog opens with an animation: submit once its form is there, or the click may miss it.
    await page.locator('#incident_title').waitFor();
    await page.getByTestId('form-submit').click();
    await ui.fieldError(page, 'incident_title').waitFor();
    expect(await ui.fieldError(page, 'incident_title').textContent()).toContain('请填写事件名称');

    await page.locator('#incident_title').fill(TITLE);
    await page.locator('#incident_severity').click();
    await page.locator(SETTLED('.ant-select-dropdown')).getByText('较大', { exact: true }).click();
    await pickTime('incident_detectedAt', twoDaysAgo());
    await page.locator('#incident_scope').fill('人口信息共享接口，3 个调用方');
    await page.getByTestId('form-submit').click();

    const drawer = page.getByTestId('incident-drawer');
    await drawer.getByText(TITLE).first().waitFor();
    // 较大 must be reported within the profile's hours; two days after detection it is overdue.
    await drawer.getByTestId('report-overdue').waitFor();

    await drawer.getByTestId('incident-add-action').click();
    await page.locator('#incident-actions_description').fill('封禁异常调用方的接口密钥');
    await page.getByTestId('form-submit').click();
    const timeline = drawer.getByTestId('incident-timeline');
    await timeline.getByText('封禁异常调用方的接口密钥').waitFor();
    expect(await timeline.textContent()).toContain('处置措施');

    await page.keyboard.press('Escape');
    const row = page.getByTestId('incidents-table').locator('.ant-table-row', { hasText: TITLE });
    await row.waitFor();
    expect(await row.textContent()).toContain('处置中');
  });

  it("registers an emergency plan and shows every department's drill standing", async () => {
    await ui.openMenu(page, '安全管理', '应急预案与演练', /\/console\/security\/plans$/);
    await page.getByTestId('plan-register').click();
    await page.locator('#plan_title').fill(`数据共享平台应急预案${suffix}`);
    await page.locator('#plan_scope').fill('人口、出入境数据的共享接口');
    await page.locator('#plan_body').fill('一、总则……');
    await page.locator('#plan_approvedOn').click();
    await page.locator('#plan_approvedOn').fill(twoDaysAgo().slice(0, 10));
    await page.locator('#plan_approvedOn').press('Enter');
    // Enter in the date field may already have sent the form (the button then loads and the drawer
    // closes); click only while it is still there. The row below proves the plan was registered.
    await page
      .getByTestId('form-submit')
      .click({ timeout: 5_000 })
      .catch(() => undefined);
    const row = page
      .getByTestId('plans-table')
      .locator('.ant-table-row', { hasText: `数据共享平台应急预案${suffix}` });
    await row.waitFor();
    // Never drilled: the drill is due at once.
    await row.getByTestId('due-overdue').waitFor();
    // The tab bar's ink moves while the list renders; the tab takes the click wherever it is.
    await page.locator('.ant-tabs-tab-btn', { hasText: '各部门情况' }).click({ force: true });
    await page.getByTestId('security-overview').getByText('市公安局').first().waitFor();
  });
});
