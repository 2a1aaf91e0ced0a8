// `npm run dev`: the API under `tsx watch` (restarts on server changes) and Vite's dev server (hot reload
// of the web UI) proxying /api, /health and /ready to it. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.PORT ?? '8080';
process.env.ZHENGSHU_API_URL ??= `http://127.0.0.1:${apiPort}`;

const tsx = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const api = spawn(tsx, ['watch', '--clear-screen=false', 'server/src/main.ts'], {
  cwd: ROOT,
  env: { ...process.env, PORT: apiPort },
  stdio: 'inherit',
  shell: process.platform === 'win32',
});

const { createServer } = await import('vite');
const web = await createServer({ configFile: path.join(ROOT, 'web', 'vite.config.ts') });
await web.listen();
console.log(`\nAPI: ${process.env.ZHENGSHU_API_URL} (tsx watch)   web UI with hot reload:`);
web.printUrls();

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (api.exitCode === null) api.kill('SIGTERM');
  await web.close().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
api.on('exit', (code) => {
  if (!stopping) {
    console.error(`API process ended (exit code ${code ?? 'signal'}); stopping the web dev server too`);
    void stop(code ?? 1);
  }
});
