import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); override with CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions the page produced. */
  problems: string[];
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile (no cookies, no localStorage). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}; install it with: apt-get update && apt-get install -y chromium`,
    );
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengshu-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale: 'zh-CN',
    // The officers the tests play sit in China: the date pickers' "today" must be the server's
    // (todayInChina), or a test run after 16:00 UTC picks yesterday and is refused.
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every 4xx answer (e.g. the 401 of /auth/me before signing in, a 400 the test
    // provokes); those are expected. Script errors are not.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(message.text());
    }
  });
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go (gitignored). */
export function screenshotPath(name: string): string {
  const dir = path.resolve('test-results');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
