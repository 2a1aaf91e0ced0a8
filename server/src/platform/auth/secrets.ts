import crypto from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';

/** Hashes a password with Argon2id (the library's defaults: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return argonHash(password);
}

/** Checks a password against its stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await argonVerify(stored, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the user does not exist, so that timing does not reveal it.
let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real password check, for unknown usernames. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('zhengshu-dummy-password');
  await verifyPassword(await dummyHash, password);
}

/** A random token for cookies and API keys (256 bits, URL-safe). */
export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** SHA-256 of a high-entropy token, the form in which tokens are stored and looked up. */
export function tokenDigest(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

const PASSWORD_ALPHABETS = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#%+=?'];

/** A random password that satisfies the password rules (used for demo users and resets). */
export function randomPassword(length = 16): string {
  const all = PASSWORD_ALPHABETS.join('');
  const chars = PASSWORD_ALPHABETS.map((set) => set[crypto.randomInt(set.length)]!);
  while (chars.length < length) chars.push(all[crypto.randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/**
 * Password rule: at least 8 characters from at least three of lower case, upper case, digits and
 * other characters (the usual 等保 baseline). Returns a message key, or null when acceptable.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return 'auth.password_too_short';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'auth.password_too_simple';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'auth.password_contains_username';
  return null;
}
