// HMAC-SM3 (GB/T 32905 hash, RFC 2104 construction) for tagging many short messages under one key
// and one fixed prefix: a load seals hundreds of thousands of values, and each native HMAC costs
// 3–6 µs in OpenSSL 3 just to set up its context, more than hashing the ~140 bytes it tags. Here the
// states after the key's inner and outer pad blocks (and the prefix) are computed once; a tag is
// then three compressions in plain integer arithmetic (no tables, no branches on data). Tags are
// the same bytes as node:crypto's `createHmac('sm3', key)` (tested), and every value is still
// checked with OpenSSL's HMAC when it is opened.

const BLOCK = 64;
// Typed arrays store values modulo 2^32, so the constants are written as the standard gives them.
const IV = Int32Array.of(
  0x7380166f,
  0x4914b2b9,
  0x172442d7,
  0xda8a0600,
  0xa96f30bc,
  0x163138aa,
  0xe38dee4d,
  0xb0fb0e4e,
);
const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
/** The round constants, already rotated by the round number. */
const T = Int32Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32));
const W = new Int32Array(68);

/** The SM3 compression function: absorbs the 64-byte block at `data[at…]` into `state`. */
function compress(state: Int32Array, data: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++) {
    const p = at + i * 4;
    W[i] = (data[p]! << 24) | (data[p + 1]! << 16) | (data[p + 2]! << 8) | data[p + 3]!;
  }
  for (let j = 16; j < 68; j++) {
    const x = W[j - 16]! ^ W[j - 9]! ^ rotl(W[j - 3]!, 15);
    W[j] = x ^ rotl(x, 15) ^ rotl(x, 23) ^ rotl(W[j - 13]!, 7) ^ W[j - 6]!;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  // Rounds 0–15 and 16–63 differ only in their boolean functions FF and GG.
  for (let j = 0; j < 64; j++) {
    const a12 = (a << 12) | (a >>> 20);
    const sum = (a12 + e + T[j]!) | 0;
    const ss1 = (sum << 7) | (sum >>> 25);
    const w = W[j]!;
    const early = j < 16;
    const tt1 = ((early ? a ^ b ^ c : (a & b) | (a & c) | (b & c)) + d + (ss1 ^ a12) + (w ^ W[j + 4]!)) | 0;
    const tt2 = ((early ? e ^ f ^ g : (e & f) | (~e & g)) + h + ss1 + w) | 0;
    d = c;
    c = (b << 9) | (b >>> 23);
    b = a;
    a = tt1;
    h = g;
    g = (f << 19) | (f >>> 13);
    f = e;
    e = tt2 ^ ((tt2 << 9) | (tt2 >>> 23)) ^ ((tt2 << 17) | (tt2 >>> 15));
  }
  state[0]! ^= a;
  state[1]! ^= b;
  state[2]! ^= c;
  state[3]! ^= d;
  state[4]! ^= e;
  state[5]! ^= f;
  state[6]! ^= g;
  state[7]! ^= h;
}

/** Absorbs `bytes` (a whole number of blocks) into a fresh state from `from`. */
function absorbed(from: Int32Array, bytes: Uint8Array): Int32Array {
  const state = Int32Array.from(from);
  for (let at = 0; at < bytes.length; at += BLOCK) compress(state, bytes, at);
  return state;
}

/** Writes the padding of a message of `total` bytes whose last partial block ends at `end`. */
function pad(buffer: Buffer, end: number, total: number): number {
  buffer[end] = 0x80;
  const length = Math.ceil((end + 9) / BLOCK) * BLOCK;
  buffer.fill(0, end + 1, length - 8);
  // The length in bits as 64 bits, big-endian (JS numbers hold byte counts up to 2^53 exactly).
  buffer.writeUInt32BE(Math.floor(total / 0x2000_0000), length - 8);
  buffer.writeUInt32BE((total * 8) >>> 0, length - 4);
  return length;
}

/** SM3 of `data` (the key of a long HMAC key; also what the tests compare with OpenSSL). */
export function sm3(data: Uint8Array): Buffer {
  const buffer = Buffer.alloc(Math.ceil((data.length + 9) / BLOCK) * BLOCK);
  buffer.set(data);
  pad(buffer, data.length, data.length);
  const state = absorbed(IV, buffer);
  const out = Buffer.allocUnsafe(32);
  for (let i = 0; i < 8; i++) out.writeInt32BE(state[i]!, i * 4);
  return out;
}

/** HMAC-SM3 of `prefix ‖ message` under one key, for many messages after the same prefix. */
export class Sm3PrefixMac {
  private readonly inner: Int32Array;
  private readonly outer: Int32Array;
  private readonly tail: Buffer;
  private readonly absorbedBytes: number;
  private scratch = Buffer.alloc(4 * BLOCK);
  private readonly state = new Int32Array(8);

  constructor(key: Uint8Array, prefix: Uint8Array) {
    const padded = Buffer.alloc(BLOCK);
    padded.set(key.length > BLOCK ? sm3(key) : key);
    const ipad = Buffer.from(padded.map((byte) => byte ^ 0x36));
    const opad = Buffer.from(padded.map((byte) => byte ^ 0x5c));
    const whole = prefix.length - (prefix.length % BLOCK);
    this.inner = absorbed(absorbed(IV, ipad), prefix.subarray(0, whole));
    this.outer = absorbed(IV, opad);
    this.tail = Buffer.from(prefix.subarray(whole));
    this.absorbedBytes = BLOCK + whole;
    padded.fill(0);
    ipad.fill(0);
    opad.fill(0);
  }

  /** The 32-byte tag of `prefix ‖ message`. */
  tag(message: Uint8Array): Buffer {
    const used = this.tail.length + message.length;
    if (this.scratch.length < used + 9 + BLOCK) this.scratch = Buffer.alloc(2 * (used + 9 + BLOCK));
    const scratch = this.scratch;
    this.tail.copy(scratch, 0);
    scratch.set(message, this.tail.length);
    const length = pad(scratch, used, this.absorbedBytes + used);
    const state = this.state;
    state.set(this.inner);
    for (let at = 0; at < length; at += BLOCK) compress(state, scratch, at);
    for (let i = 0; i < 8; i++) scratch.writeInt32BE(state[i]!, i * 4);
    pad(scratch, 32, BLOCK + 32);
    state.set(this.outer);
    compress(state, scratch, 0);
    const out = Buffer.allocUnsafe(32);
    for (let i = 0; i < 8; i++) out.writeInt32BE(state[i]!, i * 4);
    return out;
  }
}
