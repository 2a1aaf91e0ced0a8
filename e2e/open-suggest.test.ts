// 建议开放 (CQO §14, CQ17 §22) in a real browser against the real server. A person registers with a
// verified identity and signs out; a search that finds nothing offers 没找到？建议开放, whose page
// sends the signed-out visitor to sign in and back, with the title filled in from the search. The
// suggestion is refused in the browser with a blank description (said beside it), then filed: the
// page names the authority and the due date and links to the account, where it waits. The city
// authority rejects it with a reason (API: the console's demand pages are tested in
// catalog-demands.test.ts), routes a second one to the police, who decline it with a reason, and
// matches a third with an open dataset: the account shows each state, the reasons, the routed
// department and a link to the open dataset's page.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../server/src/platform/identifiers/citizen-id.ts';
import { apiSession } from './support/api.ts';
import { screenshotPath, type Browser } from './support/browser.ts';
import * as ui from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('open-suggest');
let server: RunningServer;
let browser: Browser;
let page: Page;

const RUN = Date.now() % 1_000_000;
const USERNAME = `suggester${RUN}`;
const PASSWORD = 'Suggest-pass-1';
const WANTED = `共享充电宝投放点${RUN}`;
const SECOND = `河道水位实时监测${RUN}`;
const THIRD = `公交站点位置${RUN}`;
const REJECTED = '该数据由企业自行采集，不属于公共数据。';
const DECLINED = '涉及重点部位安全，依法不予开放。';

/** A valid citizen ID number (GB 11643) that no other run uses. */
function citizenId(): string {
  const first17 = `500106199207${String(10 + (RUN % 18)).padStart(2, '0')}${String(RUN % 1000).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17)!;
}

const apiAs = (username: string, password: string) => apiSession(server, username, password);

/** The row of a suggestion in 我的开放建议. */
const row = (title: string) => page.getByTestId('suggestion-row').filter({ hasText: title });

beforeAll(() => {
  ({ server, browser, page } = fixture);
});

describe('suggesting data to open', () => {
  it('a signed-out visitor is sent from a search that found nothing to sign in, and back', async () => {
    await page.goto(`${server.baseUrl}/open/register`);
    const form = page.getByTestId('register-natural');
    await form.locator('[name="realName"]').fill('吴建议');
    await form.locator('[name="citizenId"]').fill(citizenId());
    await form.locator('[name="mobile"]').fill('13600136000');
    await form.locator('[name="username"]').fill(USERNAME);
    await form.locator('[name="password"]').fill(PASSWORD);
    await form.locator('[name="passwordAgain"]').fill(PASSWORD);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/open\/account\?welcome=1$/);
    await expect.poll(() => page.getByTestId('my-suggestions').textContent()).toContain('还没有提出开放建议');
    await page.getByTestId('portal-sign-out').click();
    await page.waitForURL(`${server.baseUrl}/`);

    await page.goto(`${server.baseUrl}/open/datasets?q=${encodeURIComponent(WANTED)}`);
    await page.getByTestId('search-suggest').click();
    await page.waitForURL(/\/open\/suggest\?q=/);
    // What happens is said to everyone, with the profile's deadline (CQ19: 10 working days, §12).
    await expect.poll(() => page.getByTestId('suggest-deadline').textContent()).toContain('10 个工作日');
    expect(await page.getByTestId('suggest-identity').textContent()).toContain('不要求先完成身份认证');
    expect(await page.getByTestId('suggest-form').count()).toBe(0);
    await page.getByTestId('suggest-sign-in').click();
    await page.waitForURL(/\/open\/login\?next=/);
    await page.getByTestId('field-username').fill(USERNAME);
    await page.getByTestId('field-password').fill(PASSWORD);
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL(/\/open\/suggest\?q=/);
    const title = page.getByTestId('suggest-form').getByTestId('field-title');
    await expect.poll(() => title.inputValue()).toBe(WANTED);
    await page.getByTestId('suggest-prefilled').waitFor();
  });

  it('is refused beside a blank field, then filed and waits in the account', async () => {
    const form = page.getByTestId('suggest-form');
    await form.getByTestId('field-purpose').fill('开发出行服务小程序，提示附近的充电宝');
    await page.getByTestId('suggest-submit').click();
    await expect.poll(() => form.getByTestId('error-description').textContent()).toBe('请填写此项');
    expect(await form.getByTestId('field-description').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByTestId('error-title').count()).toBe(0);
    // The keyboard user lands on the field in error.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('description');
    await page.screenshot({ path: screenshotPath('open-suggest-refused-zh.png'), fullPage: true });

    await form
      .getByTestId('field-description')
      .fill('全市共享充电宝投放点的位置、数量和营业时间，按月更新。');
    await page.getByTestId('suggest-submit').click();
    const sent = page.getByTestId('suggest-sent');
    await sent.waitFor();
    expect(await sent.textContent()).toContain('受理');
    expect(await sent.getByTestId('suggest-due').textContent()).toMatch(/答复期限：\d{4}.*10 个工作日/);

    await sent.getByTestId('suggest-account').click();
    await page.waitForURL(/\/open\/account#suggestions$/);
    const mine = row(WANTED);
    await mine.waitFor();
    expect(await mine.getByTestId('suggestion-state').textContent()).toBe('待答复');
    expect(await mine.getByTestId('suggestion-due').textContent()).toMatch(/\d{4}/);
    expect(await mine.getByTestId('suggestion-waiting').textContent()).toContain('等待');
  });

  it('shows the authority’s and the department’s answers with their reasons, and the matched dataset', async () => {
    const user = await apiAs(USERNAME, PASSWORD);
    const authority = await apiAs('authority', server.demoPassword);
    const police = await apiAs('police.officer', server.demoPassword);
    const own = await user<{ items: { id: string; title: string }[] }>('/catalog/demands/suggestions');
    const first = own.items.find((item) => item.title === WANTED)!;
    await authority(`/catalog/demands/${first.id}/reject`, { reason: REJECTED });

    const second = await user<{ id: string }>('/catalog/demands/suggestions', {
      title: SECOND,
      description: '主要河道各监测点的实时水位。',
      purpose: '防汛出行提醒',
    });
    const departments = await authority<{ items: { id: string; name: string }[] }>(
      `/departments?q=${encodeURIComponent('市公安局')}`,
    );
    const policeId = departments.items.find((d) => d.name === '重庆市公安局')!.id;
    await authority(`/catalog/demands/${second.id}/route`, { departmentId: policeId });

    // Routed: the police must answer now; the account says so before they do.
    await page.reload();
    await expect.poll(() => row(SECOND).getByTestId('suggestion-state').textContent()).toBe('已转交部门');
    expect(await row(SECOND).getByTestId('suggestion-answer-route').textContent()).toContain('市公安局');
    expect(await row(SECOND).getByTestId('suggestion-waiting').textContent()).toContain('市公安局');
    await police(`/catalog/demands/${second.id}/decline`, { reason: DECLINED });

    const search = (await (
      await fetch(`${server.baseUrl}/api/v1/open-catalog/datasets?q=${encodeURIComponent('公交站点信息')}`)
    ).json()) as { items: { resourceId: string; name: string }[] };
    const bus = search.items.find((item) => item.name === '公交站点信息')!;
    const third = await user<{ id: string }>('/catalog/demands/suggestions', {
      title: THIRD,
      description: '全市公交站点的位置。',
      purpose: '出行查询',
    });
    await authority(`/catalog/demands/${third.id}/match`, { resourceIds: [bus.resourceId] });

    await page.reload();
    const rejected = row(WANTED);
    await expect.poll(() => rejected.getByTestId('suggestion-state').textContent()).toBe('未予采纳');
    expect(await rejected.getByTestId('suggestion-reason').textContent()).toContain(REJECTED);
    expect(await rejected.getByTestId('suggestion-waiting').count()).toBe(0);

    const declined = row(SECOND);
    expect(await declined.getByTestId('suggestion-state').textContent()).toBe('部门不予开放');
    expect(await declined.getByTestId('suggestion-answer-decline').textContent()).toContain('市公安局');
    expect(await declined.getByTestId('suggestion-reason').textContent()).toContain(DECLINED);

    const matched = row(THIRD);
    expect(await matched.getByTestId('suggestion-state').textContent()).toBe('已有开放数据');
    const link = matched.getByTestId('suggestion-dataset');
    expect(await link.textContent()).toBe('公交站点信息');
    expect(await link.getAttribute('href')).toBe(`/open/datasets/${bus.resourceId}`);
    await page
      .getByTestId('my-suggestions')
      .screenshot({ path: screenshotPath('open-suggest-answers-zh.png') });

    // The same answers in English.
    await page.getByTestId('portal-language').click();
    await expect.poll(() => rejected.getByTestId('suggestion-state').textContent()).toBe('Not taken up');
    expect(await declined.getByTestId('suggestion-state').textContent()).toBe('Department declined');
    await page.getByTestId('portal-language').click();
    await link.click();
    await page.waitForURL(`${server.baseUrl}/open/datasets/${bus.resourceId}`);
    await page.getByTestId('dataset-name').waitFor();
    expect(browser.problems).toEqual([]);
  });
});
