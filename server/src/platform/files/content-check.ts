// What an uploaded file really is, judged by its bytes and never by its name or Content-Type:
// every upload route calls `checkUploadContent` before a parser sees the file. A text format
// (CSV, JSON lines) must be text in its encoding; an XLSX must be a zip holding a workbook.
// Executables, archives and other binary data presented as something else are refused.
import fs from 'node:fs/promises';
import yauzl from 'yauzl';
import { AppError } from '../errors/app-error.ts';
import './content-check.messages.ts';

/** The formats an upload may be declared as. */
export type UploadFormat = 'csv' | 'jsonl' | 'xlsx';

/** Text encodings the text check decodes with (those the pools' readers read). */
export type TextEncoding = 'utf-8' | 'gb18030' | 'gbk' | 'utf-16le' | 'utf-16be';

/** Bytes read from the start of the file for the text check. */
export const HEAD_BYTES = 64 * 1024;

interface Signature {
  kind: 'executable' | 'archive' | 'document';
  name: string;
  bytes: number[];
  /** Two-byte magic: taken as the format only with NUL bytes after it (text may start "MZ"). */
  short?: boolean;
}

// Magic numbers of files that are never a CSV or JSON lines file (a zip is fine only as XLSX).
const SIGNATURES: Signature[] = [
  { kind: 'executable', name: 'Windows PE (MZ)', bytes: [0x4d, 0x5a], short: true },
  { kind: 'executable', name: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'executable', name: 'Mach-O', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { kind: 'executable', name: 'Mach-O', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { kind: 'executable', name: 'Java class / Mach-O universal', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { kind: 'archive', name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'archive', name: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'archive', name: 'gzip', bytes: [0x1f, 0x8b], short: true },
  { kind: 'archive', name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'archive', name: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { kind: 'document', name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: 'document', name: 'OLE (.xls/.doc)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

/** The signature the bytes start with, if one is known. */
export function signatureOf(head: Uint8Array): Signature | undefined {
  return SIGNATURES.find(
    (sig) => sig.bytes.every((byte, i) => head[i] === byte) && (!sig.short || head.includes(0)),
  );
}

const FORMAT_NAMES: Record<UploadFormat, string> = { csv: 'CSV', jsonl: 'JSON Lines', xlsx: 'XLSX' };

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function bomEncoding(head: Uint8Array): TextEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Whether `head` decodes in `encoding`; a character cut at the end of the sample is fine. */
function decodes(head: Uint8Array, encoding: TextEncoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(head, { stream: true });
  } catch {
    return undefined;
  }
}

/**
 * Checks that the first block of a text upload is text: no known binary signature, no NUL byte
 * (NUL characters in UTF-16), and valid in the chosen encoding — or, when none was chosen, in
 * the one a BOM names, else UTF-8 or GB18030 (what the readers would detect).
 */
function checkText(head: Buffer, format: UploadFormat, chosen: TextEncoding | undefined): void {
  const name = FORMAT_NAMES[format];
  const signature = signatureOf(head);
  if (signature) {
    throw new AppError(415, `upload.content.${signature.kind}`, { format: name, detected: signature.name });
  }
  const encoding = chosen ?? bomEncoding(head);
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  if (!utf16 && head.includes(0)) {
    throw new AppError(415, 'upload.content.binary', { format: name });
  }
  const candidates: TextEncoding[] = encoding ? [encoding] : ['utf-8', 'gb18030'];
  const text = candidates.map((candidate) => decodes(head, candidate)).find((t) => t !== undefined);
  if (text === undefined) {
    throw new AppError(400, 'upload.content.encoding', {
      format: name,
      encoding: encoding ?? 'UTF-8 / GB18030',
    });
  }
  if (utf16 && text.includes('\u0000')) throw new AppError(415, 'upload.content.binary', { format: name });
}

/** Names of the zip's entries, read from its central directory only (nothing is unpacked). */
async function zipEntryNames(file: string): Promise<Set<string> | undefined> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  } catch {
    return undefined;
  }
  const names = new Set<string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        names.add(entry.fileName);
        // The two parts a workbook needs are early in every writer's output; stop once both are seen.
        if (names.has('[Content_Types].xml') && names.has('xl/workbook.xml')) return resolve();
        if (names.size > 10_000) return resolve();
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch {
    return undefined;
  } finally {
    zip.close();
  }
  return names;
}

/** Checks that an XLSX upload is a zip holding `[Content_Types].xml` and `xl/workbook.xml`. */
async function checkXlsx(file: string, head: Buffer): Promise<void> {
  const signature = signatureOf(head);
  if (signature?.name !== 'ZIP') {
    throw new AppError(415, 'upload.content.not_xlsx', {
      detected: signature?.name ?? (head.includes(0) ? 'binary' : 'text'),
    });
  }
  const names = await zipEntryNames(file);
  // A zip whose directory cannot be read is a damaged (e.g. cut-off) file of the right kind.
  if (!names) throw new AppError(400, 'upload.content.damaged', { format: 'XLSX' });
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw new AppError(415, 'upload.content.not_xlsx', { detected: 'ZIP' });
  }
}

/**
 * Refuses an uploaded file whose content is not the declared format (415), or a text file not
 * valid in its encoding (400), before a parser reads it. An empty file passes: routes have their
 * own "no file received" answer.
 */
export async function checkUploadContent(
  file: string,
  format: UploadFormat,
  encoding?: TextEncoding,
): Promise<void> {
  const head = await readHead(file);
  if (head.length === 0) return;
  if (format === 'xlsx') return checkXlsx(file, head);
  checkText(head, format, encoding);
}
