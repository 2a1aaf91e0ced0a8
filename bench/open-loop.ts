// The open loop of the sharing benches on raw keep-alive sockets: requests go out on schedule at a
// fixed rate, and each latency counts from the request's scheduled time, so time spent waiting for
// a free connection counts too. node:http's client costs several times the CPU per request of this
// (its parser, agent and objects), and on two cores that CPU is taken from the server under test:
// at the rate of 70 % of a peak measured with wrk, the old client queued behind itself.
import net from 'node:net';
import { summary, type LoadResult } from './load-result.ts';
import type { OpenJob } from './share-load.ts';

const HEADER_END = Buffer.from('\r\n\r\n');

/** One keep-alive connection that runs one request at a time and reports each answer's status. */
class Connection {
  private readonly socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private done?: (status: number, body: string) => void;

  constructor(port: number, onClose: (error: Error) => void) {
    this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', (error) => onClose(error));
  }

  /** Sends one request; `done` gets the status and (for a failure) the body. */
  send(request: Buffer, done: (status: number, body: string) => void) {
    this.done = done;
    this.socket.write(request);
  }

  private read(chunk: Buffer) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const end = this.buffer.indexOf(HEADER_END);
    if (end === -1) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    const total = end + HEADER_END.length + length;
    if (this.buffer.length < total) return;
    const status = Number(head.slice(9, 12));
    const body = status === 200 ? '' : this.buffer.subarray(end + 4, total).toString('utf8');
    this.buffer = this.buffer.subarray(total);
    const done = this.done;
    this.done = undefined;
    done?.(status, body);
  }

  close() {
    this.socket.destroy();
  }
}

/** Runs an open-loop job over `connections` sockets and returns what it measured. */
export async function openLoop(job: OpenJob): Promise<LoadResult> {
  const headers = Object.entries(job.headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const requests = job.paths.map((path) =>
    Buffer.from(`GET ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${headers}\r\n`, 'latin1'),
  );
  let socketError: string | undefined;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const idle = Array.from(
    { length: job.connections },
    () =>
      new Connection(job.port, (error) => {
        socketError ??= error.message;
        finish();
      }),
  );
  const all = [...idle];
  const waiting: { request: Buffer; scheduled: number }[] = [];
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const total = Math.floor((job.rate * job.durationMs) / 1000);
  let answered = 0;

  const start = (connection: Connection, request: Buffer, scheduled: number) =>
    connection.send(request, (status, body) => {
      latencies.push(performance.now() - scheduled);
      if (status !== 200) {
        errors += 1;
        firstError ??= `${status} ${body.slice(0, 300)}`;
      }
      const next = waiting.shift();
      if (next) start(connection, next.request, next.scheduled);
      else idle.push(connection);
      if (++answered === total) finish();
    });

  const started = performance.now();
  const interval = 1000 / job.rate;
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (socketError) break;
    const request = requests[i % requests.length]!;
    const connection = idle.pop();
    if (connection) start(connection, request, scheduled);
    else waiting.push({ request, scheduled });
  }
  if (!socketError && total > 0) await finished;
  const ms = performance.now() - started;
  for (const connection of all) connection.close();
  latencies.sort((a, b) => a - b);
  const failed = socketError ? total - latencies.length : 0;
  return summary(latencies, errors + failed, ms, firstError ?? socketError);
}
