import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataKey } from './cipher.ts';
import { algorithmAvailable, isAlgorithmId, resolveSuite, type AlgorithmId, type SuiteId } from './suite.ts';

/** The `format` field of a key file; a file without it is refused (it might be something else). */
export const KEY_FILE_FORMAT = 'zhengshu-keyring/1';

/** A key id: short, printable, safe in a file name, a header and a log line. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** The JSON of a key file (ZHENGSHU_KEY_FILE) and of ZHENGSHU_DATA_KEYS. */
export interface KeyFileJson {
  format: typeof KEY_FILE_FORMAT;
  /** Id of the key new values are sealed with. */
  active: string;
  keys: { id: string; algorithm: AlgorithmId; key: string; created: string }[];
}

/** Where the keys came from: a file (rotatable, persisted), the environment (read-only) or memory (tests). */
export type KeySource =
  { kind: 'file'; file: string } | { kind: 'env'; variable: string } | { kind: 'memory' };

/** Why a keyring could not be opened or changed; the message names the file or variable. */
export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

function describe(source: KeySource): string {
  if (source.kind === 'file') return `key file ${source.file}`;
  if (source.kind === 'env') return `environment variable ${source.variable}`;
  return 'in-memory keyring';
}

/** Reads and checks key-file JSON; every problem names where the keys came from. */
export function parseKeyFile(text: string, source: KeySource): { keys: DataKey[]; active: string } {
  const where = describe(source);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KeyringError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  const file = json as Partial<KeyFileJson> | null;
  if (!file || typeof file !== 'object' || file.format !== KEY_FILE_FORMAT)
    throw new KeyringError(`${where} is not a Zhengshu keyring (expected "format": "${KEY_FILE_FORMAT}")`);
  if (!Array.isArray(file.keys) || file.keys.length === 0) throw new KeyringError(`${where} holds no keys`);
  const keys: DataKey[] = [];
  for (const [index, entry] of file.keys.entries()) {
    const at = `${where}, keys[${index}]`;
    if (!entry || typeof entry.id !== 'string' || !KEY_ID_PATTERN.test(entry.id))
      throw new KeyringError(`${at}: "id" must be 1–64 letters, digits, ".", "_" or "-"`);
    if (keys.some((key) => key.id === entry.id))
      throw new KeyringError(`${at}: key id "${entry.id}" appears twice`);
    if (typeof entry.algorithm !== 'string' || !isAlgorithmId(entry.algorithm))
      throw new KeyringError(`${at}: unknown "algorithm" ${JSON.stringify(entry.algorithm)}`);
    if (!algorithmAvailable(entry.algorithm))
      throw new KeyringError(`${at}: this Node/OpenSSL cannot run ${entry.algorithm}`);
    const material = typeof entry.key === 'string' ? Buffer.from(entry.key, 'base64') : Buffer.alloc(0);
    if (material.length !== 32) throw new KeyringError(`${at}: "key" must be 32 bytes in base64`);
    const created = typeof entry.created === 'string' ? entry.created : '';
    if (Number.isNaN(Date.parse(created))) throw new KeyringError(`${at}: "created" must be an ISO date`);
    keys.push({ id: entry.id, algorithm: entry.algorithm, material, created });
  }
  if (typeof file.active !== 'string' || !keys.some((key) => key.id === file.active))
    throw new KeyringError(`${where}: "active" must name one of its keys`);
  return { keys, active: file.active };
}

/** A fresh key id: the date, for a person reading the key file, and random hex against collisions. */
function newKeyId(now: Date): string {
  return `k${now.toISOString().slice(0, 10).replaceAll('-', '')}-${crypto.randomBytes(3).toString('hex')}`;
}

/**
 * The data keys, held outside the database. One key is active (new seals use it); the others stay so
 * that values and backups sealed with them still open.
 */
export class Keyring {
  private keys: DataKey[];
  private active: string;
  private mtimeMs = 0;

  private constructor(
    readonly source: KeySource,
    /** The algorithm `addKey` gives a new key (from ZHENGSHU_CRYPTO_SUITE). */
    readonly algorithm: AlgorithmId,
    loaded: { keys: DataKey[]; active: string },
  ) {
    this.keys = loaded.keys;
    this.active = loaded.active;
  }

  /** A keyring with one fresh key, kept only in memory: for tests and throw-away databases. */
  static inMemory(suite: SuiteId = 'sm'): Keyring {
    const algorithm = resolveSuite(suite).algorithm;
    const key = makeKey(algorithm, new Date());
    return new Keyring({ kind: 'memory' }, algorithm, { keys: [key], active: key.id });
  }

  /** Keys given as key-file JSON in an environment variable (read-only: rotate by changing the variable). */
  static fromEnv(variable: string, text: string, suite: SuiteId): Keyring {
    const source: KeySource = { kind: 'env', variable };
    return new Keyring(source, resolveSuite(suite).algorithm, parseKeyFile(text, source));
  }

  /**
   * Keys from a key file. A missing file is created with one fresh key (mode 0600) only when
   * `createIfMissing`; otherwise a missing or malformed file stops with a message naming it.
   */
  static fromFile(file: string, suite: SuiteId, options: { createIfMissing?: boolean } = {}): Keyring {
    const source: KeySource = { kind: 'file', file: path.resolve(file) };
    const algorithm = resolveSuite(suite).algorithm;
    if (!fs.existsSync(source.file)) {
      if (!options.createIfMissing)
        throw new KeyringError(`key file ${source.file} does not exist (set by ZHENGSHU_KEY_FILE)`);
      const key = makeKey(algorithm, new Date());
      const ring = new Keyring(source, algorithm, { keys: [key], active: key.id });
      ring.save();
      return ring;
    }
    const ring = new Keyring(source, algorithm, readKeyFile(source));
    ring.mtimeMs = fs.statSync(source.file).mtimeMs;
    return ring;
  }

  /** The key new values are sealed with. */
  activeKey(): DataKey {
    return this.keys.find((key) => key.id === this.active)!;
  }

  /** The key with this id, re-reading a changed key file once (another instance may have rotated). */
  keyById(id: string): DataKey | undefined {
    const found = this.keys.find((key) => key.id === id);
    if (found || !this.refresh()) return found;
    return this.keys.find((key) => key.id === id);
  }

  /** Every key, oldest first (copies of the metadata; the material stays inside). */
  list(): { id: string; algorithm: AlgorithmId; created: string; active: boolean }[] {
    return this.keys.map(({ id, algorithm, created }) => ({
      id,
      algorithm,
      created,
      active: id === this.active,
    }));
  }

  /**
   * Rotation: adds a fresh key of the configured suite and makes it active. A file keyring writes the
   * file first (atomically, 0600), so a crash never leaves a key in use that is not on disk.
   */
  addKey(now: Date = new Date()): DataKey {
    if (this.source.kind === 'env')
      throw new KeyringError(
        `keys from ${describe(this.source)} cannot be rotated by Zhengshu: add a key to the variable and make it active`,
      );
    this.refresh();
    const key = makeKey(this.algorithm, now);
    const before = { keys: this.keys, active: this.active };
    this.keys = [...this.keys, key];
    this.active = key.id;
    try {
      this.save();
    } catch (error) {
      Object.assign(this, before);
      throw new KeyringError(`cannot write ${describe(this.source)}: ${(error as Error).message}`);
    }
    return key;
  }

  /** Re-reads the key file when it changed on disk; returns whether it did. */
  refresh(): boolean {
    if (this.source.kind !== 'file') return false;
    const mtimeMs = fs.statSync(this.source.file, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined || mtimeMs === this.mtimeMs) return false;
    const loaded = readKeyFile(this.source);
    this.keys = loaded.keys;
    this.active = loaded.active;
    this.mtimeMs = mtimeMs;
    return true;
  }

  private save(): void {
    if (this.source.kind !== 'file') return;
    const json: KeyFileJson = {
      format: KEY_FILE_FORMAT,
      active: this.active,
      keys: this.keys.map((key) => ({
        id: key.id,
        algorithm: key.algorithm,
        key: key.material.toString('base64'),
        created: key.created,
      })),
    };
    fs.mkdirSync(path.dirname(this.source.file), { recursive: true });
    const temporary = `${this.source.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify(json, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temporary, this.source.file);
    this.mtimeMs = fs.statSync(this.source.file).mtimeMs;
  }
}

function makeKey(algorithm: AlgorithmId, now: Date): DataKey {
  return { id: newKeyId(now), algorithm, material: crypto.randomBytes(32), created: now.toISOString() };
}

function readKeyFile(source: KeySource & { kind: 'file' }): { keys: DataKey[]; active: string } {
  let text: string;
  try {
    text = fs.readFileSync(source.file, 'utf8');
  } catch (error) {
    throw new KeyringError(`cannot read key file ${source.file}: ${(error as Error).message}`);
  }
  return parseKeyFile(text, source);
}

/** The keyring settings of the configuration (see `config.ts`). */
export interface KeyringConfig {
  cryptoSuite: SuiteId;
  /** ZHENGSHU_KEY_FILE, when set: the file must exist. */
  keyFile: string | undefined;
  /** ZHENGSHU_DATA_KEYS, when set: key-file JSON, read-only. */
  dataKeys: string | undefined;
  dataDir: string;
}

/**
 * Opens the configured keyring: ZHENGSHU_DATA_KEYS, else ZHENGSHU_KEY_FILE (must exist), else
 * `<data dir>/keys.json`, generated on first start like the embedded database beside it.
 */
export function openKeyring(config: KeyringConfig): Keyring {
  if (config.dataKeys !== undefined)
    return Keyring.fromEnv('ZHENGSHU_DATA_KEYS', config.dataKeys, config.cryptoSuite);
  if (config.keyFile !== undefined) return Keyring.fromFile(config.keyFile, config.cryptoSuite);
  return Keyring.fromFile(path.join(config.dataDir, 'keys.json'), config.cryptoSuite, {
    createIfMissing: true,
  });
}
