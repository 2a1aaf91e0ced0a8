import { Type, type Static } from 'typebox';
import { MaskRule } from '../../../platform/masking/rules.ts';

/** `:resourceId`. */
export const ResourceParams = Type.Object({ resourceId: Type.String({ format: 'uuid' }) });
/** `:resourceId/:field`. */
export const ItemParams = Type.Object({
  resourceId: Type.String({ format: 'uuid' }),
  field: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }),
});

/** Body of setting an item's rule. */
export const SetRuleBody = Type.Object(
  { rule: MaskRule, note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
/** A rule to set. */
export type SetRuleBody = Static<typeof SetRuleBody>;

const Treatment = Type.Union([
  Type.Literal('none'),
  Type.Literal('partial'),
  Type.Literal('pseudonym'),
  Type.Literal('null'),
]);

/** An item with the rule in force. */
export const MaskingItem = Type.Object({
  fieldName: Type.String(),
  name: Type.String(),
  dataType: Type.String(),
  sensitivity: Type.String(),
  level: Type.String(),
  isKey: Type.Boolean(),
  /** Whether the item has a column in the pool table (binary items have none). */
  stored: Type.Boolean(),
  rule: MaskRule,
  /** rule: set by the department; default: from the profile's mapping. */
  source: Type.Union([Type.Literal('rule'), Type.Literal('default')]),
  defaultTreatment: Treatment,
  defaultRule: MaskRule,
  /** Rule kinds that fit the item's type. */
  fittingKinds: Type.Array(Type.String()),
  note: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  updatedByName: Type.Union([Type.String(), Type.Null()]),
});

/** A resource's items and their rules. */
export const MaskingView = Type.Object({
  resourceId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  securityLevel: Type.String(),
  hasTable: Type.Boolean(),
  canManage: Type.Boolean(),
  items: Type.Array(MaskingItem),
});

/** Query of a preview. */
export const PreviewBody = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) },
  { additionalProperties: false },
);
/** A preview request. */
export type PreviewBody = Static<typeof PreviewBody>;

const Row = Type.Record(Type.String(), Type.Unknown());

/** A masked sample; `original` only for those who may read the pool's rows. */
export const Preview = Type.Object({
  fields: Type.Array(Type.Object({ fieldName: Type.String(), name: Type.String(), kind: Type.String() })),
  rows: Type.Array(Row),
  original: Type.Union([Type.Array(Row), Type.Null()]),
});

/** A k-anonymity check request. */
export const KAnonymityBody = Type.Object(
  {
    k: Type.Integer({ minimum: 2, maximum: 1000 }),
    quasiIdentifiers: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }), {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
    }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);
/** A k-anonymity check request. */
export type KAnonymityBody = Static<typeof KAnonymityBody>;

/** The outcome of a k-anonymity check on the masked extract. */
export const KAnonymityResult = Type.Object({
  k: Type.Integer(),
  quasiIdentifiers: Type.Array(Type.String()),
  /** Every equivalence class has at least k rows. */
  releasable: Type.Boolean(),
  rows: Type.Integer(),
  classes: Type.Integer(),
  smallestClass: Type.Union([Type.Integer(), Type.Null()]),
  smallClasses: Type.Integer(),
  breakingRows: Type.Integer(),
  /** Up to `limit` breaking rows: row id, masked key and quasi-identifier values, class size. */
  examples: Type.Array(
    Type.Object({
      row: Type.Integer(),
      key: Type.Record(Type.String(), Type.Unknown()),
      values: Type.Record(Type.String(), Type.Unknown()),
      classSize: Type.Integer(),
    }),
  ),
});
