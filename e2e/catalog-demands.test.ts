// Demand lists (需求清单, CQ19 §12) in a real browser against the real server: the market regulator
// files a demand (its basis is required) and sees the candidates the search found, but no answer
// buttons while the demand is with the authority; the police file another. The city authority
// routes the first to the police (a water company is refused beside the field) and matches the
// second with the preselected candidates. The police decline without a reason (refused), then
// accept and link their resource; the market regulator sees the outcome. A member of the public
// suggests data to open (through the API: the portal form comes later); the authority cannot answer
// it with a resource that is not open.
import { request, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../server/src/test/factories.ts';
import { screenshotPath, type Browser } from './support/browser.ts';
import * as ui from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('demands');
let server: RunningServer;
let browser: Browser;
let page: Page;
beforeAll(() => {
  ({ server, browser, page } = fixture);
});

const choose = (selectId: string, search: string, optionText: string) =>
  ui.choose(page, selectId, search, optionText);
const signIn = (username: string) => ui.signIn(page, server, username);
const signOut = () => ui.signOut(page, server);
const openDemands = () => ui.openMenu(page, '数据目录', '需求清单', /\/console\/catalog\/demands$/);
const fieldError = (inputId: string) => ui.fieldError(page, inputId);

const suffix = String(Date.now() % 100_000);
const USED_CARS = `二手车交易车辆核验${suffix}`;
const COMPANIES = `涉案企业登记核查${suffix}`;
const BUSES = `开放公交线路和站点数据${suffix}`;

const drawer = () => page.locator(ui.SETTLED('.ant-drawer-content-wrapper')).first();
const row = (title: string) =>
  page.getByTestId('demands-table').locator('.ant-table-row', { hasText: title });

/** Opens a demand of the list in its drawer and waits for its detail. */
async function openDemand(title: string) {
  await row(title).getByTestId('demand-title').click();
  await drawer().getByTestId('demand-detail').waitFor();
}

/** Closes the open drawer (the account menu lies under its mask). */
async function closeDrawer() {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.ant-drawer-content-wrapper:visible').count()).toBe(0);
}

/** Lets an error message finish sliding in before a screenshot shows it. */
const settle = () => page.waitForTimeout(400);

/** Fills and files a demand through the form. */
async function fileDemand(fields: Record<string, string>) {
  await page.getByTestId('demand-create').click();
  for (const [field, value] of Object.entries(fields)) await page.locator(`#demand_${field}`).fill(value);
  await page.getByTestId('form-submit').click();
}

describe('demand lists', () => {
  it('files, routes, declines, accepts and matches demands', async () => {
    // ── The market regulator files a demand; the basis is required. ───────────────────────────
    await signIn('market.officer');
    await openDemands();
    await fileDemand({
      title: USED_CARS,
      description: '开展二手车交易市场监管，需要核验交易车辆的机动车登记状态和所有人。',
      wantedItems: '号牌号码、所有人、登记状态',
      purpose: '二手车交易市场监管',
    });
    await expect.poll(() => fieldError('demand_basis').textContent()).toContain('请填写履职或法律依据');
    await settle();
    await page.screenshot({ path: screenshotPath('demands-form-basis-zh.png') });
    await page.locator('#demand_basis').fill('《二手车流通管理办法》第十四条');
    await page.getByTestId('form-submit').click();

    // The new demand opens with the candidates found: the vehicle register first.
    const candidates = drawer().getByTestId('demand-candidates');
    await candidates.locator('.ant-table-row').first().waitFor();
    expect(await candidates.locator('.ant-table-row').first().textContent()).toContain('机动车登记信息');
    expect(await drawer().getByTestId('demand-state').textContent()).toBe('待答复');
    await expect
      .poll(() => drawer().getByTestId('demand-waiting').textContent())
      .toContain('等待重庆市大数据应用发展管理局答复');
    // The requester cannot answer its own demand: the authority holds it.
    expect(await drawer().getByTestId('demand-acts').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('demands-filed-zh.png') });
    await closeDrawer();
    await row(USED_CARS).waitFor();
    expect(await row(USED_CARS).textContent()).toMatch(/待答复.*\d{4}-\d{2}-\d{2}/);
    await signOut();

    // ── The police file a demand of their own. ────────────────────────────────────────────────
    await signIn('police.officer');
    await openDemands();
    await fileDemand({
      title: COMPANIES,
      description: '办理经济犯罪案件时需要核查涉案企业的登记注册信息和法定代表人。',
      purpose: '经济犯罪案件侦查',
      basis: '《中华人民共和国刑事诉讼法》第五十四条',
    });
    await drawer().getByTestId('demand-candidates').locator('.ant-table-row').first().waitFor();
    expect(await drawer().getByTestId('demand-candidates').textContent()).toContain('企业登记注册信息');
    await closeDrawer();
    await signOut();

    // ── The city authority answers both from its inbox. ───────────────────────────────────────
    await signIn('authority');
    await openDemands();
    await row(USED_CARS).waitFor();
    await row(COMPANIES).waitFor();
    await page.screenshot({ path: screenshotPath('demands-inbox-zh.png') });

    // Route the first: a water company cannot provide government data (the server says so).
    await openDemand(USED_CARS);
    await drawer().getByTestId('demand-route').click();
    await choose('answer-route_departmentId', '水务', '重庆水务集团股份有限公司');
    await page.getByTestId('form-submit').click();
    await expect
      .poll(() => fieldError('answer-route_departmentId').textContent())
      .toContain('只能转交给政务部门');
    await settle();
    await page.screenshot({ path: screenshotPath('demands-route-refused-zh.png') });
    // The refused choice stays on top of the list until it is cleared.
    const routeField = page.locator('.ant-form-item', { has: page.locator('#answer-route_departmentId') });
    await routeField.hover();
    await routeField.locator('.ant-select-clear').click();
    await choose('answer-route_departmentId', '公安', '重庆市公安局');
    await page.locator('#answer-route_note').fill('请公安局评估后答复');
    await page.getByTestId('form-submit').click();
    await expect.poll(() => drawer().getByTestId('demand-state').textContent()).toBe('已转交');
    expect(await drawer().getByTestId('demand-cases').textContent()).toContain('提供部门答复');
    await closeDrawer();

    // Match the second with the candidates already chosen in the form.
    await openDemand(COMPANIES);
    await drawer().getByTestId('demand-match').click();
    const picked = page.locator('.ant-modal .ant-select-selection-item', { hasText: '企业登记注册信息' });
    await picked.waitFor();
    await page.locator(ui.SETTLED('.ant-modal')).waitFor();
    await settle();
    await page.screenshot({ path: screenshotPath('demands-match-zh.png') });
    await page.getByTestId('form-submit').click();
    await expect.poll(() => drawer().getByTestId('demand-state').textContent()).toBe('已匹配资源');
    const answer = drawer().getByTestId('answer-match');
    await answer.getByTestId('resource-link').filter({ hasText: '企业登记注册信息' }).click();
    await expect
      .poll(() => page.getByTestId('resource-drawer').getByTestId('revision-view').textContent())
      .toContain('统一社会信用代码');
    await page.keyboard.press('Escape');
    await page.getByTestId('resource-drawer').waitFor({ state: 'hidden' });
    await closeDrawer();
    await signOut();

    // ── The police answer the routed demand: a decline needs a reason. ────────────────────────
    await signIn('police.officer');
    await openDemands();
    await page.getByTestId('tab-inbox').click();
    await row(USED_CARS).waitFor();
    await openDemand(USED_CARS);
    await drawer().getByTestId('demand-decline').click();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => fieldError('answer-decline_reason').textContent()).toContain('请填写理由');
    await settle();
    await page.screenshot({ path: screenshotPath('demands-decline-reason-zh.png') });
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await page.locator('.ant-modal:visible').first().waitFor({ state: 'hidden' });

    await drawer().getByTestId('demand-accept').click();
    await page.locator('#answer-accept_note').fill('下季度纳入目录');
    await page.getByTestId('form-submit').click();
    await expect.poll(() => drawer().getByTestId('demand-state').textContent()).toBe('已接受');
    // After accepting, they link their resource.
    await drawer().getByTestId('demand-link').click();
    await choose('answer-link_resourceId', '机动车登记', '机动车登记信息');
    await page.getByTestId('form-submit').click();
    await drawer().getByTestId('answer-link').waitFor();
    await closeDrawer();
    await signOut();

    // ── The market regulator sees the outcome. ────────────────────────────────────────────────
    await signIn('market.officer');
    await openDemands();
    await expect.poll(() => row(USED_CARS).textContent()).toContain('已接受');
    await openDemand(USED_CARS);
    const answers = drawer().getByTestId('demand-answers');
    await expect.poll(() => answers.textContent()).toContain('转交给：重庆市公安局');
    expect(await answers.textContent()).toContain('下季度纳入目录');
    expect(await drawer().getByTestId('answer-link').textContent()).toContain('机动车登记信息');
    expect(await drawer().getByTestId('demand-history').textContent()).toContain('提供部门接受');
    expect(await drawer().getByTestId('demand-acts').count()).toBe(0);
    await answers.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('demands-outcome-zh.png') });

    expect(browser.problems).toEqual([]);
  });

  it('answers a public suggestion only with open resources', async () => {
    // A citizen account (made by the administrator) suggests data to open, as the portal will.
    const session = async (username: string, password: string) => {
      const context = await request.newContext({ baseURL: server.baseUrl });
      const login = await context.post('/api/v1/auth/login', { data: { username, password } });
      expect(login.status(), await login.text()).toBe(200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      return {
        post: (url: string, data: object) =>
          context.post(`/api/v1${url}`, { headers: { 'x-csrf-token': csrfToken }, data }),
        close: () => context.dispose(),
      };
    };
    const admin = await session('admin', server.adminPassword);
    const created = await admin.post('/users', {
      username: `citizen${suffix}`,
      displayName: '市民张先生',
      role: 'public_user',
      personType: 'natural',
      identityNumber: makeCitizenId(),
      password: 'E2e-Citizen-pass-1',
    });
    expect(created.status(), await created.text()).toBe(201);
    await admin.close();
    const citizen = await session(`citizen${suffix}`, 'E2e-Citizen-pass-1');
    const suggested = await citizen.post('/catalog/demands/suggestions', {
      title: BUSES,
      description: '希望开放全市公交线路和公交站点数据，用于开发出行查询小程序。',
      purpose: '公众出行查询',
    });
    expect(suggested.status(), await suggested.text()).toBe(201);
    await citizen.close();

    // Whoever the browser was signed in as, start afresh as the authority.
    await browser.context.clearCookies();
    await signIn('authority');
    await openDemands();
    await page.locator('#kind').click();
    await page.locator(ui.SETTLED('.ant-select-dropdown')).getByText('公众建议', { exact: true }).click();
    await row(BUSES).waitFor();
    await openDemand(BUSES);
    expect(await drawer().getByTestId('demand-detail').textContent()).toContain('社会公众 · 市民张先生');

    // The vehicle register is shared but not open: the server refuses it beside the field.
    await drawer().getByTestId('demand-match').click();
    await page.locator(ui.SETTLED('.ant-modal')).waitFor();
    const input = page.locator('#answer-match_resourceIds');
    await input.click();
    await input.fill('机动车登记');
    await page
      .locator(`${ui.SETTLED('.ant-select-dropdown')} .ant-select-item-option-active`, {
        hasText: '机动车登记信息',
      })
      .waitFor();
    await input.press('Enter');
    await page.locator('.ant-modal-title').click();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => fieldError('answer-match_resourceIds').textContent()).toContain('不予开放');
    await settle();
    await page.screenshot({ path: screenshotPath('demands-public-not-open-zh.png') });
    await page
      .locator('.ant-modal .ant-select-selection-item', { hasText: '机动车登记信息' })
      .locator('.ant-select-selection-item-remove')
      .click();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => drawer().getByTestId('demand-state').textContent()).toBe('已匹配资源');
    expect(await drawer().getByTestId('answer-match').textContent()).toContain('公交');

    // The same page in English.
    await closeDrawer();
    await ui.pickFromMenu(page, 'language-switch', 'English');
    await page.locator('h3', { hasText: 'Demand lists' }).waitFor();
    // Answered, it has left the inbox; it is among all demands.
    await page.getByTestId('tab-all').click();
    await openDemand(BUSES);
    await expect.poll(() => drawer().getByTestId('demand-state').textContent()).toBe('Matched');
    expect(await drawer().getByTestId('demand-detail').textContent()).toContain('Member of the public');
    await settle();
    await page.screenshot({ path: screenshotPath('demands-detail-en.png') });

    expect(browser.problems).toEqual([]);
  });
});
