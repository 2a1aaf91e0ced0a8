import type { Json, Timestamp } from '../../../platform/db/schema.ts';
import type { MaskRule } from '../../../platform/masking/rules.ts';

/** Row of `masking_rules`: the rule of one information item of a resource. */
export interface MaskingRuleTable {
  resource_id: string;
  field_name: string;
  rule: Json<MaskRule>;
  note: string | null;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: Timestamp;
}

/** Row of `masking_secret`: the pseudonym secret when none is configured. */
export interface MaskingSecretTable {
  id: boolean;
  secret: string;
  created_at: Timestamp;
}

/** The masking module's tables. */
export interface MaskingTables {
  masking_rules: MaskingRuleTable;
  masking_secret: MaskingSecretTable;
}
