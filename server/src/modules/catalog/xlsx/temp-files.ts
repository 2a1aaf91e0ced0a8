// Temporary files of uploads and exports: each in a folder of its own under the system's temp
// directory, removed with that folder when the response is done.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Makes a fresh temporary folder and returns the path of `name` inside it (not yet created). */
export async function temporaryFile(name: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zs-xlsx-'));
  return path.join(dir, name);
}

/** Removes a file made by `temporaryFile`, with its folder. */
export async function removeTemporary(file: string): Promise<void> {
  await fs.rm(path.dirname(file), { recursive: true, force: true });
}
