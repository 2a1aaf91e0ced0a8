// Citizen identity number, GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence and
// a check character (0-9 or X) over the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character for the first 17 digits, or null if they are not 17 digits. */
export function citizenIdCheckChar(first17: string): string | null {
  if (!/^[0-9]{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

// Module-level rather than a closure per call: tsx (esbuild's keepNames) names every closure it
// makes with a defineProperty call, which showed in load profiles.
const digitAt = (id: string, at: number) => id.charCodeAt(at) - 48;

/** Whether the 8 digits at `at` are a real date from 1900 up to today (digits already checked). */
function isRealBirthDate(id: string, at: number): boolean {
  const year =
    digitAt(id, at) * 1000 + digitAt(id, at + 1) * 100 + digitAt(id, at + 2) * 10 + digitAt(id, at + 3);
  const month = digitAt(id, at + 4) * 10 + digitAt(id, at + 5);
  const day = digitAt(id, at + 6) * 10 + digitAt(id, at + 7);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day <= days && Date.UTC(year, month - 1, day) <= Date.now();
}

/**
 * Whether a string is a valid 18-character citizen ID number (format, birth date, check character).
 * Written as one pass over character codes: pool loads check millions of these.
 */
export function isValidCitizenId(id: string): boolean {
  if (id.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    sum += digit * WEIGHTS[i]!;
  }
  const last = id[17]!;
  if (!(last === 'x' || last === 'X' || (last >= '0' && last <= '9'))) return false;
  if (!isRealBirthDate(id, 6)) return false;
  return CHECK[sum % 11] === last.toUpperCase();
}
