// The Node side of every rule: a function per (rule, item type) that masks one value. Used for single
// records (maskRow), for what SQL cannot do (SM3 pseudonyms), and for columns that are only readable
// after decryption in Node. Each gives what the SQL of sql.ts gives for the same value.
import crypto from 'node:crypto';
import {
  ADDRESS_PREFIX,
  BANK_CARD_SEPARATORS,
  BANK_CARD_WHOLE,
  CITIZEN_ID_WHOLE,
  COMPOUND_SURNAMES,
  MOBILE_WHOLE,
  NAME_KEPT,
  TEXT_TARGETS,
  TIME_ZONE,
} from './patterns.ts';
import { Sm3PrefixMac } from '../crypto/sm3-mac.ts';
import type { ItemType, MaskRule, OnMismatch } from './rules.ts';

/** Masks one value; null stays null. */
export type ValueMasker = (value: unknown) => unknown;

/** What a pseudonym needs: the grant's key (see pseudonymKey). */
export interface MaskContext {
  pseudonymKey?: Buffer;
}

const compound = new Set<string>(COMPOUND_SURNAMES);
const kept = new Set(Array.from(NAME_KEPT));
// Compiled once per pattern: a rule runs on every value of an extraction.
const compiled = new Map<string, RegExp>();
const regex = (source: string, flags = '') => {
  const name = `${flags}/${source}`;
  let found = compiled.get(name);
  if (!found) compiled.set(name, (found = new RegExp(source, flags)));
  // A global pattern keeps its position between uses; start each use from the beginning.
  found.lastIndex = 0;
  return found;
};
/** A lone or paired UTF-16 surrogate: text with none can be cut by index instead of code point. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** The value as text, the way PostgreSQL prints it (dates as YYYY-MM-DD, numbers plainly). */
export function asText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

const maskAll = (text: string, char: string) => char.repeat(Array.from(text).length);
const mismatch = (text: string, how: OnMismatch | undefined, char: string) =>
  how === 'null' ? null : maskAll(text, char);

/** Keeps `start` leading and `end` trailing characters; masks the rest, or everything if that is all. */
export function keepEnds(text: string, start: number, end: number, char: string): string {
  if (!SURROGATE.test(text)) {
    if (start + end >= text.length) return char.repeat(text.length);
    return text.slice(0, start) + char.repeat(text.length - start - end) + (end > 0 ? text.slice(-end) : '');
  }
  const chars = Array.from(text);
  if (start + end >= chars.length) return char.repeat(chars.length);
  return (
    chars.slice(0, start).join('') +
    char.repeat(chars.length - start - end) +
    (end > 0 ? chars.slice(-end).join('') : '')
  );
}

/** The name rule: 张* · 王** · 欧阳** · 买*·*** ; a one-character value is masked whole. */
export function maskName(text: string, char = '*'): string {
  if (!SURROGATE.test(text)) {
    if (text.length <= 1) return char.repeat(text.length);
    const keep = text.length > 2 && compound.has(text.slice(0, 2)) ? 2 : 1;
    let rest = '';
    for (let at = keep; at < text.length; at++) rest += kept.has(text[at]!) ? text[at]! : char;
    return text.slice(0, keep) + rest;
  }
  const chars = Array.from(text);
  if (chars.length <= 1) return char.repeat(chars.length);
  const keep = chars.length > 2 && compound.has(chars[0]! + chars[1]!) ? 2 : 1;
  const rest = chars.slice(keep).map((c) => (kept.has(c) ? c : char));
  return chars.slice(0, keep).join('') + rest.join('');
}

/** The address rule: the leading province / city / district part, or null when none is recognised. */
export function generaliseAddress(text: string, level: keyof typeof ADDRESS_PREFIX): string | null {
  return addressPrefix(regex(ADDRESS_PREFIX[level]), text);
}

function addressPrefix(pattern: RegExp, text: string): string | null {
  const match = pattern.exec(text);
  return match?.[1] ? match[1] : null;
}

/** The free-text rule: every recognised identifier becomes a run of mask characters. */
export function redactText(text: string, targets: readonly (keyof typeof TEXT_TARGETS)[], char = '*') {
  let result = text;
  for (const target of targets)
    for (const { pattern, width } of TEXT_TARGETS[target])
      result = result.replace(regex(pattern, 'g'), char.repeat(width));
  return result;
}

const dateParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
});

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
// Daylight saving time in China ended in September 1991; earlier instants go through Intl.
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);

/** The date rule: YYYY or YYYY-MM (a timestamp in China Standard Time). */
export function truncateDate(value: unknown, precision: 'year' | 'month'): string {
  let yearMonth: string;
  if (value instanceof Date && value.getTime() >= FIXED_OFFSET_SINCE) {
    // China has kept UTC+8 without daylight saving since 1992: shift and read the UTC fields.
    const shifted = new Date(value.getTime() + CHINA_OFFSET_MS);
    yearMonth = `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
  } else if (value instanceof Date) {
    const parts = Object.fromEntries(dateParts.formatToParts(value).map((p) => [p.type, p.value]));
    yearMonth = `${parts.year}-${parts.month}`;
  } else {
    const text = String(value);
    // A timestamp as text carries its offset; read it as an instant, a plain date as it stands.
    yearMonth = text.length > 10 ? truncateDate(new Date(text), 'month') : text.slice(0, 7);
  }
  return precision === 'year' ? yearMonth.slice(0, 4) : yearMonth;
}

/** Whether integer labels (30-39) or half-open ones ([30,40)) describe a range of this item. */
export function integerLabels(type: ItemType, numbers: readonly number[]): boolean {
  return type === 'I' && numbers.every(Number.isInteger);
}

/** The range rule's label of a number. */
export function rangeLabel(
  x: number,
  masking: Extract<MaskRule, { kind: 'range' }>,
  type: ItemType,
): string | null {
  if (Number.isNaN(x)) return null;
  if (masking.bounds) {
    const bounds = masking.bounds;
    const integers = integerLabels(type, bounds);
    if (x < bounds[0]!) return `<${bounds[0]}`;
    for (let i = 1; i < bounds.length; i++)
      if (x < bounds[i]!) return bucket(bounds[i - 1]!, bounds[i]!, integers);
    return `≥${bounds[bounds.length - 1]}`;
  }
  const width = masking.width!;
  const origin = masking.origin ?? 0;
  const low = Math.floor((x - origin) / width) * width + origin;
  return bucket(low, low + width, integerLabels(type, [width, origin]));
}

function bucket(low: number, high: number, integers: boolean) {
  return integers ? `${low}-${high - 1}` : `[${low},${high})`;
}

/** The per-grant pseudonym key: HMAC-SM3 of the grant id under the platform's masking secret. */
export function pseudonymKey(secret: Buffer, grantId: string, algorithm = 'sm3'): Buffer {
  return crypto.createHmac(algorithm, secret).update(`zhengshu/masking/pseudonym/v1/${grantId}`).digest();
}

/** The pseudonym of a value: HMAC-SM3 under the grant's key, hex, cut to `length`. */
export function pseudonym(
  key: Buffer | crypto.KeyObject,
  value: unknown,
  length = 16,
  algorithm = 'sm3',
): string {
  return crypto.createHmac(algorithm, key).update(asText(value)).digest('hex').slice(0, length);
}

/** The Node masker of a rule for an item type (the rule is assumed to fit the type). */
export function valueMasker(masking: MaskRule, type: ItemType, context: MaskContext = {}): ValueMasker {
  const orNull =
    (f: (text: string) => string | null): ValueMasker =>
    (value) =>
      value === null || value === undefined ? null : f(asText(value));
  switch (masking.kind) {
    case 'none':
      return (value) => value ?? null;
    case 'null':
      return () => null;
    case 'citizen_id':
    case 'mobile':
    case 'bank_card': {
      const [start, end, whole] = {
        citizen_id: [6, 4, CITIZEN_ID_WHOLE],
        mobile: [3, 4, MOBILE_WHOLE],
        bank_card: [6, 4, BANK_CARD_WHOLE],
      }[masking.kind] as [number, number, string];
      const char = masking.maskChar ?? '*';
      const shape = regex(whole);
      const separators = regex(BANK_CARD_SEPARATORS, 'g');
      return orNull((raw) => {
        const text = masking.kind === 'bank_card' ? raw.replace(separators, '') : raw;
        if (!shape.test(text)) return mismatch(raw, masking.onMismatch, char);
        return keepEnds(text, masking.keepStart ?? start, masking.keepEnd ?? end, char);
      });
    }
    case 'partial':
      return orNull((text) =>
        keepEnds(text, masking.keepStart ?? 1, masking.keepEnd ?? 0, masking.maskChar ?? '*'),
      );
    case 'name':
      return orNull((text) => maskName(text, masking.maskChar ?? '*'));
    case 'address': {
      // Looked up once per plan: the cache's key is the whole pattern, costly to build per value.
      const pattern = regex(ADDRESS_PREFIX[masking.level ?? 'district']);
      return orNull((text) => addressPrefix(pattern, text) ?? mismatch(text, masking.onMismatch, '*'));
    }
    case 'date':
      return (value) =>
        value === null || value === undefined ? null : truncateDate(value, masking.precision ?? 'year');
    case 'free_text':
      return orNull((text) =>
        redactText(text, masking.targets ?? ['citizen_id', 'mobile', 'credit_code'], masking.maskChar ?? '*'),
      );
    case 'pseudonym': {
      const key = context.pseudonymKey;
      if (!key) throw new Error('a pseudonym rule needs the grant key');
      // The key's pad states are computed once per plan (Sm3PrefixMac): OpenSSL 3 spends more
      // setting up an HMAC per value than hashing the value. The same hex as `pseudonym` (tested).
      const mac = new Sm3PrefixMac(key, Buffer.alloc(0));
      const length = masking.length ?? 16;
      return (value) =>
        value === null || value === undefined
          ? null
          : mac
              .tag(Buffer.from(asText(value), 'utf8'))
              .toString('hex')
              .slice(0, length);
    }
    case 'range':
      return (value) =>
        value === null || value === undefined ? null : rangeLabel(Number(value), masking, type);
  }
}
