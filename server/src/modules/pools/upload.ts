// Receiving a data file: the request body streams to a temporary file (never whole into memory)
// and stops at the configured limit with a 413. The batch then reads the file at its own pace.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../platform/errors/app-error.ts';
import './pools.messages.ts';

/** A data file received on disk. Whoever runs the batch removes it when the batch is done. */
export class DataUpload {
  constructor(
    readonly file: string,
    readonly size: number,
    readonly contentType: string,
  ) {}

  /** Removes the file and its folder. */
  async remove(): Promise<void> {
    await fsp.rm(path.dirname(this.file), { recursive: true, force: true });
  }
}

/** Content types a pool load accepts. */
export const DATA_CONTENT_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/x-ndjson',
  'application/jsonl',
  'application/octet-stream',
];

/** Streams a request body to a temporary file, refusing it past `limitBytes`. */
export async function receiveDataFile(
  request: IncomingMessage,
  payload: Readable,
  limitBytes: number,
): Promise<DataUpload> {
  const tooLarge = () =>
    new AppError(413, 'pool.upload.too_large', { limit: Math.round(limitBytes / 1024 / 1024) });
  if (Number(request.headers['content-length']) > limitBytes) throw tooLarge();
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'zs-pool-'));
  const file = path.join(dir, 'upload');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limitBytes) return done(tooLarge());
      done(null, chunk);
    },
  });
  try {
    await pipeline(payload, counter, fs.createWriteStream(file));
  } catch (error) {
    await fsp.rm(dir, { recursive: true, force: true });
    throw error instanceof AppError ? error : new AppError(400, 'pool.upload.aborted');
  }
  return new DataUpload(file, size, String(request.headers['content-type'] ?? ''));
}
