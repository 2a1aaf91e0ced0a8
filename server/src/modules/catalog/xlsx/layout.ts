// The layout of the catalog list workbook (目录清单模板): its sheets, their columns, and the value
// lists the enum columns take. Template, export and import all read it, so a file the platform
// writes is always one it can read back.
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import {
  DATA_TYPES,
  FILE_FORMATS,
  FORMAT_TYPES,
  OPEN_METHODS,
  SENSITIVITIES,
  SHARE_METHODS,
  UPDATE_CYCLES,
} from '../catalog.vocabulary.ts';

/** Sheet names, as the template has them. */
export const SHEETS = {
  instructions: '填写说明',
  resources: '资源目录',
  items: '信息项',
  codes: '代码表',
} as const;

/** The MIME type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A value list of the code table: Chinese name (what cells hold), English name, stored code. */
export interface ListValue {
  code: string;
  zh: string;
  en: string;
}

/** The value lists a column can draw from. */
export type ListName =
  | 'formatType'
  | 'fileFormat'
  | 'shareType'
  | 'shareMethod'
  | 'openType'
  | 'openMethod'
  | 'securityLevel'
  | 'securitySubLevel'
  | 'dataCategory'
  | 'updateCycle'
  | 'dataType'
  | 'sensitivity'
  | 'yesNo';

/**
 * How a cell is read: plain text; a classification (`101` or `101 人口信息`); one value of a list;
 * several values of a list or free words separated by ；or ,; a date; a whole number; 是/否.
 */
export type ColumnKind = 'text' | 'class' | 'list' | 'multi' | 'words' | 'date' | 'integer' | 'boolean';

/** A column of a data sheet. */
export interface Column {
  /** The header in row 1 (Chinese, as departments know it). */
  header: string;
  /** The English name (instructions, docs). */
  en: string;
  /** The ResourceInput / ItemInput property it fills, or a linking column of the items sheet. */
  key: string;
  kind: ColumnKind;
  list?: ListName;
  required: boolean;
  width: number;
  /** What to write, for the instructions sheet. */
  note: string;
  example: string;
  /** A column added after the first template: files made before it may lack it. */
  optional?: true;
}

/** Titles of the code table's columns, in order, with the list each holds. */
export const CODE_TABLE: readonly { title: string; list: ListName | 'class' }[] = [
  { title: '分类代码', list: 'class' },
  { title: '资源格式类型', list: 'formatType' },
  { title: '文件格式', list: 'fileFormat' },
  { title: '共享类型', list: 'shareType' },
  { title: '共享方式', list: 'shareMethod' },
  { title: '开放类型', list: 'openType' },
  { title: '开放方式', list: 'openMethod' },
  { title: '安全级别', list: 'securityLevel' },
  { title: '安全级别子级', list: 'securitySubLevel' },
  { title: '数据分类', list: 'dataCategory' },
  { title: '更新周期', list: 'updateCycle' },
  { title: '数据类型', list: 'dataType' },
  { title: '敏感程度', list: 'sensitivity' },
  { title: '是/否', list: 'yesNo' },
];

const fromTerms = (terms: readonly { code: string; name: { 'zh-CN': string; en: string } }[]) =>
  terms.map((t) => ({ code: t.code, zh: t.name['zh-CN'], en: t.name.en }));

/** The value lists under the active profile (category and security level names come from it). */
export function valueLists(profile: Profile): Record<ListName, ListValue[]> {
  const categories = (kind: 'share' | 'open') =>
    (['unconditional', 'conditional', 'none'] as const).map((code) => ({
      code,
      zh: profile.categories[kind][code]['zh-CN'],
      en: profile.categories[kind][code].en,
    }));
  return {
    formatType: fromTerms(FORMAT_TYPES),
    fileFormat: FILE_FORMATS.map((f) => ({ code: f.code, zh: f.code, en: f.code })),
    shareType: categories('share'),
    shareMethod: fromTerms(SHARE_METHODS),
    openType: categories('open'),
    openMethod: fromTerms(OPEN_METHODS),
    securityLevel: fromTerms(profile.catalog.securityLevels),
    securitySubLevel: fromTerms(profile.catalog.securityLevels.flatMap((level) => level.subLevels)),
    dataCategory: fromTerms(profile.catalog.dataCategories),
    updateCycle: fromTerms(UPDATE_CYCLES),
    dataType: fromTerms(DATA_TYPES),
    sensitivity: fromTerms(SENSITIVITIES),
    yesNo: [
      { code: 'true', zh: '是', en: 'Yes' },
      { code: 'false', zh: '否', en: 'No' },
    ],
  };
}

/** How a classification appears in a cell and in the dropdown: `101 人口信息`. */
export function classLabel(cls: { code: string; name: string }): string {
  return `${cls.code} ${cls.name}`;
}

/** Excel's letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
