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

function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= Date.now()
  );
}

/** Whether a string is a valid 18-character citizen ID number (format, birth date, check character). */
export function isValidCitizenId(id: string): boolean {
  const normalised = id.toUpperCase();
  if (!/^[0-9]{17}[0-9X]$/.test(normalised)) return false;
  if (!isRealDate(normalised.slice(6, 14))) return false;
  return citizenIdCheckChar(normalised.slice(0, 17)) === normalised[17];
}
