// Sealing single pool values on their way into and out of a table. The AAD binds a sealed value to
// its resource and field, so a value copied into another column or table no longer opens.
import { CryptoError } from '../../../platform/crypto/cipher.ts';
import type { Keyring } from '../../../platform/crypto/keyring.ts';
import { createValueSealer, open, openMany, seal } from '../../../platform/crypto/seal.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import './encryption.messages.ts';

// The keyring of each open database: ingest and reads find it without every caller passing it on.
const keyrings = new WeakMap<Database, Keyring | (() => Keyring)>();

/** Tells the pools which keyring seals the values of this database (buildApp and the CLI do). */
export function bindKeyring(database: Database, keyring: Keyring | (() => Keyring)): void {
  keyrings.set(database, keyring);
}

/** The keyring bound to a database; a sealed column without one is refused, never written in plaintext. */
export function keyringOf(database: Database): Keyring {
  let found = keyrings.get(database);
  if (typeof found === 'function') {
    found = found();
    keyrings.set(database, found);
  }
  if (!found) throw new AppError(500, 'security.encryption.no_keyring');
  return found;
}

/** The AAD of a column's values: resource and field, which never change for a column. */
export function columnAad(resourceId: string, field: string): Buffer {
  return Buffer.from(`zhengshu/pool/${resourceId}/${field}`, 'utf8');
}

/** Undoes COPY text escaping (values rarely need it, so the common case returns at once). */
function uncopy(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(.)/g, (_, c: string) =>
    c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c,
  );
}

/**
 * A sealer of checked COPY text for one load's column, under the active key when it is made: null
 * stays null (`\N`), a value becomes the bytea hex literal of its sealed form, itself escaped for
 * COPY (`\\x…`). The header's hex is written once; each value adds only its own parts.
 */
export function copySealer(keyring: Keyring, aad: Buffer): (copyText: string) => string {
  const sealer = createValueSealer(keyring, aad);
  const prefix = `\\\\x${sealer.head.toString('hex')}`;
  return (text) => {
    if (text === '\\N') return text;
    const [body, tag] = sealer.parts(Buffer.from(uncopy(text), 'utf8'));
    return prefix + body.toString('hex') + tag.toString('hex');
  };
}

/** Seals one plaintext value for a parameterised write (null stays null). */
export function sealValue(keyring: Keyring, aad: Buffer, value: string | null): Buffer | null {
  return value === null ? null : seal(keyring, Buffer.from(value, 'utf8'), aad);
}

/** Opens one stored value as text; a value that fails authentication is refused with a clear problem. */
export function openValue(
  keyring: Keyring,
  aad: Buffer,
  stored: unknown,
  where: { field: string; row: unknown },
) {
  if (stored === null || stored === undefined) return null;
  if (!(stored instanceof Uint8Array))
    throw new AppError(500, 'security.encryption.unreadable', { ...where, reason: 'malformed' });
  const sealed = Buffer.isBuffer(stored)
    ? stored
    : Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  try {
    return open(keyring, sealed, aad).toString('utf8');
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error;
    throw new AppError(500, 'security.encryption.unreadable', { ...where, reason: error.code });
  }
}

/**
 * Opens a page of one column's stored values as text in one pass (`openValue`'s checks, far fewer
 * crypto objects); the first value that fails authentication refuses the page with a clear problem.
 */
export function openColumn(
  keyring: Keyring,
  aad: Buffer,
  stored: readonly unknown[],
  where: { field: string; rows: readonly unknown[] },
): Array<string | null> {
  const present: number[] = [];
  const sealed: Buffer[] = [];
  stored.forEach((value, index) => {
    if (value === null || value === undefined) return;
    if (!(value instanceof Uint8Array))
      throw new AppError(500, 'security.encryption.unreadable', {
        field: where.field,
        row: where.rows[index],
        reason: 'malformed',
      });
    present.push(index);
    sealed.push(
      Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
    );
  });
  const texts: Array<string | null> = new Array<string | null>(stored.length).fill(null);
  openMany(keyring, sealed, aad).forEach((opened, at) => {
    const index = present[at]!;
    if (opened instanceof CryptoError)
      throw new AppError(500, 'security.encryption.unreadable', {
        field: where.field,
        row: where.rows[index],
        reason: opened.code,
      });
    texts[index] = opened.toString('utf8');
  });
  return texts;
}
