import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar, isValidCitizenId } from './citizen-id.ts';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code.ts';

describe('unified social credit code (GB 32100)', () => {
  it('accepts published codes', () => {
    // Well-known published codes (a listed company and a government body's format).
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(
      isValidCreditCode('11500000MB1521717B'.slice(0, 17) + creditCodeCheckChar('11500000MB1521717')),
    ).toBe(true);
  });
  it('refuses a wrong check character, forbidden letters and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });
});

describe('citizen ID number (GB 11643)', () => {
  it('accepts the standard example and an X check character', () => {
    expect(isValidCitizenId('11010519491231002X')).toBe(true);
    expect(isValidCitizenId('11010519491231002x')).toBe(true);
    expect(isValidCitizenId('44052419800101001' + citizenIdCheckChar('44052419800101001'))).toBe(true);
    expect(isValidCitizenId('44052418800101001' + citizenIdCheckChar('44052418800101001'))).toBe(false);
  });
  it('refuses a wrong check digit, impossible birth dates and junk', () => {
    expect(isValidCitizenId('110105194912310021')).toBe(false);
    expect(
      isValidCitizenId('110105194902300027'.slice(0, 17) + citizenIdCheckChar('11010519490230002')),
    ).toBe(false);
    expect(isValidCitizenId('11010519491231002')).toBe(false);
    expect(isValidCitizenId('abc')).toBe(false);
  });

  it('knows leap years and refuses birth dates in the future or before 1900', () => {
    const withCheck = (first17: string) => first17 + citizenIdCheckChar(first17);
    expect(isValidCitizenId(withCheck('50010320000229001'))).toBe(true);
    expect(isValidCitizenId(withCheck('50010319000229001'))).toBe(false);
    expect(isValidCitizenId(withCheck('50010319961329001'))).toBe(false);
    expect(isValidCitizenId(withCheck('50010318991231001'))).toBe(false);
    expect(isValidCitizenId(withCheck('50010330000101001'))).toBe(false);
    expect(isValidCitizenId(withCheck('5001032000022900A'.replace('A', '1')).replace(/.$/, 'Y'))).toBe(false);
  });
});
