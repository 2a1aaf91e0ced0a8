// Builds the web UI (web/dist) when it is missing or older than its sources; `npm start` runs this first.
// Prints one line saying what it did. Exit code 1 only when a build was needed and failed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'web');
const INDEX = path.join(WEB, 'dist', 'index.html');
const SOURCES = [
  path.join(WEB, 'src'),
  path.join(WEB, 'public'),
  path.join(WEB, 'index.html'),
  path.join(WEB, 'portal.html'),
  path.join(WEB, 'vite.config.ts'),
  // The portal's forms check identifiers with the server's own code (GB 11643, GB 32100).
  path.join(ROOT, 'server', 'src', 'platform', 'identifiers'),
];

/** The newest modification time (ms) of a file or of the files below a directory; 0 if absent. */
function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Why the web UI needs building, or null when web/dist is up to date. */
export function staleReason(): string | null {
  if (!fs.existsSync(INDEX)) return 'web/dist/index.html is missing';
  const built = fs.statSync(INDEX).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(source) > built);
  return changed ? `${path.relative(ROOT, changed)} changed since the last build` : null;
}

/** Builds web/dist if needed; returns what happened, in one line. */
export async function ensureWebBuild(options: { force?: boolean } = {}): Promise<string> {
  const reason = options.force ? 'forced' : staleReason();
  if (!reason) return 'web UI is up to date (web/dist)';
  let viteBin: string;
  try {
    viteBin = path.join(
      path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
      'bin',
      'vite.js',
    );
  } catch {
    return `web UI not built (${reason}) and Vite is not installed (npm install without --omit=dev); the API runs without it`;
  }
  const started = Date.now();
  // A separate process with NODE_ENV=production: callers such as Vitest set NODE_ENV=test, which
  // would otherwise give a development build of React and antd.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [viteBin, 'build', '--config', path.join(WEB, 'vite.config.ts'), '--logLevel', 'error'],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with code ${code}\n${output.trim()}`)),
    );
  });
  // Touch index.html so that a source file dated in the future does not trigger a rebuild every time.
  const now = new Date();
  fs.utimesSync(INDEX, now, now);
  return `web UI built into web/dist in ${((Date.now() - started) / 1000).toFixed(1)}s (${reason})`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureWebBuild({ force: process.argv.includes('--force') })
    .then((line) => console.log(line))
    .catch((error: unknown) => {
      console.error(`web UI build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
