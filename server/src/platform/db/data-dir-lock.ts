import fs from 'node:fs';
import path from 'node:path';

/** The lock file's name inside a data directory. */
export const LOCK_FILE = 'zhengshu.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a PGlite data directory for this process. PGlite is one in-process Postgres: a second
 * process on the same files (a second `npm start`, or a CLI command while the server runs) would
 * corrupt them, so it is refused with a message saying who holds the directory. A lock left by a
 * process that no longer runs is taken over. Returns the function that releases the claim.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(
          `the data directory ${dataDir} is in use by process ${holder} (is Zhengshu already running?). ` +
            'Stop it first, or use a PostgreSQL server (DATABASE_URL) to run several processes.',
        );
      }
      fs.unlinkSync(file);
    }
  }
  throw new Error(`cannot claim the data directory ${dataDir}`);
}
