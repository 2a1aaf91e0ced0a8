// The console in a real browser against the real server: sign in, organisation management with
// field errors, language switch, sign out, and the return to where one was after a 401.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../server/src/test/factories.ts';
import { screenshotPath, type Browser } from './support/browser.ts';
import { choose, fillLogin, pickFromMenu, SETTLED, useConsole } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = useConsole('console', 15_000);
let server: RunningServer;
let browser: Browser;
let page: Page;
beforeAll(() => {
  ({ server, browser, page } = fixture);
});

const signIn = (username: string, password: string) => fillLogin(page, username, password);

describe('console', () => {
  it('signs in, manages departments, shows field errors, speaks English and signs out', async () => {
    // Not signed in: the console sends us to the login page.
    await page.goto(`${server.baseUrl}/console`);
    await page.waitForURL(/\/login\?next=%2Fconsole$/);
    await page.locator('h4', { hasText: '用户登录' }).waitFor();

    // A wrong password is refused with the server's Chinese message.
    await signIn('admin', 'not-the-password');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');

    await signIn('admin', server.adminPassword);
    await page.waitForURL(`${server.baseUrl}/console`);
    await expect.poll(() => page.getByTestId('welcome').textContent()).toContain('您好');
    const menu = page.getByTestId('side-menu');
    for (const label of ['首页', '数据目录', '组织机构', '审计日志', 'API 密钥']) {
      await expect.poll(() => menu.getByText(label, { exact: true }).first().isVisible()).toBe(true);
    }
    await page.getByTestId('count-departments').locator('.ant-statistic-content-value').waitFor();
    await page.screenshot({ path: screenshotPath('console-home-zh.png') });

    // Organisation → departments, from the side menu.
    await menu.getByText('部门', { exact: true }).click();
    await page.waitForURL(/\/console\/org\/departments$/);
    await page.locator('h3', { hasText: '部门' }).waitFor();

    // Create a department with a valid credit code; it shows up in the list.
    const name = `端到端测试局${Date.now() % 1_000_000}`;
    const creditCode = makeCreditCode();
    await page.getByTestId('department-create').click();
    await page.locator('#department_name').fill(name);
    await page.locator('#department_shortName').fill('测试局');
    await page.locator('#department_creditCode').fill(creditCode);
    await choose(page, 'department_regionId', '500000', '重庆市（500000）');
    await page.getByTestId('form-submit').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByPlaceholder('名称、简称或信用代码').fill(name);
    await page.getByPlaceholder('名称、简称或信用代码').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain(creditCode);

    // A mistyped credit code (wrong check character) gets an error under the field, not a request.
    await page.getByTestId('department-create').click();
    await page.locator('#department_name').fill(`${name}（二）`);
    const wrongCheck = creditCode.slice(0, 17) + (creditCode[17] === '0' ? '1' : '0');
    await page.locator('#department_creditCode').fill(wrongCheck);
    await choose(page, 'department_regionId', '500000', '重庆市（500000）');
    await page.getByTestId('form-submit').click();
    const fieldError = page.locator('.ant-form-item-has-error', {
      has: page.locator('#department_creditCode'),
    });
    await expect
      .poll(() => fieldError.locator('.ant-form-item-explain-error').textContent())
      .toContain('统一社会信用代码不正确');
    await page.screenshot({ path: screenshotPath('console-department-error-zh.png') });
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });

    // A refusal that only the server can make (password rules) lands under its field too.
    await pickFromMenu(page, 'account-menu', '修改密码');
    await page.waitForURL(/\/console\/settings$/);
    await page.locator('#password_currentPassword').fill(server.adminPassword);
    await page.locator('#password_newPassword').fill('abcdefghij');
    await page.locator('#password_confirmPassword').fill('abcdefghij');
    await page.getByTestId('password-submit').click();
    const passwordError = page.locator('.ant-form-item-has-error', {
      has: page.locator('#password_newPassword'),
    });
    await expect
      .poll(() => passwordError.locator('.ant-form-item-explain-error').textContent())
      .toContain('三类');

    // English: labels switch, and the server answers in English too.
    await pickFromMenu(page, 'language-switch', 'English');
    await expect.poll(() => menu.getByText('Departments', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('h3').first().textContent()).toBe('My Account');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('password-submit').click();
    await expect
      .poll(() => passwordError.locator('.ant-form-item-explain-error').textContent())
      .toContain('three');
    await menu.getByText('Departments', { exact: true }).click();
    await page.locator('h3', { hasText: 'Departments' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'Unified social credit code' }).isVisible())
      .toBe(true);
    await page.screenshot({ path: screenshotPath('console-departments-en.png') });

    // Sign out: back on the login page, still in English.
    await pickFromMenu(page, 'account-menu', 'Sign out');
    await page.waitForURL(`${server.baseUrl}/login`);
    await expect.poll(() => page.locator('h4', { hasText: 'Sign in' }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('login-en.png') });

    expect(browser.problems).toEqual([]);
  });

  it('returns to the page one was on after signing in again', async () => {
    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}/console/org/users`);
    await page.waitForURL(/\/login\?next=%2Fconsole%2Forg%2Fusers$/);
    await signIn('admin', server.adminPassword);
    await page.waitForURL(`${server.baseUrl}/console/org/users`);
    await page.locator('.ant-table-row', { hasText: 'police.officer' }).waitFor();

    // The session ends behind the console's back (here: signed out elsewhere); the next call gets
    // a 401 and the console asks to sign in again, remembering the page.
    await page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
    });
    await page
      .getByRole('button', { name: /Refresh|刷新/ })
      .first()
      .click();
    await page.waitForURL(/\/login\?next=%2Fconsole%2Forg%2Fusers$/);
    expect(browser.problems).toEqual([]);
  });

  it('lets a department officer issue and revoke an API key, and an auditor trace and export it', async () => {
    // A new visitor: no session, no language chosen (the first test switched to English).
    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}/login`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await signIn('police.officer', server.demoPassword);
    await page.waitForURL(`${server.baseUrl}/console`);

    // Issue a key: it is shown once, and it works for the department's system.
    await page.getByTestId('side-menu').getByText('API 密钥', { exact: true }).click();
    await page.waitForURL(/\/console\/api-keys$/);
    await page.getByRole('button', { name: /新建密钥/ }).click();
    await page.locator('#apiKey_application').fill('户籍查询系统');
    await page.getByTestId('form-submit').click();
    const key = await page.getByTestId('secret-value').inputValue();
    expect(key).toMatch(/^zsk_/);
    const asSystem = () =>
      fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${key}` } });
    expect((await asSystem()).status).toBe(200);
    await page.getByTestId('secret-close').click();

    // Revoke it after confirming: the system is refused from then on.
    const row = page.locator('.ant-table-row', { hasText: '户籍查询系统' });
    await row.getByRole('button', { name: /吊销/ }).click();
    await page
      .locator(SETTLED('.ant-modal-confirm'))
      .getByRole('button', { name: /吊\s*销/ })
      .click();
    await expect.poll(() => row.textContent()).toContain('已吊销');
    expect((await asSystem()).status).toBe(401);
    await pickFromMenu(page, 'account-menu', '退出登录');
    await page.waitForURL(`${server.baseUrl}/login`);

    // The auditor finds both acts in the audit trail and exports them.
    await signIn('auditor', server.demoPassword);
    await page.waitForURL(`${server.baseUrl}/console`);
    await page.getByTestId('side-menu').getByText('审计日志', { exact: true }).click();
    await page.waitForURL(/\/console\/audit$/);
    // Action filter by prefix: every API key act.
    await page.locator('#action').fill('apikey.');
    await page.locator('#action').press('Escape');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.locator('.ant-table-row', { hasText: '吊销 API 密钥' }).waitFor();
    await page.locator('.ant-table-row', { hasText: '新建 API 密钥' }).waitFor();
    await page.screenshot({ path: screenshotPath('audit-apikeys-zh.png') });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 CSV/ }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('apikey.revoke');
    expect(csv).toContain('police.officer');
    expect(csv).not.toContain('auth.login,');
    expect(browser.problems).toEqual([]);
  });
});
