import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './database.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-lock-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('PGlite data directory', () => {
  it('refuses a second opener while the first holds it, and frees it on close', async () => {
    const first = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toThrow(/in use by process/);
    // Another live process holding the directory is refused the same way.
    await first.close();
    fs.writeFileSync(path.join(dir, 'zhengshu.pid'), String(process.ppid));
    await expect(openPglite(dir)).rejects.toThrow(`in use by process ${process.ppid}`);
    fs.unlinkSync(path.join(dir, 'zhengshu.pid'));
    const again = await openPglite(dir);
    await again.close();
    expect(fs.existsSync(path.join(dir, 'zhengshu.pid'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    fs.writeFileSync(path.join(dir, 'zhengshu.pid'), '999999999');
    const database = await openPglite(dir);
    await database.close();
  });
});
