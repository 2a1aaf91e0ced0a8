// Classification and grading (分类分级, SC §30, §40): the profile's categories and levels, and what
// a level allows. A resource carries a category, a level and an optional sub-level; each of its
// items a category and optionally its own level. An item may be graded higher than its resource,
// never lower (the resource's level covers all of it), and the highest level among the resource
// and its items decides which share and open types the resource may have.
import type { FieldProblem } from '../../../platform/errors/app-error.ts';
import type { Profile, SecurityLevel } from '../../../platform/profiles/profile.schema.ts';
import './classification.messages.ts';

/** What the classification rules read of a resource (a catalog input or a presented revision). */
export interface Classified {
  securityLevel: string;
  securitySubLevel?: string | null;
  category?: string | null;
  shareType: string;
  openType: string;
  items: { category?: string | null; securityLevel?: string | null }[];
}

/** The profile's level with this code, if there is one. */
export function levelOf(profile: Profile, code: string | null | undefined): SecurityLevel | undefined {
  return profile.catalog.securityLevels.find((level) => level.code === code);
}

/** Position of a level in the profile's order (lowest 0); -1 when unknown. */
export function levelRank(profile: Profile, code: string | null | undefined): number {
  return profile.catalog.securityLevels.findIndex((level) => level.code === code);
}

/** An item's level: its own, else its resource's. */
export function itemLevel(resourceLevel: string, item: { securityLevel?: string | null }): string {
  return item.securityLevel || resourceLevel;
}

/** The highest level among the resource and its items: the one whose limits apply. */
export function effectiveLevel(profile: Profile, resource: Classified): string {
  let highest = resource.securityLevel;
  for (const item of resource.items) {
    const level = itemLevel(resource.securityLevel, item);
    if (levelRank(profile, level) > levelRank(profile, highest)) highest = level;
  }
  return highest;
}

function typeNames(profile: Profile, kind: 'share' | 'open', types: readonly string[]) {
  const names = profile.categories[kind] as unknown as Record<string, { 'zh-CN': string; en: string }>;
  return {
    zh: types.map((t) => names[t]?.['zh-CN'] ?? t).join('、'),
    en: types.map((t) => names[t]?.en.toLowerCase() ?? t).join(', '),
  };
}

/** Whether a level allows a share / open type (an unknown level allows it: another rule reports it). */
export function levelAllows(profile: Profile, level: string, kind: 'share' | 'open', type: string): boolean {
  const rule = levelOf(profile, level);
  if (!rule) return true;
  return (kind === 'share' ? rule.shareTypes : rule.openTypes).includes(type as 'none');
}

/**
 * Checks a resource's classification against the profile: known category, sub-level and item
 * levels; no item below its resource; share and open types within what the highest level allows.
 * `at` turns a field name into its path (e.g. `/body/shareType`).
 */
export function checkClassification(
  profile: Profile,
  input: Classified,
  at: (field: string) => string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const level = levelOf(profile, input.securityLevel);
  const categories = profile.catalog.dataCategories.map((c) => c.code);
  const levels = profile.catalog.securityLevels.map((l) => l.code);
  const allowedCategories = { allowed: categories.join(', ') };
  if (input.category && !categories.includes(input.category))
    problems.push({
      path: at('category'),
      code: 'classification.category_unknown',
      params: allowedCategories,
    });
  if (level && input.securitySubLevel) {
    const subs = level.subLevels.map((s) => s.code);
    const names = { levelZh: level.name['zh-CN'], levelEn: level.name.en };
    if (subs.length === 0)
      problems.push({ path: at('securitySubLevel'), code: 'classification.sublevel_none', params: names });
    else if (!subs.includes(input.securitySubLevel))
      problems.push({
        path: at('securitySubLevel'),
        code: 'classification.sublevel_unknown',
        params: { ...names, allowed: subs.join(', ') },
      });
  }
  input.items.forEach((item, index) => {
    const here = (field: string) => at(`items/${index}/${field}`);
    if (item.category && !categories.includes(item.category))
      problems.push({
        path: here('category'),
        code: 'classification.category_unknown',
        params: allowedCategories,
      });
    if (!item.securityLevel) return;
    if (!levels.includes(item.securityLevel))
      problems.push({
        path: here('securityLevel'),
        code: 'classification.item_level_unknown',
        params: { allowed: levels.join(', ') },
      });
    else if (level && levelRank(profile, item.securityLevel) < levelRank(profile, level.code))
      problems.push({
        path: here('securityLevel'),
        code: 'classification.item_level_below_resource',
        params: { levelZh: level.name['zh-CN'], levelEn: level.name.en },
      });
  });
  if (!level) return problems;
  const highest = levelOf(profile, effectiveLevel(profile, input)) ?? level;
  const fromItems = highest.code !== level.code;
  const where = fromItems
    ? { whereZh: '其信息项的最高安全级别', whereEn: 'The highest level of its items' }
    : { whereZh: '资源的安全级别', whereEn: "The resource's level" };
  for (const kind of ['share', 'open'] as const) {
    const type = kind === 'share' ? input.shareType : input.openType;
    if (levelAllows(profile, highest.code, kind, type)) continue;
    const allowed = typeNames(profile, kind, kind === 'share' ? highest.shareTypes : highest.openTypes);
    const named = typeNames(profile, kind, [type]);
    problems.push({
      path: at(kind === 'share' ? 'shareType' : 'openType'),
      code: `classification.${kind}_type_exceeds_level`,
      params: {
        ...where,
        levelZh: highest.name['zh-CN'],
        levelEn: highest.name.en,
        typeZh: named.zh,
        typeEn: named.en,
        allowedZh: allowed.zh,
        allowedEn: allowed.en,
        article: profile.catalog.classificationArticle,
      },
    });
  }
  return problems;
}
