// The rules a resource must satisfy before it can be saved, wherever it comes from (console form,
// API, .xlsx import). They return field problems instead of throwing, so that a form can show each
// one beside its field and an import can name the sheet, row and column of each.
import type { FieldProblem } from '../../platform/errors/app-error.ts';
import type { Profile } from '../../platform/profiles/profile.schema.ts';
import './catalog.messages.ts';
import type { ClassRef, ResourceInput } from './catalog.schemas.ts';
import { DATA_TYPES } from './catalog.vocabulary.ts';
import { checkClassification } from '../security/classification/classification.rules.ts';

/** What the rules need to know beyond the input itself. */
export interface RuleContext {
  profile: Profile;
  /** The classification node with this id, if it exists. */
  classOf(id: string): ClassRef | undefined;
}

const blank = (value: string | null | undefined) => !value || value.trim() === '';

function categoryName(profile: Profile, kind: 'share' | 'open', type: string): string {
  const names = profile.categories[kind] as unknown as Record<string, { 'zh-CN': string } | undefined>;
  return names[type]?.['zh-CN'] ?? type;
}

function checkAccess(
  context: RuleContext,
  input: ResourceInput,
  kind: 'share' | 'open',
  at: (field: string) => string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { profile } = context;
  const type = kind === 'share' ? input.shareType : input.openType;
  const basis = kind === 'share' ? input.shareBasis : input.openBasis;
  const condition = kind === 'share' ? input.shareCondition : input.openCondition;
  const methods = (kind === 'share' ? input.shareMethods : input.openMethods) ?? [];
  const rule = profile.catalog.legalBasis[kind];
  if ((rule.types as string[]).includes(type) && blank(basis)) {
    problems.push({
      path: at(`${kind}Basis`),
      code: 'catalog.legal_basis_required',
      params: { type: categoryName(profile, kind, type), article: rule.article ?? '' },
    });
  }
  if (type === 'conditional' && blank(condition)) {
    problems.push({ path: at(`${kind}Condition`), code: `catalog.${kind}_condition_required` });
  }
  if (type === 'none' && methods.length > 0 && kind === 'open') {
    problems.push({ path: at('openMethods'), code: 'catalog.open_methods_for_closed' });
  }
  if (type !== 'none' && methods.length === 0) {
    problems.push({ path: at(`${kind}Methods`), code: `catalog.${kind}_methods_required` });
  }
  return problems;
}

function checkItems(input: ResourceInput, at: (field: string) => string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  let keys = 0;
  input.items.forEach((item, index) => {
    const here = (field: string) => at(`items/${index}/${field}`);
    const type = DATA_TYPES.find((t) => t.code === item.dataType);
    if (type && !type.storable) {
      problems.push({
        path: here('dataType'),
        code: 'catalog.item.type_not_storable',
        params: { type: item.dataType },
      });
    }
    if (type?.needsLength && !item.length) {
      problems.push({ path: here('length'), code: 'catalog.item.length_required' });
    }
    if (item.scale != null && (item.dataType !== 'N' || (item.length != null && item.scale > item.length))) {
      problems.push({ path: here('scale'), code: 'catalog.item.bad_scale' });
    }
    const first = seen.get(item.fieldName);
    if (first !== undefined) {
      problems.push({
        path: here('fieldName'),
        code: 'catalog.item.field_name_taken',
        params: { fieldName: item.fieldName, row: first + 1 },
      });
    } else {
      seen.set(item.fieldName, index);
    }
    if (item.isKey) {
      keys += 1;
      if (keys > 1) problems.push({ path: here('isKey'), code: 'catalog.item.one_key' });
    }
  });
  return problems;
}

/**
 * Checks a resource against the catalog rules of the active profile: a legal basis for the
 * restricted share/open types that need one (CQ19 §25(1), §31, SC §23, CQO §12), unconditional
 * sharing of base resources (CQ19 §25(2)), conditions and methods that fit the types, storable
 * item types, unique field names, one key at most. `base` prefixes every path (e.g. `/body`).
 */
export function checkResource(context: RuleContext, input: ResourceInput, base = '/body'): FieldProblem[] {
  const at = (field: string) => `${base}/${field}`;
  const problems: FieldProblem[] = [];
  const cls = context.classOf(input.classId);
  if (!cls) {
    problems.push({ path: at('classId'), code: 'catalog.class_unknown' });
  } else if (cls.path.length < 2) {
    problems.push({ path: at('classId'), code: 'catalog.class_too_broad' });
  }
  const levels = context.profile.catalog.securityLevels.map((level) => level.code);
  if (!levels.includes(input.securityLevel)) {
    problems.push({
      path: at('securityLevel'),
      code: 'catalog.security_level_unknown',
      params: { allowed: levels.join(', ') },
    });
  }
  problems.push(...checkAccess(context, input, 'share', at), ...checkAccess(context, input, 'open', at));
  // 分类分级: categories, sub-levels, item levels, and the types the highest level allows (SC §30, §40).
  problems.push(...checkClassification(context.profile, input, at));
  const baseRule = context.profile.catalog.baseResourcesUnconditionallyShared;
  if (cls?.kind === 'base' && baseRule.required && input.shareType !== 'unconditional') {
    problems.push({
      path: at('shareType'),
      code: 'catalog.base_must_be_unconditional',
      params: { article: baseRule.article ?? '' },
    });
  }
  if (input.updateCycle === 'other' && blank(input.updateCycleNote)) {
    problems.push({ path: at('updateCycleNote'), code: 'catalog.update_cycle_note_required' });
  }
  if (input.temporalStart && input.temporalEnd && input.temporalEnd < input.temporalStart) {
    problems.push({ path: at('temporalEnd'), code: 'catalog.temporal_order' });
  }
  problems.push(...checkItems(input, at));
  return problems;
}

/**
 * Checks a resource code given by hand: the profile's format (前段码/后段码), and a 前段码 equal to
 * the code of the resource's classification.
 */
export function checkResourceCode(
  profile: Profile,
  code: string,
  cls: ClassRef | undefined,
  path = '/body/code',
): FieldProblem[] {
  const rule = profile.catalog.resourceCode;
  if (!new RegExp(rule.pattern).test(code)) {
    return [{ path, code: 'catalog.code_format', params: { example: rule.example } }];
  }
  if (cls && code.split('/')[0] !== cls.code) {
    return [{ path, code: 'catalog.code_class_mismatch', params: { classCode: cls.code } }];
  }
  return [];
}

/** Keywords trimmed, without blanks and repeats (a form's tag box easily sends both). */
export function cleanKeywords(keywords: readonly string[] | undefined): string[] {
  return [...new Set((keywords ?? []).map((word) => word.trim()).filter(Boolean))];
}
