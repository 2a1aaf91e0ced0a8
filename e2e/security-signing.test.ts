// Signatures (数字签名) in a real browser against the real server: an officer opens 安全管理 → 数字签名,
// sees the platform's current public key (its id, algorithm, SM2 user id and PEM, the same as the
// key the server signs with), checks a signed record picked as a file (valid: signing time, key and
// signed content shown), then the same record with one value altered and one naming a key the
// platform never published (both refused, with the server's reason), and text that is not a signed
// file (refused beside the field before sending).
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signWithKey } from '../server/src/platform/crypto/envelope.ts';
import { parseSigningKey, type SigningKey } from '../server/src/platform/crypto/signing.ts';
import * as ui from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('security-signing');
let server: RunningServer;
let page: Page;
// Every test server starts on a copy of the seeded template, its development signing key included:
// this is the key the server signs with (see e2e/support/server.ts).
let key: SigningKey;
beforeAll(() => {
  ({ server, page } = fixture);
  key = parseSigningKey(fs.readFileSync(`${inject('e2eTemplate')}-keys/signing-sm2.pem`, 'utf8'));
});

/** A shared record as the platform hands it out (`?signed=true`): the envelope around it. */
const record = {
  resource: '人口基本信息',
  key: '500101199001011234',
  fields: { xm: '张*', xb: '1', csrq: '1990' },
};

const card = () => page.getByTestId('signing-verify');
const check = () => card().getByRole('button', { name: '验证签名' }).click();

/** Pastes a text into the envelope field, checks it and waits for the verdict or the field error. */
async function pasteAndCheck(text: string) {
  await page.locator('#envelope').fill(text);
  await check();
}

describe('signatures in the console', () => {
  it('shows the current public key, the one the server signs with', async () => {
    await ui.signIn(page, server, 'police.officer');
    await ui.openMenu(page, '安全管理', '数字签名', /\/console\/security\/signing$/);
    const shown = page.getByTestId('signing-key');
    await shown.first().waitFor();
    expect(await shown.count()).toBe(1);
    const text = (await shown.first().textContent()) ?? '';
    expect(text).toContain('当前使用');
    expect(text).toContain('SM2 数字签名（SM3 杂凑）');
    expect(text).toContain('1234567812345678');
    expect(await shown.first().getByTestId('signing-key-id').textContent()).toBe(key.keyId);
    expect(await shown.first().getByTestId('signing-key-pem').textContent()).toBe(key.publicKeyPem.trim());
  });

  it('checks a signed record picked as a file: valid, with when, by which key and what was signed', async () => {
    const envelope = signWithKey(key, record);
    await card()
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'record.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(envelope, null, 2)),
      });
    await card().getByText('已读入 record.json').waitFor();
    await expect.poll(() => page.locator('#envelope').inputValue()).toContain('"signature"');
    await check();
    const valid = page.getByTestId('signing-valid');
    await valid.waitFor();
    const text = (await valid.textContent()) ?? '';
    expect(text).toContain('签名有效：该文件由本平台签发，签发后未被改动');
    expect(text).toContain(key.keyId);
    expect(text).toContain('当前使用');
    expect(text).toContain(envelope.signedAt.slice(0, 4));
    const payload = JSON.parse((await valid.getByTestId('signing-payload').textContent()) ?? '') as unknown;
    expect(payload).toEqual(record);
  });

  it('refuses the same record with one value altered, and one naming a key never published', async () => {
    const envelope = signWithKey(key, record);
    const altered = { ...envelope, payload: { ...record, fields: { ...record.fields, csrq: '1991' } } };
    await pasteAndCheck(JSON.stringify(altered));
    const invalid = page.getByTestId('signing-invalid');
    await invalid.waitFor();
    expect(await invalid.textContent()).toContain('签名无效');
    expect(await invalid.textContent()).toContain('签名验证未通过：签名后数据已被改动');
    expect(await page.getByTestId('signing-valid').count()).toBe(0);

    const stranger = { ...envelope, keyId: 'sm3:00112233445566778899aabbccddeeff' };
    await pasteAndCheck(JSON.stringify(stranger));
    await invalid
      .getByText('签名所用的密钥 sm3:00112233445566778899aabbccddeeff 不是本平台发布的签名密钥')
      .waitFor();

    // The untouched record still verifies: the refusals were about the changes.
    await pasteAndCheck(JSON.stringify(envelope));
    await page.getByTestId('signing-valid').waitFor();
    expect(await invalid.count()).toBe(0);
  });

  it('refuses text that is not a signed file beside the field, before sending it', async () => {
    await pasteAndCheck('这不是签名文件');
    await ui.fieldError(page, 'envelope').getByText('内容不是有效的 JSON', { exact: false }).waitFor();
    expect(await page.getByTestId('signing-valid').count()).toBe(0);
    await pasteAndCheck('[1, 2]');
    await ui.fieldError(page, 'envelope').getByText('签名文件应为一个 JSON 对象（以 { 开头）').waitFor();
    await page.locator('#envelope').fill('');
    await check();
    await ui.fieldError(page, 'envelope').getByText('请选择签名文件或粘贴其内容').waitFor();
  });
});
