// The closed-loop load of the sharing benches through wrk (Debian package `wrk`), the load generator
// the issue names: a C program that costs the two cores far less per request than a Node client, so
// more of the machine is left to the server under test (as pgbench's C client leaves it to
// PostgreSQL on the other side of the ratio). Without wrk the Node child of share-load.ts is used.
import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadResult } from './load-result.ts';
import type { ClosedJob } from './share-load.ts';

let installed: boolean | undefined;

/** Whether wrk is installed (asked once) and not switched off (`ZS_BENCH_LOADER=node` forces the Node client). */
export function wrkAvailable(): boolean {
  if (process.env.ZS_BENCH_LOADER === 'node') return false;
  installed ??= wrkInstalled();
  return installed;
}

function wrkInstalled(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'pipe' });
    return true;
  } catch (error) {
    // wrk prints its version and exits 1; only a missing program is "not available".
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** A Lua string literal (paths and header values are ASCII after URL encoding; quotes escaped). */
const lua = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The script: the job's headers on every request, the paths in turn. */
function script(job: ClosedJob): string {
  const headers = Object.entries(job.headers)
    .map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(value)}`)
    .join('\n');
  return `${headers}
local paths = { ${job.paths.map(lua).join(', ')} }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
`;
}

/** A wrk latency figure (`850.00us`, `1.20ms`, `2.00s`) in ms. */
function ms(figure: string): number {
  const match = /^([0-9.]+)(us|ms|s)$/.exec(figure);
  if (!match) throw new Error(`wrk printed an unknown latency: ${figure}`);
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}

/** What wrk printed, as a {@link LoadResult}; refused statuses and socket errors count as errors. */
export function parseWrk(out: string): LoadResult {
  const requests = /(\d+) requests in ([0-9.]+)(ms|s|m)/.exec(out);
  const perSecond = /Requests\/sec:\s+([0-9.]+)/.exec(out);
  if (!requests || !perSecond) throw new Error(`wrk printed no totals: ${out}`);
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out);
    return match ? ms(match[1]!) : 0;
  };
  const refused = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const unit = requests[3] === 'ms' ? 1 : requests[3] === 'm' ? 60_000 : 1000;
  const errors = refused + socketErrors;
  return {
    count: Number(requests[1]),
    errors,
    perSecond: Number(perSecond[1]),
    p50: percentile('50'),
    p99: percentile('99'),
    bytes: 0,
    lines: 0,
    ms: Number(requests[2]) * unit,
    ...(errors > 0 ? { firstError: `wrk: ${refused} refused, ${socketErrors} socket errors` } : {}),
  };
}

/** Runs a closed-loop job with wrk: one thread, `connections` keep-alive connections. */
export async function wrkClosed(job: ClosedJob): Promise<LoadResult> {
  const file = path.join(os.tmpdir(), `zs-wrk-${process.pid}-${crypto.randomBytes(4).toString('hex')}.lua`);
  fs.writeFileSync(file, script(job));
  try {
    const seconds = Math.max(1, Math.round(job.durationMs / 1000));
    const args = ['-t', '1', '-c', String(job.connections), '-d', `${seconds}s`, '--latency', '-s', file];
    const out = await new Promise<string>((resolve, reject) =>
      execFile('wrk', [...args, `http://127.0.0.1:${job.port}`], (error, stdout, stderr) =>
        error ? reject(new Error(`wrk failed: ${stderr || error.message}`)) : resolve(stdout),
      ),
    );
    return parseWrk(out);
  } finally {
    fs.rmSync(file, { force: true });
  }
}
