// Rules compiled to SQL expressions, so that an extraction masks inside PostgreSQL (both engines)
// and Node only sees the masked values. Only built-in functions of PostgreSQL 15. The text is made
// from validated rules: numbers are checked finite, strings pass through `literal`.
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
import type { ItemType, MaskRule, OnMismatch } from './rules.ts';
import { integerLabels } from './values.ts';

/** A string as an SQL literal (standard_conforming_strings is on in both engines). */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** An identifier, quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return `${n}::float8`;
}

const maskAll = (v: string, char: string) => `repeat(${literal(char)}, char_length(${v}))`;
const mismatch = (v: string, how: OnMismatch | undefined, char: string) =>
  how === 'null' ? 'NULL' : maskAll(v, char);

/** Keeps `start` leading and `end` trailing characters of `v`; everything masked if that is all. */
function keepEnds(v: string, start: number, end: number, char: string): string {
  const c = literal(char);
  return (
    `CASE WHEN char_length(${v}) <= ${start + end} THEN repeat(${c}, char_length(${v})) ` +
    `ELSE left(${v}, ${start}) || repeat(${c}, char_length(${v}) - ${start + end}) || right(${v}, ${end}) END`
  );
}

function shaped(v: string, whole: string, start: number, end: number, char: string, how?: OnMismatch) {
  return `CASE WHEN ${v} ~ ${literal(whole)} THEN ${keepEnds(v, start, end, char)} ELSE ${mismatch(v, how, char)} END`;
}

function maskName(v: string, char: string): string {
  const surnames = COMPOUND_SURNAMES.map(literal).join(', ');
  const keep = `CASE WHEN char_length(${v}) > 2 AND left(${v}, 2) IN (${surnames}) THEN 2 ELSE 1 END`;
  const rest = `regexp_replace(substr(${v}, ${keep} + 1), ${literal(`[^${NAME_KEPT}]`)}, ${literal(char)}, 'g')`;
  return `CASE WHEN char_length(${v}) <= 1 THEN repeat(${literal(char)}, char_length(${v})) ELSE left(${v}, ${keep}) || ${rest} END`;
}

function rangeLabel(v: string, masking: Extract<MaskRule, { kind: 'range' }>, type: ItemType): string {
  const x = `${v}::float8`;
  if (masking.bounds) {
    const bounds = masking.bounds;
    const integers = integerLabels(type, bounds);
    const label = (low: number, high: number) => (integers ? `${low}-${high - 1}` : `[${low},${high})`);
    const whens = bounds.map((bound, i) =>
      i === 0 ? '' : ` WHEN ${i} THEN ${literal(label(bounds[i - 1]!, bound))}`,
    );
    // CASE on a NULL bucket would fall to ELSE, so a NULL value is answered first.
    return (
      `CASE WHEN ${v} IS NULL THEN NULL ELSE CASE width_bucket(${x}, ARRAY[${bounds.map(num).join(', ')}])` +
      ` WHEN 0 THEN ${literal(`<${bounds[0]}`)}${whens.join('')} ELSE ${literal(`≥${bounds[bounds.length - 1]}`)} END END`
    );
  }
  const width = masking.width!;
  const origin = masking.origin ?? 0;
  const low = `(floor((${x} - ${num(origin)}) / ${num(width)}) * ${num(width)} + ${num(origin)})`;
  return integerLabels(type, [width, origin])
    ? `${low}::text || '-' || (${low} + ${num(width - 1)})::text`
    : `'[' || ${low}::text || ',' || (${low} + ${num(width)})::text || ')'`;
}

/**
 * The SQL expression of a rule applied to the column expression `v`, or null when the rule can only
 * run in Node (the SM3 pseudonym). The result is text, except for `none` (the column as stored).
 */
export function maskExpression(v: string, masking: MaskRule, type: ItemType): string | null {
  switch (masking.kind) {
    case 'none':
      return v;
    case 'null':
      return 'NULL::text';
    case 'citizen_id':
      return shaped(
        v,
        CITIZEN_ID_WHOLE,
        masking.keepStart ?? 6,
        masking.keepEnd ?? 4,
        masking.maskChar ?? '*',
        masking.onMismatch,
      );
    case 'mobile':
      return shaped(
        v,
        MOBILE_WHOLE,
        masking.keepStart ?? 3,
        masking.keepEnd ?? 4,
        masking.maskChar ?? '*',
        masking.onMismatch,
      );
    case 'bank_card': {
      const digits = `regexp_replace(${v}, ${literal(BANK_CARD_SEPARATORS)}, '', 'g')`;
      const char = masking.maskChar ?? '*';
      const masked = keepEnds(digits, masking.keepStart ?? 6, masking.keepEnd ?? 4, char);
      return `CASE WHEN ${digits} ~ ${literal(BANK_CARD_WHOLE)} THEN ${masked} ELSE ${mismatch(v, masking.onMismatch, char)} END`;
    }
    case 'partial':
      return keepEnds(v, masking.keepStart ?? 1, masking.keepEnd ?? 0, masking.maskChar ?? '*');
    case 'name':
      return maskName(v, masking.maskChar ?? '*');
    case 'address': {
      const prefix = `NULLIF(substring(${v} from ${literal(ADDRESS_PREFIX[masking.level ?? 'district'])}), '')`;
      return masking.onMismatch === 'null' ? prefix : `coalesce(${prefix}, ${maskAll(v, '*')})`;
    }
    case 'date': {
      const format = literal(masking.precision === 'month' ? 'YYYY-MM' : 'YYYY');
      return type === 'T'
        ? `to_char(${v} AT TIME ZONE ${literal(TIME_ZONE)}, ${format})`
        : `to_char(${v}, ${format})`;
    }
    case 'free_text': {
      const char = masking.maskChar ?? '*';
      let expression = v;
      for (const target of masking.targets ?? ['citizen_id', 'mobile', 'credit_code'])
        for (const { pattern, width } of TEXT_TARGETS[target])
          expression = `regexp_replace(${expression}, ${literal(pattern)}, ${literal(char.repeat(width))}, 'g')`;
      return expression;
    }
    case 'pseudonym':
      return null;
    case 'range':
      return rangeLabel(v, masking, type);
  }
}
