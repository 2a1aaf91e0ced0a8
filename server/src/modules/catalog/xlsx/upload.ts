// Receiving an uploaded workbook: the body goes straight to a temporary file, never whole into
// memory, and stops at the size limit with a 413 (Fastify's own limit applies only to bodies it
// buffers itself).
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { AppError } from '../../../platform/errors/app-error.ts';
import { removeTemporary, temporaryFile } from './temp-files.ts';
import { IMPORT_LIMIT_MB } from './template.ts';
import './xlsx.messages.ts';

/** Bytes an uploaded workbook may have. */
export const UPLOAD_LIMIT_BYTES = IMPORT_LIMIT_MB * 1024 * 1024;

/** An uploaded file on disk; the route removes it when the response is done. */
export class Upload {
  constructor(
    readonly file: string,
    readonly size: number,
  ) {}
}

const tooLarge = () => new AppError(413, 'catalog.import.too_large', { limit: IMPORT_LIMIT_MB });

/**
 * Streams a request body to a temporary file. Over the limit it stops reading and throws 413;
 * Fastify then answers and closes the connection, as it does for its own body limit.
 */
export async function receiveUpload(request: IncomingMessage, payload: Readable): Promise<Upload> {
  if (Number(request.headers['content-length']) > UPLOAD_LIMIT_BYTES) throw tooLarge();
  const file = await temporaryFile('upload.xlsx');
  const out = fs.createWriteStream(file);
  let size = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const stop = (error: Error) => {
        payload.off('data', onData);
        payload.off('end', onEnd);
        payload.off('error', onAborted);
        payload.off('aborted', onAborted);
        out.destroy();
        reject(error);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > UPLOAD_LIMIT_BYTES) return stop(tooLarge());
        if (!out.write(chunk)) {
          payload.pause();
          out.once('drain', () => payload.resume());
        }
      };
      const onEnd = () => out.end(() => resolve());
      const onAborted = () => stop(new AppError(400, 'catalog.import.unreadable'));
      out.on('error', stop);
      payload.on('data', onData);
      payload.on('end', onEnd);
      payload.on('error', onAborted);
      payload.on('aborted', onAborted);
      payload.resume();
    });
  } catch (error) {
    await removeTemporary(file);
    throw error;
  }
  return new Upload(file, size);
}
