// Unified social credit code, GB 32100-2015: 18 characters from a 31-character set without I O S V Z;
// the last is a check character over the first 17 with fixed weights.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a credit code, or null if they are malformed. */
export function creditCodeCheckChar(first17: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

// Each character code's value in the set, -1 for a character outside it (by lookup, not indexOf).
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) VALUE[CHARSET.charCodeAt(i)] = i;
const valueOf = (code: number) => (code < 128 ? VALUE[code]! : -1);

/**
 * Whether a string is a valid unified social credit code (format and check character). One pass
 * over character codes, without a regular expression or a slice: pool loads check millions.
 */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = valueOf(code.charCodeAt(i));
    if (value < 0) return false;
    sum += value * WEIGHTS[i]!;
  }
  return code.charCodeAt(17) === CHARSET.charCodeAt((31 - (sum % 31)) % 31);
}
