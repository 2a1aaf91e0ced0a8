import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { ensureWebBuild } from '../../scripts/ensure-web-build.ts';
import { launchBrowser, screenshotPath, type Browser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/** What a browser test file works with: the running platform, the browser and its page. */
export interface ConsoleFixture {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * Starts the platform (on a copy of the run's seeded PGlite, see e2e/global-setup.ts) and a
 * headless Chromium once for the test file, takes a screenshot of a failed test, and stops both at
 * the end. Call it at the top level of the file; read `fixture.page` etc. inside the tests.
 */
export function useConsole(name: string, timeoutMs = 20_000): ConsoleFixture {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    console.log(await ensureWebBuild());
    server = await startServer({ copyFrom: inject('e2eTemplate') });
    browser = await launchBrowser();
    browser.page.setDefaultTimeout(timeoutMs);
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && browser) {
      await browser.page.screenshot({
        path: screenshotPath(`failed-${name}-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`),
        fullPage: true,
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('useConsole: the server and browser start in beforeAll');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    get page() {
      return started(browser).page;
    },
  };
}

/**
 * A popup that is open and has finished moving: a click during antd's opening animation (its
 * `-appear` / `-enter` classes; `-leave` while closing) can land on an element that is still
 * sliding in and get lost.
 */
export const SETTLED = (popup: string) =>
  `${popup}:visible:not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])`;

/**
 * Picks an option of an antd Select by typing into it and pressing Enter once the matching option
 * is active: clicking an option while the filtered list re-renders can miss it.
 */
export async function choose(page: Page, selectId: string, search: string, optionText: string) {
  const input = page.locator(`#${selectId}`);
  await input.click();
  await input.fill(search);
  await page
    .locator(`${SETTLED('.ant-select-dropdown')} .ant-select-item-option-active`, { hasText: optionText })
    .waitFor();
  await input.press('Enter');
  // Until no dropdown shows: another select's dropdown may still be sliding out beside this one.
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}

/**
 * Opens a dropdown menu (by the test id of its trigger) and picks an entry once it has settled. A
 * click on the trigger right after a page renders can be lost in headless Chromium, so the trigger
 * is clicked again until the menu shows.
 */
export async function pickFromMenu(page: Page, triggerTestId: string, entry: string) {
  const option = page.locator(SETTLED('.ant-dropdown')).getByText(entry, { exact: true });
  for (let attempt = 0; ; attempt++) {
    await page.getByTestId(triggerTestId).click();
    try {
      await option.waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  // The menu closes once the entry is taken; if it stays open the click was lost.
  for (let attempt = 0; ; attempt++) {
    await option.click();
    try {
      await option.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Fills the login form and submits it (on the login page). */
export async function fillLogin(page: Page, username: string, password: string) {
  await page.locator('#login_username').fill(username);
  await page.locator('#login_password').fill(password);
  await page.getByTestId('login-submit').click();
}

/**
 * Signs in as a demo user (the demo password) from anywhere and waits until the console home has
 * rendered: a click made before that can be undone by the login page's own move to /console.
 */
export async function signIn(page: Page, server: RunningServer, username: string) {
  await page.goto(`${server.baseUrl}/login`);
  await fillLogin(page, username, username === 'admin' ? server.adminPassword : server.demoPassword);
  await page.waitForURL(`${server.baseUrl}/console`);
  await page.getByTestId('welcome').waitFor();
}

/**
 * Signs out through the account menu (Chinese UI) and waits for the login page. A click on the
 * menu entry can be lost while the page below still moves (seen on busy machines: the menu stays
 * open), so the menu is closed and the entry picked again.
 */
export async function signOut(page: Page, server: RunningServer) {
  // A drawer left open masks the header, as it would for a user: close it first.
  const drawer = page.locator('.ant-drawer-open');
  if (await drawer.count()) {
    await page.keyboard.press('Escape');
    await drawer.first().waitFor({ state: 'detached' });
  }
  for (let attempt = 0; ; attempt++) {
    await pickFromMenu(page, 'account-menu', '退出登录');
    try {
      await page.waitForURL(`${server.baseUrl}/login`, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
      await page.locator('.ant-dropdown:visible').first().waitFor({ state: 'hidden' });
    }
  }
}

/**
 * Opens an entry of a group of the side menu (e.g. group 数据目录, entry 需求清单) and waits for its
 * page. A click while the group is still unfolding can be lost, so it is repeated until the address
 * changes.
 */
export async function openMenu(page: Page, group: string, entry: string, path: RegExp) {
  const menu = page.getByTestId('side-menu');
  const item = menu.getByText(entry, { exact: true });
  if (!(await item.isVisible())) await menu.getByText(group, { exact: true }).click();
  for (let attempt = 0; ; attempt++) {
    await item.click();
    try {
      await page.waitForURL(path, { timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The error text shown under a form field (found by the id of its input). */
export const fieldError = (page: Page, inputId: string) =>
  page
    .locator('.ant-form-item', { has: page.locator(`#${inputId}`) })
    .locator('.ant-form-item-explain-error')
    .first();
