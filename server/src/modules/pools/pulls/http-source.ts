// Rows from a provider's HTTP API: GET the URL (with the registered header, e.g. a token) and read
// the body as it arrives. JSON lines are read line by line in bounded memory; a JSON array has to
// be parsed whole, so it is accepted up to a size limit (a larger data set should come as lines).
import { AppError } from '../../../platform/errors/app-error.ts';
import { objectRow, type RowSource, type SourceRow } from '../readers.ts';

/** Limits of an API pull. */
export interface HttpLimits {
  /** How long the provider may take to answer with its headers. */
  answerMs: number;
  /** Largest JSON array body, in bytes. */
  arrayBytes: number;
  /** Longest line of JSON lines, in bytes of text. */
  lineBytes: number;
}

/** Defaults: 30 s for the answer, 64 MB for a JSON array, 1 MB a line. */
export const HTTP_LIMITS: HttpLimits = {
  answerMs: 30_000,
  arrayBytes: 64 * 1024 * 1024,
  lineBytes: 1024 * 1024,
};

const fail = (code: string, params: Record<string, unknown>) => new AppError(502, code, params);

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const text = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return text.slice(0, 300);
}

/** Text of a body, chunk by chunk; bytes that are not UTF-8 fail the read. */
function textOf(reader: ReadableStreamDefaultReader<Uint8Array>, counted: (bytes: number) => void) {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let done = false;
  // Resolves to the next piece of text, or null at the end.
  return async (): Promise<string | null> => {
    if (done) return null;
    try {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return decoder.decode();
      }
      counted(next.value.byteLength);
      return decoder.decode(next.value, { stream: true });
    } catch (error) {
      done = true;
      throw fail('pool.pull.read_failed', { reason: causeOf(error) });
    }
  };
}

/**
 * Opens the API's rows: fails with `pool.pull.unreachable` (no answer) or `pool.pull.http_status`
 * (not 2xx) before the first row, which the loader turns into a failed batch.
 */
export async function openHttpSource(
  settings: { url: string; headerName: string | null; secret: string | null },
  fields: string[],
  limits: HttpLimits = HTTP_LIMITS,
): Promise<RowSource> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.answerMs);
  const headers: Record<string, string> = { accept: 'application/x-ndjson, application/json' };
  if (settings.headerName && settings.secret) headers[settings.headerName] = settings.secret;
  let response: Response;
  try {
    response = await fetch(settings.url, { headers, signal: controller.signal });
  } catch (error) {
    throw fail('pool.pull.unreachable', { reason: controller.signal.aborted ? 'timeout' : causeOf(error) });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    throw fail('pool.pull.http_status', { status: response.status });
  }
  const reader = response.body.getReader();
  let bytes = 0;
  const position = new Map(fields.map((field, index) => [field, index]));
  const read = textOf(reader, (n) => (bytes += n));
  async function* text(): AsyncGenerator<string> {
    for (let chunk = await read(); chunk !== null; chunk = await read()) yield chunk;
  }

  async function* fromArray(start: string): AsyncGenerator<SourceRow> {
    let whole = start;
    for await (const chunk of text()) {
      whole += chunk;
      if (bytes > limits.arrayBytes)
        throw fail('pool.pull.too_large', { limit: Math.round(limits.arrayBytes / 1024 / 1024) });
    }
    let value: unknown;
    try {
      value = JSON.parse(whole);
    } catch (error) {
      throw fail('pool.pull.json_syntax', { reason: causeOf(error) });
    }
    if (!Array.isArray(value)) throw fail('pool.pull.json_syntax', { reason: 'not an array' });
    for (const [index, item] of value.entries()) yield objectRow(item, index + 1, position);
  }

  async function* fromLines(start: string): AsyncGenerator<SourceRow> {
    let carry = start;
    let row = 0;
    const line = (raw: string): SourceRow | null => {
      row += 1;
      if (raw.trim() === '') return null;
      try {
        return objectRow(JSON.parse(raw), row, position);
      } catch {
        return { row, problem: { code: 'pool.ingest.json_syntax' } };
      }
    };
    for await (const chunk of text()) {
      const parts = (carry + chunk).split('\n');
      carry = parts.pop()!;
      if (carry.length > limits.lineBytes) throw fail('pool.pull.json_syntax', { reason: `line ${row + 1}` });
      for (const part of parts) {
        const parsed = line(part);
        if (parsed) yield parsed;
      }
    }
    const last = line(carry);
    if (last) yield last;
  }

  // The first character that is not white space tells an array from lines.
  async function* rows(): AsyncGenerator<SourceRow> {
    let start = '';
    for (let chunk = await read(); chunk !== null; chunk = await read()) {
      start += chunk;
      if (start.trim() !== '') break;
    }
    const trimmed = start.replace(/^\s+/, '');
    yield* trimmed.startsWith('[') ? fromArray(trimmed) : fromLines(trimmed);
  }

  return {
    header: fields,
    encoding: 'utf-8',
    rows: rows(),
    bytesRead: () => bytes,
    close: () => void reader.cancel().catch(() => undefined),
  };
}
