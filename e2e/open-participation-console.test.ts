// Public participation handled in the console (公众诉求, 评论管理), in a real browser against the real
// server. A public user registered through the API reports two data errors and posts a comment on an
// open dataset of the police. Another department's officer does not see the reports (an empty list,
// and the report's address answers 404); an auditor gets the 403 page. The police officer sees the
// reports with their due dates and the profile's rule (narrowed to the dataset, the items named),
// answers one (a blank answer refused first, in the browser and then by the server beside the
// field), is told plainly when a colleague answered the other first (409), and hides the comment
// with a reason (not without one). The authority
// reviews two showcase entries (addresses shown as text, opened without an opener; a rejection not
// without its reason) and an organisation's dataset (its first rows shown, then approved).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../server/src/platform/identifiers/citizen-id.ts';
import { makeCreditCode } from '../server/src/test/factories.ts';
import { screenshotPath } from './support/browser.ts';
import * as ui from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('open-participation-console');
let server: RunningServer;
let page: Page;

const DATASET = '公安派出所信息';
const RUN = Date.now() % 1_000_000;
const USERNAME = `reporter${RUN}`;
const PASSWORD = 'Participate-pass-2';
const FIRST_REPORT = `第 3 条记录的派出所电话与实际不符，已拨打核实。（${RUN}）`;
const SECOND_REPORT = `部分派出所地址仍是搬迁前的旧址，请更新。（${RUN}）`;
const COMMENT = `数据不错，但这里有广告：加微信领红包（${RUN}）`;
const ANSWER = '经核实，已更正该派出所的联系电话，下次更新时发布。';
const SHOWN = { name: `派出所地图（${RUN}）`, url: 'https://example.org/police-map?from=open' };
const REFUSED = { name: `抢红包助手（${RUN}）`, url: 'http://example.com/red-packets' };
const CONTRIBUTION = `社区便民服务点（${RUN}）`;
let datasetId = '';
const reportIds: string[] = [];
let caller: Call;
let firstItem = { fieldName: '', name: '' };

type Call = (path: string, body?: unknown) => Promise<Response>;

/** Signs in on the API; returns a caller with the session (writes carry the CSRF token). */
async function apiSession(username: string, password: string): Promise<Call> {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status, await login.clone().text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return (path, body) =>
    fetch(`${server.baseUrl}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

/** A valid citizen ID number (GB 11643) that no other run uses. */
function citizenId(): string {
  const first17 = `500106199107${String(10 + (RUN % 18)).padStart(2, '0')}${String(RUN % 1000).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17)!;
}

/** The public side, through the API: register, report two errors, comment. */
async function publicUserTakesPart() {
  const search = (await (
    await fetch(`${server.baseUrl}/api/v1/open-catalog/datasets?q=${encodeURIComponent(DATASET)}`)
  ).json()) as { items: { resourceId: string; name: string }[] };
  const entry = search.items.find((item) => item.name === DATASET);
  expect(entry, 'the demo dataset').toBeDefined();
  datasetId = entry!.resourceId;
  const dataset = (await (await fetch(`${server.baseUrl}/api/v1/open/datasets/${datasetId}`)).json()) as {
    items: { fieldName: string; name: string }[];
  };
  firstItem = dataset.items[0]!;

  const registered = await fetch(`${server.baseUrl}/api/v1/open/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'natural',
      username: USERNAME,
      password: PASSWORD,
      realName: '吴反馈',
      citizenId: citizenId(),
      mobile: '13900139002',
    }),
  });
  expect(registered.status, await registered.clone().text()).toBe(201);
  const user = await apiSession(USERNAME, PASSWORD);
  for (const statement of [FIRST_REPORT, SECOND_REPORT]) {
    const filed = await user(`/open/datasets/${datasetId}/error-reports`, {
      statement,
      fields: [firstItem.fieldName],
      location: '第 3 条记录',
    });
    expect(filed.status, await filed.clone().text()).toBe(201);
    reportIds.push(((await filed.json()) as { id: string }).id);
  }
  const commented = await user(`/open/datasets/${datasetId}/comments`, { text: COMMENT });
  expect(commented.status, await commented.clone().text()).toBe(201);
  for (const entry of [SHOWN, REFUSED]) {
    const sent = await user('/open/showcase', {
      ...entry,
      description: `基于${DATASET}的${entry.name}，方便群众查询。`,
      kind: 'app',
      citation: `数据来源：重庆市公共数据开放平台「${DATASET}」`,
      resourceIds: [datasetId],
    });
    expect(sent.status, await sent.clone().text()).toBe(201);
  }
  caller = user;
}

/** An organisation registered through the API submits a dataset of its own. */
async function organisationPublishes() {
  const username = `org${RUN}`;
  const registered = await fetch(`${server.baseUrl}/api/v1/open/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'organisation',
      username,
      password: PASSWORD,
      orgName: '重庆某某社区服务有限公司',
      creditCode: makeCreditCode(),
      contactName: '陈联系',
      mobile: '13900139003',
      email: 'contact@example.com',
    }),
  });
  expect(registered.status, await registered.clone().text()).toBe(201);
  const organisation = await apiSession(username, PASSWORD);
  const sent = await organisation('/open/contributions', {
    name: CONTRIBUTION,
    description: '本公司运营的社区便民服务点名称与地址。',
    licence: 'CC BY 4.0',
    updateCycle: '每月',
    sourceNote: '本公司运营记录',
    csv: 'name,address\n解放碑服务点,渝中区民族路 1 号\n较场口服务点,渝中区较场口 2 号\n',
  });
  expect(sent.status, await sent.clone().text()).toBe(201);
}

beforeAll(async () => {
  ({ server, page } = fixture);
  await publicUserTakesPart();
  await organisationPublishes();
});

/** The row of a report in the requests table. */
const reportRow = (statement: string) =>
  page.getByTestId('participation-requests-table').locator('tr', { hasText: statement });

describe('public participation in the console', () => {
  it('another department sees none of the reports; an auditor gets the 403 page', async () => {
    await ui.signIn(page, server, 'market.officer');
    await ui.openMenu(page, '数据开放', '公众诉求', /\/console\/opening\/requests/);
    const table = page.getByTestId('participation-requests-table');
    await table.getByText('暂无公众诉求').waitFor();
    expect(await table.locator('tr', { hasText: DATASET }).count()).toBe(0);
    // Its address leads nowhere: the server answers 404 and the drawer says so.
    await page.goto(`${server.baseUrl}/console/opening/requests?request=${reportIds[0]}`);
    const drawer = page.getByTestId('request-drawer');
    await drawer.locator('.ant-alert-error').waitFor();
    expect(await drawer.getByTestId('request-facts').count()).toBe(0);
    await ui.signOut(page, server);

    await ui.signIn(page, server, 'auditor');
    expect(await page.getByTestId('side-menu').getByText('公众诉求', { exact: true }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/console/opening/requests`);
    await page.getByText('无权访问').waitFor();
    await ui.signOut(page, server);
  });

  it('the provider sees the reports with due dates and answers one, a blank answer refused first', async () => {
    await ui.signIn(page, server, 'police.officer');
    await ui.openMenu(page, '数据开放', '公众诉求', /\/console\/opening\/requests/);
    const row = reportRow(FIRST_REPORT);
    await row.waitFor();
    expect(await reportRow(SECOND_REPORT).count()).toBe(1);
    expect(await row.textContent()).toContain('数据校核');
    expect(await row.textContent()).toContain('吴反馈');
    expect(await row.textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await row.textContent()).toMatch(/剩 \d+ 个工作日/);
    // Narrowed to the dataset (the picker offers the own department's open data): both stay, alone.
    const narrowed = page.waitForResponse(
      (response) =>
        response.url().includes('/open/participation/requests?') &&
        response.url().includes(`resourceId=${datasetId}`),
    );
    await ui.choose(page, 'filter-dataset', DATASET, DATASET);
    expect((await narrowed).status()).toBe(200);
    await row.waitFor();
    const rows = page.getByTestId('participation-requests-table').locator('tbody tr.ant-table-row');
    for (const text of await rows.allTextContents()) expect(text).toContain(DATASET);

    await row.getByTestId('request-open').click();
    const drawer = page.getByTestId('request-drawer');
    const facts = drawer.getByTestId('request-facts');
    await facts.waitFor();
    expect(await facts.textContent()).toContain(FIRST_REPORT);
    expect(await facts.textContent()).toContain('第 3 条记录');
    await expect
      .poll(() => facts.getByTestId('request-fields').textContent())
      .toContain(`${firstItem.name}（`);
    expect(await drawer.getByTestId('request-rule').textContent()).toMatch(/答复期限：\d+ 个工作日/);
    await drawer.getByTestId('request-history').waitFor();

    // Empty: refused in the browser. Blank: refused by the server, beside the same field.
    await drawer.getByTestId('answer-submit').click();
    await expect
      .poll(() => ui.fieldError(page, 'participation-answer_answer').textContent())
      .toBe('请填写答复内容');
    await page.locator('#participation-answer_answer').fill('   ');
    await drawer.getByTestId('answer-submit').click();
    await expect
      .poll(() => ui.fieldError(page, 'participation-answer_answer').textContent())
      .toBe('此项不能为空');

    await page.locator('#participation-answer_answer').fill(ANSWER);
    await drawer.getByTestId('answer-submit').click();
    const answer = drawer.getByTestId('request-answer');
    await answer.waitFor();
    expect(await answer.textContent()).toContain(ANSWER);
    expect(await answer.textContent()).toContain('采纳');
    expect(await drawer.getByTestId('answer-form-section').count()).toBe(0);
    expect(await facts.getByTestId('participation-state').textContent()).toBe('已采纳');
    await page.screenshot({ path: screenshotPath('open-participation-console-request.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    // The list starts on what waits: the answered report has left it.
    await expect.poll(() => reportRow(FIRST_REPORT).count()).toBe(0);
  });

  it('a colleague answering first is said plainly (409), with the colleague’s answer shown', async () => {
    await reportRow(SECOND_REPORT).getByTestId('request-open').click();
    const drawer = page.getByTestId('request-drawer');
    await drawer.getByTestId('answer-form-section').waitFor();
    const head = await apiSession('police.head', server.demoPassword);
    const answered = await head(`/open/participation/requests/${reportIds[1]}/answer`, {
      decision: 'reject',
      answer: '地址以民政部门的最新公告为准，暂不修改。',
    });
    expect(answered.status, await answered.clone().text()).toBe(200);

    await page.locator('#participation-answer_answer').fill(ANSWER);
    await drawer.getByTestId('answer-submit').click();
    const conflict = drawer.getByTestId('answer-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('已被答复');
    const answer = drawer.getByTestId('request-answer');
    await answer.waitFor();
    expect(await answer.textContent()).toContain('地址以民政部门的最新公告为准');
    expect(await answer.textContent()).toContain('不予采纳');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  it('the provider hides the comment with a reason (not without one)', async () => {
    await ui.openMenu(page, '数据开放', '评论管理', /\/console\/opening\/comments/);
    const row = page.getByTestId('comments-table').locator('tr', { hasText: COMMENT });
    await row.waitFor();
    await row.getByTestId('comment-hide').click();
    const dialog = page.locator(ui.SETTLED('.ant-modal'));
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(COMMENT);
    await dialog.getByTestId('form-submit').click();
    await expect.poll(() => ui.fieldError(page, 'comment-hide_reason').textContent()).toBe('请填写屏蔽理由');
    await page.locator('#comment-hide_reason').fill('含有广告和引流信息');
    await dialog.getByTestId('form-submit').click();
    await page.locator('.ant-modal:visible').first().waitFor({ state: 'hidden' });

    const hidden = row.getByTestId('comment-hidden');
    await hidden.waitFor();
    expect(await hidden.textContent()).toContain('含有广告和引流信息');
    expect(await row.getByTestId('comment-hide').count()).toBe(0);
    // The public no longer sees it.
    const feedback = (await (
      await fetch(`${server.baseUrl}/api/v1/open/datasets/${datasetId}/feedback`)
    ).json()) as { comments: { items: { text: string }[] } };
    expect(feedback.comments.items.map((comment) => comment.text)).not.toContain(COMMENT);
    await page.screenshot({
      path: screenshotPath('open-participation-console-comments.png'),
      fullPage: true,
    });
  });
});

describe('the authority reviews what the public publishes', () => {
  /** Confirms the open popconfirm by its 通过 button. */
  const confirmApproval = () =>
    page
      .locator(ui.SETTLED('.ant-popover'))
      .getByRole('button', { name: /通\s?过/ })
      .click();

  it('approves one showcase entry and rejects the other, not without a reason', async () => {
    await ui.signOut(page, server);
    await ui.signIn(page, server, 'authority');
    await ui.openMenu(page, '数据开放', '应用展示审核', /\/console\/opening\/showcase/);
    const rowOf = (name: string) => page.getByTestId('showcase-table').locator('tr', { hasText: name });
    await rowOf(SHOWN.name).waitFor();
    // The address is its own text, and opens in a new window without an opener.
    const link = rowOf(SHOWN.name).getByTestId('external-link');
    expect(await link.textContent()).toBe(SHOWN.url);
    expect(await link.getAttribute('href')).toBe(SHOWN.url);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');

    await rowOf(REFUSED.name).getByTestId('showcase-reject').click();
    const dialog = page.locator(ui.SETTLED('.ant-modal'));
    await dialog.waitFor();
    await dialog.getByTestId('form-submit').click();
    await expect
      .poll(() => ui.fieldError(page, 'showcase-reject_reason').textContent())
      .toBe('不予展示时须说明理由');
    await page.locator('#showcase-reject_reason').fill('与开放数据无关，含诱导性内容');
    await dialog.getByTestId('form-submit').click();
    await expect.poll(() => rowOf(REFUSED.name).count()).toBe(0);

    await rowOf(SHOWN.name).getByTestId('showcase-approve').click();
    await confirmApproval();
    await page.getByTestId('showcase-table').getByText('暂无待审核的应用展示').waitFor();
    const shown = (await (await fetch(`${server.baseUrl}/api/v1/open/showcase`)).json()) as {
      items: { name: string }[];
    };
    expect(shown.items.map((entry) => entry.name)).toContain(SHOWN.name);
    expect(shown.items.map((entry) => entry.name)).not.toContain(REFUSED.name);
    // The submitter reads the reason.
    const mine = (await (await caller('/open/me/showcase')).json()) as {
      items: { name: string; reviewReason: string | null }[];
    };
    expect(mine.items.find((entry) => entry.name === REFUSED.name)?.reviewReason).toBe(
      '与开放数据无关，含诱导性内容',
    );
  });

  it("reads an organisation's dataset with its first rows and approves it", async () => {
    await ui.openMenu(page, '数据开放', '多源数据审核', /\/console\/opening\/contributions/);
    const row = page.getByTestId('contributions-table').locator('tr', { hasText: CONTRIBUTION });
    await row.waitFor();
    expect(await row.textContent()).toContain('2 行 × 2 列');
    await row.getByTestId('contribution-open').click();
    const drawer = page.getByTestId('contribution-drawer');
    await drawer.getByTestId('contribution-preview').getByText('渝中区民族路 1 号').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    await row.getByTestId('contribution-reject').click();
    const dialog = page.locator(ui.SETTLED('.ant-modal'));
    await dialog.getByTestId('form-submit').click();
    await expect
      .poll(() => ui.fieldError(page, 'contribution-reject_reason').textContent())
      .toBe('不予通过时须说明理由');
    await dialog.getByRole('button', { name: /取\s?消/ }).click();
    await page.locator('.ant-modal:visible').first().waitFor({ state: 'hidden' });

    await row.getByTestId('contribution-approve').click();
    await confirmApproval();
    await page.getByTestId('contributions-table').getByText('暂无待审核的数据').waitFor();
    const open = (await (await fetch(`${server.baseUrl}/api/v1/open/contributions`)).json()) as {
      name: string;
    }[];
    expect(open.map((item) => item.name)).toContain(CONTRIBUTION);
  });
});
