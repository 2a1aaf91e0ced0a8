import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  adminPassword: string;
  demoPassword: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** How a server starts: from a copy of a seeded data directory, and whether its data outlives it. */
export interface StartOptions {
  /** A data directory a stopped server seeded (with its `-keys` sibling): copied, not re-seeded. */
  copyFrom?: string;
  /** Keep the data directory when the server stops (the template itself). */
  keepData?: boolean;
}

/** Copies a data directory and its `-keys` sibling (the development signing key) to a new place. */
function copyDataDir(from: string, to: string) {
  fs.cpSync(from, to, { recursive: true });
  if (fs.existsSync(`${from}-keys`)) fs.cpSync(`${from}-keys`, `${to}-keys`, { recursive: true });
}

/** Removes a data directory and its `-keys` sibling. */
export function removeDataDir(dataDir: string) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}-keys`, { recursive: true, force: true });
}

/**
 * Starts the platform the way a user does (`npx tsx server/src/main.ts`) on a free port with a
 * fresh PGlite directory (or a copy of the run's seeded template) and known passwords, and waits
 * until /ready answers.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer & { dataDir: string }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhengshu-e2e-data-'));
  if (options.copyFrom) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    copyDataDir(options.copyFrom, dataDir);
  }
  const adminPassword = 'E2e-Admin-pass-1';
  const demoPassword = 'E2e-Demo-pass-1';
  let output = '';
  const child: ChildProcess = spawn('npx', ['tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZHENGSHU_DATA_DIR: dataDir,
      ZHENGSHU_ADMIN_PASSWORD: adminPassword,
      ZHENGSHU_DEMO_PASSWORD: demoPassword,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    // Its own process group, so that stopping it also stops the node process npx starts.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timeout = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 10_000);
      await exited;
      clearTimeout(timeout);
    }
    if (!options.keepData) removeDataDir(dataDir);
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with code ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/ready`);
      if (response.ok) return { baseUrl, adminPassword, demoPassword, dataDir, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await stop();
  throw new Error(`the server did not become ready within 180 s:\n${output}`);
}
