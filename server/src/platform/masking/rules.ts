// Masking (脱敏) rules as data: one TypeBox schema per kind, validated where rules enter (the API,
// the profile's defaults), and which kinds fit which item data types. Pure: no database.
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';

/** What a value becomes when it does not have the shape a rule expects (e.g. a 9-digit "mobile"). */
export const OnMismatch = Type.Union([Type.Literal('mask_all'), Type.Literal('null')], {
  description: 'mask_all: every character becomes the mask character; null: the value is withheld',
});
/** The mismatch treatment. */
export type OnMismatch = Static<typeof OnMismatch>;

// One character; not `\\`, `$` or `&`, which mean something in regular-expression replacements.
const MaskChar = Type.String({
  minLength: 1,
  maxLength: 1,
  pattern: '^[^\\\\$&]$',
  description: 'default *',
});
// Defaults are applied by the maskers (a default inside a union is ignored by the validator).
const Keep = (max: number, fallback: number) =>
  Type.Integer({ minimum: 0, maximum: max, description: `default ${fallback}` });
const rule = <K extends string, P extends Record<string, TSchema>>(kind: K, props: P) =>
  Type.Object({ kind: Type.Literal(kind), ...props }, { additionalProperties: false });

/** Every rule kind, with its parameters (defaults make `{ kind }` alone a complete rule). */
export const MaskRule = Type.Union([
  /** Shown as stored (原样). */
  rule('none', {}),
  /** Withheld (置空). */
  rule('null', {}),
  /** Citizen ID (GB 11643, 18 or old 15 digits): keep the region code and the last characters. */
  rule('citizen_id', {
    keepStart: Type.Optional(Keep(14, 6)),
    keepEnd: Type.Optional(Keep(14, 4)),
    maskChar: Type.Optional(MaskChar),
    onMismatch: Type.Optional(OnMismatch),
  }),
  /** A person's name: the surname (compound surnames such as 欧阳 whole), the rest masked. */
  rule('name', { maskChar: Type.Optional(MaskChar) }),
  /** Mobile number (11 digits starting with 1): 138****1234. */
  rule('mobile', {
    keepStart: Type.Optional(Keep(11, 3)),
    keepEnd: Type.Optional(Keep(11, 4)),
    maskChar: Type.Optional(MaskChar),
    onMismatch: Type.Optional(OnMismatch),
  }),
  /** Bank card (12–19 digits; spaces and hyphens ignored): keep the issuer's first 6 and last 4. */
  rule('bank_card', {
    keepStart: Type.Optional(Keep(19, 6)),
    keepEnd: Type.Optional(Keep(19, 4)),
    maskChar: Type.Optional(MaskChar),
    onMismatch: Type.Optional(OnMismatch),
  }),
  /** Some other code: keep the first and last characters, mask the middle. */
  rule('partial', {
    keepStart: Type.Optional(Keep(64, 1)),
    keepEnd: Type.Optional(Keep(64, 0)),
    maskChar: Type.Optional(MaskChar),
  }),
  /** Address generalised to its province, city or district (cut after 省 / 市 / 区、县…). */
  rule('address', {
    level: Type.Optional(
      Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('district')], {
        description: 'default district',
      }),
    ),
    onMismatch: Type.Optional(OnMismatch),
  }),
  /** Date or time reduced to its year (1985) or year and month (1985-03). */
  rule('date', {
    precision: Type.Optional(
      Type.Union([Type.Literal('year'), Type.Literal('month')], { description: 'default year' }),
    ),
  }),
  /** Free text: recognised citizen IDs, mobile numbers and credit codes inside it are masked. */
  rule('free_text', {
    targets: Type.Optional(
      Type.Array(
        Type.Union([Type.Literal('citizen_id'), Type.Literal('mobile'), Type.Literal('credit_code')]),
        { minItems: 1, uniqueItems: true, description: 'default: all three' },
      ),
    ),
    maskChar: Type.Optional(MaskChar),
  }),
  /** Keyed SM3 pseudonym (HMAC-SM3, key per grant): equal values give equal pseudonyms in one grant. */
  rule('pseudonym', {
    length: Type.Optional(Type.Integer({ minimum: 8, maximum: 64, description: 'default 16' })),
  }),
  /** Numbers generalised to a range: fixed-width buckets from an origin, or explicit bounds. */
  rule('range', {
    width: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    origin: Type.Optional(Type.Number({ description: 'default 0' })),
    bounds: Type.Optional(Type.Array(Type.Number(), { minItems: 1, maxItems: 64 })),
  }),
]);
/** A masking rule. */
export type MaskRule = Static<typeof MaskRule>;
/** The name of a rule kind. */
export type MaskKind = MaskRule['kind'];
/** Every rule kind, in the order the console lists them. */
export const MASK_KINDS: readonly MaskKind[] = [
  'none',
  'citizen_id',
  'name',
  'mobile',
  'bank_card',
  'partial',
  'address',
  'date',
  'free_text',
  'pseudonym',
  'range',
  'null',
];

/** An item's data type code (the catalog's: 字符型 C, 数值型 N, 整型 I, 日期型 D …). */
// M (备注型, memo) is long text: every text rule fits it as it fits C.
export type ItemType = 'C' | 'M' | 'N' | 'I' | 'F' | 'B' | 'Y' | 'D' | 'T' | 'L';

const TEXT: readonly ItemType[] = ['C', 'M'];
const NUMBERS: readonly ItemType[] = ['N', 'I', 'F', 'B', 'Y'];
const DATES: readonly ItemType[] = ['D', 'T'];
const ALL: readonly ItemType[] = ['C', 'M', 'N', 'I', 'F', 'B', 'Y', 'D', 'T', 'L'];

/** The item types each kind fits: a date rule on a number, an ID rule on a date, … are refused. */
export const KIND_TYPES: Record<MaskKind, readonly ItemType[]> = {
  none: ALL,
  null: ALL,
  citizen_id: TEXT,
  name: TEXT,
  mobile: TEXT,
  bank_card: TEXT,
  partial: TEXT,
  address: TEXT,
  free_text: TEXT,
  date: DATES,
  range: NUMBERS,
  pseudonym: ['C', 'M', 'N', 'I', 'F', 'B', 'Y', 'D', 'T'],
};

/** Whether a rule kind fits an item's data type. */
export function fitsType(kind: MaskKind, type: string): boolean {
  return (KIND_TYPES[kind] as readonly string[]).includes(type);
}

/** A rule's own problems beyond the schema (parameters that contradict each other), as message keys. */
export function ruleProblems(masking: MaskRule): string[] {
  if (masking.kind === 'range') {
    const hasWidth = masking.width !== undefined;
    const hasBounds = masking.bounds !== undefined;
    if (hasWidth === hasBounds) return ['masking.rule.range_one_of'];
    if (hasBounds && masking.bounds!.some((b, i) => i > 0 && b <= masking.bounds![i - 1]!))
      return ['masking.rule.range_bounds_order'];
  }
  return [];
}

/** Parses untrusted JSON into a rule; undefined when it is not a valid rule. */
export function parseRule(input: unknown): MaskRule | undefined {
  if (!Value.Check(MaskRule, input)) return undefined;
  return ruleProblems(input).length === 0 ? input : undefined;
}
