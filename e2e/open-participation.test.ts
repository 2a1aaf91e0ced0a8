// Taking part on a dataset page of the open-data portal, in a real browser against the real server:
// a person registers, rates the dataset with the keyboard-usable stars, has a spam comment refused
// beside the text area, posts a comment and sees it, reports a data error and sees the answer's due
// date, and files an objection with evidence (a file that is not what it claims is refused by the
// server and said so); an anonymous visitor sees the comment, the approved showcase entry (its link
// opened apart), and sign-in links instead of forms;
// a public user whose identity is not verified is told why there are no forms; once the data
// authority suspends the dataset, its page says so at the top.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../server/src/platform/identifiers/citizen-id.ts';
import * as ui from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('open-participation');
let server: RunningServer;
let page: Page;

const DATASET = '公交站点信息';
const RUN = Date.now() % 1_000_000;
const USERNAME = `citizen${RUN}`;
const PASSWORD = 'Participate-pass-1';
const COMMENT = `站点数据很实用，建议增加首末班时间。（${RUN}）`;
let datasetId = '';
let datasetPath = '';
let firstItem = { fieldName: '', name: '' };

/** Signs in on the API as a demo user; returns a POST with the session. */
async function apiPost(username: string, password: string) {
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
  return (path: string, body: unknown) =>
    fetch(`${server.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
}

/** A valid citizen ID number (GB 11643) that no other run uses; `year` tells two people apart. */
function citizenId(year = '1988'): string {
  const first17 = `500105${year}05${String(10 + (RUN % 18)).padStart(2, '0')}${String(RUN % 1000).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17)!;
}

beforeAll(async () => {
  ({ server, page } = fixture);
  const search = (await (
    await fetch(`${server.baseUrl}/api/v1/open-catalog/datasets?q=${encodeURIComponent(DATASET)}`)
  ).json()) as { items: { resourceId: string; name: string }[] };
  const entry = search.items.find((item) => item.name === DATASET);
  expect(entry, 'the demo dataset').toBeDefined();
  datasetId = entry!.resourceId;
  datasetPath = `/open/datasets/${datasetId}`;
  const dataset = (await (await fetch(`${server.baseUrl}/api/v1${datasetPath}`)).json()) as {
    items: { fieldName: string; name: string }[];
  };
  firstItem = dataset.items[0]!;
});

describe('taking part on a dataset page', () => {
  it('a person registers, rates, and posts a comment after a spam one is refused beside the field', async () => {
    await page.goto(`${server.baseUrl}/open/register`);
    const form = page.getByTestId('register-natural');
    await form.locator('[name="realName"]').fill('周参与');
    await form.locator('[name="citizenId"]').fill(citizenId());
    await form.locator('[name="mobile"]').fill('13900139001');
    await form.locator('[name="username"]').fill(USERNAME);
    await form.locator('[name="password"]').fill(PASSWORD);
    await form.locator('[name="passwordAgain"]').fill(PASSWORD);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/open\/account\?welcome=1$/);

    await page.goto(`${server.baseUrl}${datasetPath}`);
    const feedback = page.getByTestId('feedback');
    await feedback.waitFor();
    // Four stars by the keyboard: focus the first radio, arrow right three times, then save.
    await page.getByTestId('rating-star-1').focus();
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('rating-star-4').isChecked()).toBe(true);
    await page.getByTestId('rating-save').click();
    await page.getByTestId('rating-saved').waitFor();
    await expect.poll(() => page.getByTestId('rating-average').textContent()).toContain('4.0');
    expect(await page.getByTestId('rating-count').textContent()).toContain('1');

    // Nothing but links: refused by the server, said under the text area, the text kept.
    const spam = 'http://a.example.com http://b.example.com http://c.example.com http://d.example.com';
    await page.getByTestId('field-text').fill(spam);
    await page.getByTestId('comment-submit').click();
    await expect.poll(() => page.getByTestId('error-text').textContent()).toContain('链接');
    expect(await page.getByTestId('field-text').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('field-text').inputValue()).toBe(spam);

    await page.getByTestId('field-text').fill(COMMENT);
    await page.getByTestId('comment-submit').click();
    await page.getByTestId('comment-posted').waitFor();
    const mine = page.getByTestId('comment').filter({ hasText: COMMENT });
    await mine.waitFor();
    expect(await mine.getByTestId('comment-delete').count()).toBe(1);
    // The same comment again within a day is refused beside the field too.
    await page.getByTestId('field-text').fill(COMMENT);
    await page.getByTestId('comment-submit').click();
    await expect.poll(() => page.getByTestId('error-text').textContent()).toContain('相同的评论');
  });

  it('the person reports a data error and sees the due date, then files an objection with evidence', async () => {
    await page.goto(`${server.baseUrl}${datasetPath}`);
    const report = page.getByTestId('report');
    await report.getByTestId('report-tabs').waitFor();
    await report.getByTestId('tab-error').click();
    const errorForm = page.getByTestId('error-report-form');
    // Empty: refused in the browser, beside the statement.
    await page.getByTestId('error-report-submit').click();
    await expect.poll(() => errorForm.getByTestId('error-statement').textContent()).toBe('请填写此项');
    await errorForm.getByTestId('field-statement').fill('部分站点的经纬度与实际位置相差约一公里');
    await errorForm.locator(`input[name="fields"][value="${firstItem.fieldName}"]`).check();
    await errorForm.getByTestId('field-location').fill('站点编号 1001 至 1010');
    await page.getByTestId('error-report-submit').click();
    const sent = page.getByTestId('report-sent');
    await sent.waitFor();
    // The provider answers within the profile's working days: a date is named.
    expect(await sent.getByTestId('report-due').textContent()).toMatch(/答复期限：\d{4}/);
    expect(await sent.getByRole('link').getAttribute('href')).toContain('/open/account');

    await report.getByTestId('tab-objection').click();
    const objection = page.getByTestId('objection-form');
    await objection.waitFor();
    await page.getByTestId('objection-submit').click();
    await expect.poll(() => objection.getByTestId('error-ground').textContent()).toBe('请选择异议理由');
    await objection.locator('input[name="ground"][value="privacy"]').check();
    await objection
      .getByTestId('field-statement')
      .fill('站点附近住户的门牌号被作为站点名称公开，可能泄露个人住址');
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    await objection.getByTestId('field-files').setInputFiles([
      { name: '截图.png', mimeType: 'image/png', buffer: png },
      // Claims to be a PNG but is text: the server checks the bytes and refuses it.
      { name: '改名.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') },
    ]);
    await page.getByTestId('objection-submit').click();
    const filed = page.getByTestId('objection-sent');
    await filed.waitFor();
    expect(await filed.getByTestId('objection-due').textContent()).toContain('立即核实');
    expect(await filed.getByTestId('objection-file-sent').textContent()).toContain('截图.png');
    expect(await filed.getByTestId('objection-file-failed').textContent()).toContain('改名.png');

    await page.getByTestId('portal-sign-out').click();
    await page.waitForURL(`${server.baseUrl}/`);
  });

  it('an anonymous visitor reads the comment and is offered sign-in instead of the forms', async () => {
    // Before the authority approves it, an entry is not shown: the page says so.
    await page.goto(`${server.baseUrl}${datasetPath}`);
    await expect.poll(() => page.getByTestId('showcase').textContent()).toContain('暂无');
    // The person submits a product built on the dataset (API) and the authority approves it.
    const person = await apiPost(USERNAME, PASSWORD);
    const submitted = await person('/open/showcase', {
      name: '公交到站查询小程序',
      description: '按站点查询经停线路。',
      url: 'https://bus.example.com/',
      kind: 'app',
      citation: '数据来源：重庆市公共数据开放平台 公交站点信息',
      resourceIds: [datasetId],
    });
    expect(submitted.status, await submitted.clone().text()).toBe(201);
    const { id: entryId } = (await submitted.json()) as { id: string };
    const authority = await apiPost('authority', server.demoPassword);
    const reviewed = await authority(`/open/showcase/${entryId}/review`, { decision: 'approve' });
    expect(reviewed.status, await reviewed.clone().text()).toBe(200);

    await page.goto(`${server.baseUrl}${datasetPath}`);
    await page.getByTestId('comment').filter({ hasText: COMMENT }).waitFor();
    expect(
      await page.getByTestId('comment').filter({ hasText: COMMENT }).getByTestId('comment-delete').count(),
    ).toBe(0);
    await page.getByTestId('feedback-sign-in').waitFor();
    await page.getByTestId('report-sign-in').waitFor();
    expect(await page.getByTestId('comment-form').count()).toBe(0);
    expect(await page.getByTestId('report-tabs').count()).toBe(0);
    const signIn = page.getByTestId('report-sign-in').getByRole('link').first();
    expect(await signIn.getAttribute('href')).toBe(`/open/login?next=${encodeURIComponent(datasetPath)}`);
    const entry = page.getByTestId('showcase-entry').filter({ hasText: '公交到站查询小程序' });
    const link = entry.getByTestId('showcase-link');
    expect(await link.getAttribute('href')).toBe('https://bus.example.com/');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
  });

  it('a public user whose identity nobody verified is told why there are no forms', async () => {
    // An account an administrator made in the console: a public user whose identity nobody checked.
    const username = `unverified${RUN}`;
    const admin = await apiPost('admin', server.adminPassword);
    const created = await admin('/users', {
      username,
      displayName: '未认证公众',
      role: 'public_user',
      password: PASSWORD,
      personType: 'natural',
      identityNumber: citizenId('1990'),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    await page.goto(`${server.baseUrl}/open/login?next=${encodeURIComponent(datasetPath)}`);
    await page.getByTestId('field-username').fill(username);
    await page.getByTestId('field-password').fill(PASSWORD);
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL(`${server.baseUrl}${datasetPath}`);
    await expect.poll(() => page.getByTestId('feedback-unverified').textContent()).toContain('身份认证');
    expect(await page.getByTestId('report-unverified').textContent()).toContain('身份认证');
    expect(await page.getByTestId('comment-form').count()).toBe(0);
    await page.getByTestId('portal-sign-out').click();
    await page.waitForURL(`${server.baseUrl}/`);
  });

  it('a dataset the authority suspends says so at the top of its page and offers no data', async () => {
    await page.goto(`${server.baseUrl}${datasetPath}`);
    await page.getByTestId('dataset-name').waitFor();
    expect(await page.getByTestId('notice-suspended').count()).toBe(0);
    const authority = await apiPost('authority', server.demoPassword);
    const suspended = await authority(`/open/datasets/${datasetId}/suspension`, {
      reason: '巡检发现疑似未脱敏字段',
    });
    expect(suspended.status, await suspended.clone().text()).toBeLessThan(300);
    await page.reload();
    const notice = page.getByTestId('notice-suspended');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('暂停开放（自');
    expect(await notice.textContent()).toContain('数据主管部门');
    // The handler's reason stays with the handlers.
    expect(await notice.textContent()).not.toContain('未脱敏');
    // The server refuses the data meanwhile, so the page offers none: greyed buttons that say why.
    expect(await page.getByTestId('download-suspended').textContent()).toContain('暂停期间不提供下载');
    expect(await page.getByTestId('download-csv').isDisabled()).toBe(true);
    expect(await page.getByTestId('preview').textContent()).toContain('暂停开放期间不提供数据预览');
  });
});
