// Unified social credit code (GB 32100-2015): the same check the server makes, so the form can say
// at once when a code is mistyped.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Whether a string is a well-formed credit code with the right check character. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(code[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31] === code[17];
}
