// The rule an item gets when its department set none: the profile maps (security level, sensitivity)
// to a treatment, and "partial" becomes the rule that fits what the item holds, recognised by its
// name, field name and type.
import type { MaskingRules, MaskingTreatment } from '../profiles/profile.schema.ts';
import type { ItemType, MaskRule } from './rules.ts';

/** An item's sensitivity as the catalog records it. */
export type Sensitivity = 'general' | 'personal' | 'sensitive';

/**
 * The default treatment for a level and a sensitivity. Takes the level alone so that a caller can
 * pass the resource's level or, where items carry their own classification level, the item's.
 */
export function defaultTreatment(
  defaults: MaskingRules['defaults'],
  level: string,
  sensitivity: string,
): MaskingTreatment {
  const byLevel = defaults.levels[level];
  if (!byLevel) return defaults.unlisted;
  return byLevel[sensitivity as Sensitivity] ?? defaults.unlisted;
}

/** What an item is, as far as masking needs to know. */
export interface ItemShape {
  name: string;
  fieldName: string;
  dataType: string;
}

// Names and field names departments use; the field patterns follow pool-schema's identifier checks.
const KINDS: {
  kind: 'citizen_id' | 'name' | 'mobile' | 'bank_card' | 'address';
  name: RegExp;
  field: RegExp;
}[] = [
  {
    kind: 'citizen_id',
    name: /(公民)?身份(证)?号(码)?|居民身份证|证件号码/,
    field: /(^|_)(id_number|citizen_id|id_card(_no)?|sfzh|zjhm)$/,
  },
  { kind: 'name', name: /姓名|^名字$/, field: /(^|_)(xm|name|full_name|person_name)$/ },
  { kind: 'mobile', name: /手机|电话|联系方式/, field: /(^|_)(lxdh|sjhm|phone|mobile|tel|dh)$/ },
  {
    kind: 'bank_card',
    name: /银行卡|银行账号|卡号|账号/,
    field: /(^|_)(yhkh|card_no|bank_card|account_no)$/,
  },
  { kind: 'address', name: /地址|住址|住所|居住地/, field: /(^|_)(zz|dz|address|addr|jzd)$/ },
];

/** The rule that fits what an item holds, used where the treatment is "partial". */
export function fittingRule(item: ItemShape): MaskRule {
  const type = item.dataType as ItemType;
  if (type === 'D' || type === 'T') return { kind: 'date', precision: 'year' };
  if (type === 'L') return { kind: 'none' };
  if (type !== 'C' && type !== 'M') return { kind: 'null' };
  for (const { kind, name, field } of KINDS)
    if (name.test(item.name) || field.test(item.fieldName)) return { kind };
  return { kind: 'free_text' };
}

/** The default rule of an item: its treatment made concrete for its type. */
export function defaultRule(item: ItemShape, treatment: MaskingTreatment): MaskRule {
  if (treatment === 'none') return { kind: 'none' };
  if (treatment === 'null') return { kind: 'null' };
  if (treatment === 'pseudonym') return item.dataType === 'L' ? { kind: 'null' } : { kind: 'pseudonym' };
  return fittingRule(item);
}
