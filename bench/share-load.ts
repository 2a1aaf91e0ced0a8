// The load generator of the sharing benches, run as a child process so that the load does not run
// on the server's event loop: closed loop for the peak rate (wrk where installed, else node:http
// keep-alive agents), open loop at a fixed rate for latency (raw sockets, open-loop.ts; measured
// from each request's scheduled time, so queueing counts), and a download read at full speed or
// slowly.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { summary, type LoadResult } from './load-result.ts';
import { openLoop } from './open-loop.ts';
import { wrkAvailable, wrkClosed } from './wrk.ts';

/** Closed loop: `connections` callers each sending the next request when the last one answered. */
export interface ClosedJob {
  mode: 'closed';
  port: number;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  durationMs: number;
}

/** Open loop: `rate` requests a second on schedule, over at most `connections` sockets. */
export interface OpenJob extends Omit<ClosedJob, 'mode'> {
  mode: 'open';
  rate: number;
}

/** One download: read the whole body, or at `bytesPerSecond` for at most `maxMs`. */
export interface DownloadJob {
  mode: 'download';
  port: number;
  path: string;
  headers: Record<string, string>;
  bytesPerSecond?: number;
  maxMs?: number;
}

export type { LoadResult } from './load-result.ts';

type Job = ClosedJob | OpenJob | DownloadJob;
const CHILD = 'ZS_SHARE_LOAD_JOB';

function get(agent: http.Agent, port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', (error) => resolve({ status: 0, body: error.message }));
  });
}

async function closed(job: ClosedJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + job.durationMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (performance.now() < deadline) {
        const path = job.paths[next++ % job.paths.length]!;
        const sent = performance.now();
        const { status, body } = await get(agent, job.port, path, job.headers);
        latencies.push(performance.now() - sent);
        if (status !== 200) {
          errors += 1;
          firstError ??= `${status} ${body.slice(0, 300)}`;
        }
      }
    }),
  );
  const ms = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return summary(latencies, errors, ms, firstError);
}

function download(job: DownloadJob): Promise<LoadResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    let bytes = 0;
    let lines = 0;
    let status = 0;
    const finish = (error?: string) =>
      resolve({
        ...summary([], status === 200 && !error ? 0 : 1, performance.now() - started, error),
        count: 1,
        bytes,
        lines,
      });
    const request = http.get(
      { host: '127.0.0.1', port: job.port, path: job.path, headers: job.headers },
      (response) => {
        status = response.statusCode ?? 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
          if (job.bytesPerSecond) {
            // Read no faster than the rate: pause until the bytes so far are due.
            const due = (bytes / job.bytesPerSecond) * 1000 - (performance.now() - started);
            if (due > 0) {
              response.pause();
              setTimeout(() => response.resume(), due);
            }
          }
          if (job.maxMs && performance.now() - started > job.maxMs) {
            request.destroy();
            finish();
          }
        });
        response.on('end', () => finish(status === 200 ? undefined : `status ${status}`));
      },
    );
    request.on('error', (error) => finish(error.message));
  });
}

/** Which program generates the closed-loop load (for the benches' notes). */
export const closedLoader = () => (wrkAvailable() ? 'wrk -t 1' : 'a Node child process');

/** Runs a job in a child process (wrk for a closed loop where installed) and returns what it measured. */
export function runLoad(job: Job): Promise<LoadResult> {
  if (job.mode === 'closed' && wrkAvailable()) return wrkClosed(job);
  // The job (thousands of paths) goes through a file: the environment has a size limit.
  const file = path.join(
    os.tmpdir(),
    `zs-share-load-${process.pid}-${crypto.randomBytes(4).toString('hex')}.json`,
  );
  fs.writeFileSync(file, JSON.stringify(job));
  return new Promise<LoadResult>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, [CHILD]: file },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
      else reject(new Error(`load child exited with ${code}: ${out}`));
    });
  }).finally(() => fs.rmSync(file, { force: true }));
}

const jobFile = process.env[CHILD];
if (jobFile) {
  const parsed = JSON.parse(fs.readFileSync(jobFile, 'utf8')) as Job;
  const result =
    parsed.mode === 'closed'
      ? await closed(parsed)
      : parsed.mode === 'open'
        ? await openLoop(parsed)
        : await download(parsed);
  console.log(JSON.stringify(result));
  process.exit(0);
}
