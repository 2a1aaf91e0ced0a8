// Opening an uploaded workbook before exceljs reads its cells. yauzl reads the zip by its central
// directory and checks every entry's real size against it, so a zip bomb stops at its declared
// size. exceljs's streaming reader is then fed a zip of its own: only the parts it needs, stored,
// in the order it expects (relationships, workbook, shared strings, then the data sheets). Given
// files in whatever order Excel, WPS or exceljs wrote them, its reader parks sheets in temporary
// files and, now and then, loses the sheet names; in this order it never has to.
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '../../../platform/errors/app-error.ts';
import './xlsx.messages.ts';

/** Limit of the unpacked parts the import reads. */
export const UNPACKED_LIMIT_BYTES = 300 * 1024 * 1024;
const MAX_ENTRIES = 5_000;
const SMALL_PART_BYTES = 8 * 1024 * 1024;

const notXlsx = () => new AppError(400, 'catalog.import.not_xlsx');
const unreadable = () => new AppError(400, 'catalog.import.unreadable');

/** An opened workbook: its sheet names, and a stream of the data sheets for exceljs. */
export interface WorkbookFile {
  /** Sheet names in workbook order. */
  sheetNames: string[];
  /**
   * A zip stream holding the data sheets found (renamed sheet1.xml, sheet2.xml … in the order
   * asked) with a workbook and shared strings that name them. Read it once.
   */
  stream(): Readable;
  /** Merged ranges (e.g. `A5:C5`) by sheet name, complete once the stream has been read. */
  merges: Map<string, string[]>;
  close(): void;
}

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const encodeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) result[match[1]!] = decodeXml(match[2]!);
  return result;
}

async function readSmall(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  if (entry.uncompressedSize > SMALL_PART_BYTES) throw unreadable();
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Sheets in order with their part files, and the shared strings part, from workbook.xml and its rels. */
function workbookParts(workbookXml: string, relsXml: string) {
  const targets = new Map<string, { target: string; type: string }>();
  for (const match of relsXml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
    const { Id: id, Target: target, Type: type } = attributes(match[0]);
    if (id && target) {
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      targets.set(id, { target: path, type: type ?? '' });
    }
  }
  const sheets: { name: string; part: string }[] = [];
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const attrs = attributes(match[0]);
    const id = Object.entries(attrs).find(([key]) => key.endsWith(':id'))?.[1];
    if (attrs.name) sheets.push({ name: attrs.name, part: (id && targets.get(id)?.target) || '' });
  }
  const sharedStrings = [...targets.values()].find((rel) => rel.type.endsWith('/sharedStrings'))?.target;
  return { sheets, sharedStrings: sharedStrings ?? 'xl/sharedStrings.xml' };
}

const MERGE_TAG = Buffer.from('mergeCell ');
const MERGE_REF = /^mergeCell\s[^>]*ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/;

/**
 * Collects `<mergeCell ref="…">` ranges from a sheet's bytes as they pass. The bytes are searched
 * as they are, not decoded, so a sheet of many megabytes costs no strings of its size; a tag split
 * across two chunks is found whole in the carried-over end of the previous one.
 */
function mergeScanner(found: Set<string>) {
  let carry = Buffer.alloc(0);
  return (chunk: Buffer) => {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let searched = 0;
    for (let at = bytes.indexOf(MERGE_TAG); at >= 0; at = bytes.indexOf(MERGE_TAG, searched)) {
      const tag = MERGE_REF.exec(bytes.subarray(at, at + 200).toString('latin1'));
      if (!tag && bytes.length - at < 200) break;
      if (tag) found.add(tag[1]!);
      searched = at + 1;
    }
    carry = Buffer.from(bytes.subarray(Math.max(searched, bytes.length - 200)));
  };
}

/** How many leading bytes of `bytes` are whole UTF-8 characters (an unfinished one at the end is left out). */
function wholeCharacters(bytes: Buffer): number {
  for (let at = bytes.length - 1; at >= 0 && at >= bytes.length - 4; at -= 1) {
    const byte = bytes[at]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return at + length <= bytes.length ? bytes.length : at;
  }
  return bytes.length;
}

/** A zip local file header for a stored (uncompressed) entry of known size and CRC. */
function localHeader(name: string, size: number, crc: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

const END_OF_CENTRAL_DIRECTORY = (() => {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  return record;
})();

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function syntheticWorkbook(names: string[]) {
  const workbook =
    `${xmlHead}<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets>` +
    names
      .map((name, i) => `<sheet name="${encodeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('') +
    '</sheets></workbook>';
  const rels =
    `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    names
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    '</Relationships>';
  return { workbook: Buffer.from(workbook), rels: Buffer.from(rels) };
}

/** A workbook's zip, opened and checked: its entries by name and the parts workbook.xml names. */
interface OpenedZip {
  zip: yauzl.ZipFile;
  entries: Map<string, yauzl.Entry>;
  parts: ReturnType<typeof workbookParts>;
}

/** Opens the file as a zip holding a workbook (400 with a message key when it is not a readable .xlsx). */
async function openZip(file: string): Promise<OpenedZip> {
  const handle = await fs.open(file, 'r');
  const magic = Buffer.alloc(4);
  try {
    await handle.read(magic, 0, 4, 0);
  } finally {
    await handle.close();
  }
  // Every zip starts with a local file header; .xls and encrypted workbooks are OLE files instead.
  if (magic.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch {
    throw notXlsx();
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) throw unreadable();
    const entries = new Map<string, yauzl.Entry>();
    try {
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    } catch {
      throw unreadable();
    }
    const workbookEntry = entries.get('xl/workbook.xml');
    const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
    if (!workbookEntry || !relsEntry || [...entries.values()].some((entry) => entry.isEncrypted())) {
      throw notXlsx();
    }
    try {
      return {
        zip,
        entries,
        parts: workbookParts(await readSmall(zip, workbookEntry), await readSmall(zip, relsEntry)),
      };
    } catch (error) {
      throw error instanceof AppError ? error : unreadable();
    }
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** 400 when the parts to be read unpack past the limit: a zip bomb stops here, before a byte is inflated. */
function checkUnpacked(parts: (yauzl.Entry | undefined)[], unpackedLimit: number): void {
  const unpacked = parts.reduce((sum, entry) => sum + (entry?.uncompressedSize ?? 0), 0);
  if (unpacked > unpackedLimit) {
    throw new AppError(400, 'catalog.import.unpacked_too_large', {
      limit: Math.round(unpackedLimit / 1024 / 1024),
    });
  }
}

/** The first sheet of a workbook and its shared strings, each an inflated stream read once. */
export interface FirstSheet {
  /** Null when the workbook names no sheet or its part is missing. */
  sheet: AsyncIterable<Buffer> | null;
  sharedStrings: AsyncIterable<Buffer> | null;
  close(): void;
}

/**
 * Opens a workbook's first sheet for reading its XML directly (the pools' ingest), with the same
 * checks as `openWorkbookFile`: a real, unencrypted .xlsx whose sheet and shared strings unpack
 * within `unpackedLimit` (yauzl then holds every entry to its declared size).
 */
export async function openFirstSheet(file: string, unpackedLimit: number): Promise<FirstSheet> {
  const { zip, entries, parts } = await openZip(file);
  try {
    const sheetEntry = entries.get(parts.sheets[0]?.part ?? '');
    const sharedEntry = entries.get(parts.sharedStrings);
    checkUnpacked([sheetEntry, sharedEntry], unpackedLimit);
    const read = (entry: yauzl.Entry | undefined) =>
      entry
        ? (async function* () {
            for await (const chunk of await zip.openReadStreamPromise(entry)) yield chunk as Buffer;
          })()
        : null;
    return { sheet: read(sheetEntry), sharedStrings: read(sharedEntry), close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/**
 * Opens the file as a zip and checks that it is a workbook whose parts the import reads unpack to
 * a bounded size (`unpackedLimit`, the catalog import's by default). Throws 400 with a message key
 * for anything that is not a readable .xlsx.
 */
export async function openWorkbookFile(
  file: string,
  dataSheets: readonly string[],
  unpackedLimit = UNPACKED_LIMIT_BYTES,
): Promise<WorkbookFile> {
  const { zip, entries, parts } = await openZip(file);
  try {
    const data = dataSheets.flatMap((name) => {
      const entry = entries.get(parts.sheets.find((sheet) => sheet.name === name)?.part ?? '');
      return entry ? [{ name, entry }] : [];
    });
    const sharedStrings = entries.get(parts.sharedStrings);
    checkUnpacked([sharedStrings, ...data.map((sheet) => sheet.entry)], unpackedLimit);
    const merges = new Map<string, string[]>();
    const synthetic = syntheticWorkbook(data.map((sheet) => sheet.name));

    async function* feed(): AsyncGenerator<Buffer> {
      const whole = (name: string, bytes: Buffer) => [
        localHeader(name, bytes.length, zlib.crc32(bytes)),
        bytes,
      ];
      yield* whole('xl/_rels/workbook.xml.rels', synthetic.rels);
      yield* whole('xl/workbook.xml', synthetic.workbook);
      // Without a shared strings part exceljs would park every sheet in a temporary file.
      if (sharedStrings) yield* inflate('xl/sharedStrings.xml', sharedStrings);
      else yield* whole('xl/sharedStrings.xml', Buffer.from(`${xmlHead}<sst xmlns="${MAIN}"/>`));
      for (const [index, sheet] of data.entries()) {
        const found = new Set<string>();
        yield* inflate(`xl/worksheets/sheet${index + 1}.xml`, sheet.entry, mergeScanner(found));
        if (found.size > 0) merges.set(sheet.name, [...found]);
      }
      yield END_OF_CENTRAL_DIRECTORY;
    }
    async function* inflate(name: string, entry: yauzl.Entry, onChunk?: (chunk: Buffer) => void) {
      yield localHeader(name, entry.uncompressedSize, entry.crc32);
      // exceljs decodes each chunk on its own, so a character split between two chunks would turn
      // into two replacement marks: chunks end on whole UTF-8 characters, the rest goes on.
      let pending = Buffer.alloc(0);
      for await (const chunk of await zip.openReadStreamPromise(entry)) {
        onChunk?.(chunk as Buffer);
        const bytes = pending.length > 0 ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
        const whole = wholeCharacters(bytes);
        pending = Buffer.from(bytes.subarray(whole));
        if (whole > 0) yield bytes.subarray(0, whole);
      }
      if (pending.length > 0) yield pending;
    }

    const opened = zip;
    return {
      sheetNames: parts.sheets.map((sheet) => sheet.name),
      merges,
      stream: () => Readable.from(feed(), { objectMode: false }),
      close: () => opened.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}
