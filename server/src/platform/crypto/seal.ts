import { Transform, type TransformCallback } from 'node:stream';
import {
  createEncryptor,
  CryptoError,
  decryptManyParts,
  decryptParts,
  encryptParts,
  shapeOf,
  type DataKey,
  type SealedParts,
} from './cipher.ts';
import type { Keyring } from './keyring.ts';
import { ALGORITHMS } from './suite.ts';

/**
 * Sealed formats. Every sealed thing starts with a header naming itself, so it can be opened years
 * later after the active key and even the suite have changed:
 *
 *   'Z' kind version algorithm idLength keyId…
 *
 * A value (`kind` 'v') continues with nonce ‖ ciphertext ‖ tag. A stream (`kind` 's') continues with
 * frames: flags(1, bit 0 = last) ‖ length(4, of nonce ‖ ciphertext ‖ tag) ‖ nonce ‖ ciphertext ‖ tag.
 * The header, the caller's AAD and, in a stream, the frame's index and last flag are authenticated,
 * so a value cannot be moved to another column or a stream cut short or reordered unnoticed.
 */
const MAGIC = 0x5a;
const KIND_VALUE = 0x76;
const KIND_STREAM = 0x73;
const VERSION = 1;
/** Plaintext bytes per stream frame. */
export const STREAM_CHUNK_BYTES = 64 * 1024;
const EMPTY = Buffer.alloc(0);

function header(kind: number, key: DataKey): Buffer {
  const id = Buffer.from(key.id, 'ascii');
  return Buffer.concat([
    Buffer.from([MAGIC, kind, VERSION, ALGORITHMS.indexOf(key.algorithm), id.length]),
    id,
  ]);
}

/** Parses a header; returns the key it names and where the header ends. */
function readHeader(keyring: Keyring, data: Buffer, kind: number): { key: DataKey; end: number } {
  if (data.length < 5 || data[0] !== MAGIC || data[1] !== kind)
    throw new CryptoError('malformed', kind === KIND_VALUE ? 'not a sealed value' : 'not a sealed stream');
  if (data[2] !== VERSION) throw new CryptoError('malformed', `unknown sealed format version ${data[2]}`);
  const algorithm = ALGORITHMS[data[3]!];
  const end = 5 + data[4]!;
  if (!algorithm || data.length < end) throw new CryptoError('malformed', 'sealed header is damaged');
  const id = data.subarray(5, end).toString('ascii');
  const key = keyring.keyById(id);
  if (!key) throw new CryptoError('unknown-key', `sealed with key "${id}", which is not in the keyring`);
  if (key.algorithm !== algorithm)
    throw new CryptoError('tampered', `sealed header names ${algorithm} but key "${id}" is ${key.algorithm}`);
  return { key, end };
}

function withAad(head: Buffer, aad: Buffer | undefined, extra: Buffer = EMPTY): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(aad?.length ?? 0);
  return Buffer.concat([head, extra, length, aad ?? EMPTY]);
}

/** Seals a value with the active key; `aad` (e.g. table and column) must be given again to open it. */
export function seal(keyring: Keyring, plaintext: Buffer, aad?: Buffer): Buffer {
  const key = keyring.activeKey();
  const head = header(KIND_VALUE, key);
  return Buffer.concat([head, ...encryptParts(key, plaintext, withAad(head, aad))]);
}

/** Seals a series of values with one key and one AAD; see `createValueSealer`. */
export interface ValueSealer {
  /** The header every value of the series starts with (it names the key). */
  readonly head: Buffer;
  /** The parts after the header: nonce ‖ ciphertext, and the tag. */
  parts(plaintext: Buffer): [Buffer, Buffer];
  /** One sealed value, the same bytes `seal` would make for it. */
  seal(plaintext: Buffer): Buffer;
}

/**
 * A sealer for many values under the keyring's active key (taken now) and one AAD, e.g. a column
 * of a load: the header and its AAD are built once and the cipher is kept (see `createEncryptor`),
 * so a value costs a fraction of `seal`. What it makes `open` and `openMany` open.
 */
export function createValueSealer(keyring: Keyring, aad?: Buffer): ValueSealer {
  const key = keyring.activeKey();
  const head = header(KIND_VALUE, key);
  const encrypt = createEncryptor(key, withAad(head, aad));
  return {
    head,
    parts: encrypt,
    seal: (plaintext) => Buffer.concat([head, ...encrypt(plaintext)]),
  };
}

/** The id of the key a sealed value names, without opening it (rotation counts values per key). */
export function sealedKeyId(sealed: Buffer): string {
  if (sealed.length < 5 || sealed[0] !== MAGIC || sealed[1] !== KIND_VALUE)
    throw new CryptoError('malformed', 'not a sealed value');
  return sealed.subarray(5, 5 + sealed[4]!).toString('ascii');
}

/** Opens a sealed value; throws a `CryptoError` when it was altered, the AAD differs or its key is unknown. */
export function open(keyring: Keyring, sealed: Buffer, aad?: Buffer): Buffer {
  const { key, end } = readHeader(keyring, sealed, KIND_VALUE);
  const { nonceBytes, tagBytes } = shapeOf(key.algorithm);
  if (sealed.length < end + nonceBytes + tagBytes)
    throw new CryptoError('truncated', 'sealed value is cut short');
  const nonce = sealed.subarray(end, end + nonceBytes);
  const body = sealed.subarray(end + nonceBytes, sealed.length - tagBytes);
  const tag = sealed.subarray(sealed.length - tagBytes);
  return decryptParts(key, nonce, body, tag, withAad(sealed.subarray(0, end), aad));
}

/**
 * Opens many sealed values with the same AAD (a page of one column) in one pass; the result holds
 * each value's plaintext or the `CryptoError` it failed with, in order. Same checks as `open`.
 */
export function openMany(
  keyring: Keyring,
  sealed: readonly Buffer[],
  aad?: Buffer,
): Array<Buffer | CryptoError> {
  const results: Array<Buffer | CryptoError> = new Array<Buffer | CryptoError>(sealed.length);
  // Values of one column share a header (one per key), so its AAD is built once per header.
  const aads = new Map<string, Buffer>();
  const groups = new Map<DataKey, { indexes: number[]; items: SealedParts[] }>();
  sealed.forEach((value, index) => {
    try {
      const { key, end } = readHeader(keyring, value, KIND_VALUE);
      const { nonceBytes, tagBytes } = shapeOf(key.algorithm);
      if (value.length < end + nonceBytes + tagBytes)
        throw new CryptoError('truncated', 'sealed value is cut short');
      const head = value.subarray(0, end);
      const name = head.toString('latin1');
      let full = aads.get(name);
      if (!full) aads.set(name, (full = withAad(head, aad)));
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { indexes: [], items: [] }));
      group.indexes.push(index);
      group.items.push({
        nonce: value.subarray(end, end + nonceBytes),
        body: value.subarray(end + nonceBytes, value.length - tagBytes),
        tag: value.subarray(value.length - tagBytes),
        aad: full,
      });
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
      results[index] = error;
    }
  });
  for (const [key, group] of groups) {
    const opened = decryptManyParts(key, group.items);
    group.indexes.forEach((index, at) => (results[index] = opened[at]!));
  }
  return results;
}

function frameAad(head: Buffer, index: number, last: boolean, aad: Buffer | undefined): Buffer {
  const position = Buffer.alloc(9);
  position.writeBigUInt64BE(BigInt(index));
  position[8] = last ? 1 : 0;
  return withAad(head, aad, position);
}

function sealFrame(
  key: DataKey,
  head: Buffer,
  index: number,
  last: boolean,
  chunk: Buffer,
  aad?: Buffer,
): Buffer {
  const parts = encryptParts(key, chunk, frameAad(head, index, last, aad));
  const prefix = Buffer.alloc(5);
  prefix[0] = last ? 1 : 0;
  prefix.writeUInt32BE(parts[0].length + parts[1].length + parts[2].length, 1);
  return Buffer.concat([prefix, ...parts]);
}

/** A stream that seals what is written to it with the active key, in authenticated 64 KiB frames. */
export function createSealStream(keyring: Keyring, aad?: Buffer): Transform {
  const key = keyring.activeKey();
  const head = header(KIND_STREAM, key);
  let pending: Buffer = EMPTY;
  let index = 0;
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!started) {
        this.push(head);
        started = true;
      }
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      // Keep the tail back: only the flush knows which frame is the last one.
      while (pending.length > STREAM_CHUNK_BYTES) {
        this.push(sealFrame(key, head, index++, false, pending.subarray(0, STREAM_CHUNK_BYTES), aad));
        pending = pending.subarray(STREAM_CHUNK_BYTES);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(head);
      this.push(sealFrame(key, head, index, true, pending, aad));
      done();
    },
  });
}

/**
 * A stream that opens what `createSealStream` made. It fails (an error event with a `CryptoError`)
 * on an altered frame, an unknown key, frames out of order, bytes after the last frame, or an input
 * that ends before its last frame (a truncated file).
 */
export function createOpenStream(keyring: Keyring, aad?: Buffer): Transform {
  let buffered: Buffer = EMPTY;
  let head: Buffer | null = null;
  let key: DataKey | null = null;
  let index = 0;
  let finished = false;
  const maxFrame = (algorithm: DataKey['algorithm']) => {
    const { nonceBytes, tagBytes } = shapeOf(algorithm);
    return nonceBytes + STREAM_CHUNK_BYTES + 16 + tagBytes;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      try {
        if (!head) {
          if (buffered.length < 5 || buffered.length < 5 + buffered[4]!) return done();
          const parsed = readHeader(keyring, buffered, KIND_STREAM);
          head = Buffer.from(buffered.subarray(0, parsed.end));
          key = parsed.key;
          buffered = buffered.subarray(parsed.end);
        }
        const { nonceBytes, tagBytes } = shapeOf(key!.algorithm);
        while (buffered.length >= 5) {
          if (finished) throw new CryptoError('tampered', 'sealed stream has bytes after its last frame');
          const last = buffered[0] === 1;
          if (buffered[0]! > 1) throw new CryptoError('malformed', 'sealed stream frame is damaged');
          const length = buffered.readUInt32BE(1);
          if (length < nonceBytes + tagBytes || length > maxFrame(key!.algorithm))
            throw new CryptoError('malformed', 'sealed stream frame has an impossible length');
          if (buffered.length < 5 + length) break;
          const frame = buffered.subarray(5, 5 + length);
          const plain = decryptParts(
            key!,
            frame.subarray(0, nonceBytes),
            frame.subarray(nonceBytes, length - tagBytes),
            frame.subarray(length - tagBytes),
            frameAad(head, index++, last, aad),
          );
          buffered = buffered.subarray(5 + length);
          finished = last;
          if (plain.length) this.push(plain);
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      if (!finished || buffered.length)
        return done(
          new CryptoError('truncated', 'sealed stream ends before its last frame (file cut short?)'),
        );
      done();
    },
  });
}
