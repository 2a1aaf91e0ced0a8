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

const col = (
  header: string,
  en: string,
  key: string,
  kind: ColumnKind,
  required: boolean,
  width: number,
  note: string,
  example: string,
  list?: ListName,
): Column => ({ header, en, key, kind, required, width, note, example, ...(list ? { list } : {}) });

/** Columns of 资源目录: one row per resource. */
export const RESOURCE_COLUMNS: readonly Column[] = [
  col(
    '资源代码',
    'Resource code',
    'code',
    'text',
    false,
    18,
    '新资源可留空，由平台按分类自动编码；填写已有代码则更新该资源',
    '{codeExample}',
  ),
  col('资源名称', 'Name', 'name', 'text', true, 28, '信息资源的名称', '居民户籍信息'),
  col(
    '分类代码',
    'Classification code',
    'classId',
    'class',
    true,
    22,
    '资源分类（至少到“项”一级），从下拉列表选择或填写代码，见「代码表」',
    '101 人口信息',
  ),
  col(
    '资源摘要',
    'Abstract',
    'abstract',
    'text',
    true,
    40,
    '资源内容的简要说明',
    '本市户籍人口的基本登记信息',
  ),
  col(
    '关键词',
    'Keywords',
    'keywords',
    'words',
    false,
    20,
    '多个关键词用“；”或“,”分隔，最多 20 个',
    '户籍；人口',
  ),
  col(
    '资源格式类型',
    'Format type',
    'formatType',
    'list',
    true,
    14,
    '信息资源的格式分类',
    '数据库',
    'formatType',
  ),
  col(
    '文件格式',
    'File formats',
    'formats',
    'multi',
    false,
    14,
    '可多选，用“,”分隔',
    'CSV,XLSX',
    'fileFormat',
  ),
  col('共享类型', 'Share type', 'shareType', 'list', true, 14, '共享属性', '有条件共享', 'shareType'),
  col(
    '共享条件',
    'Share condition',
    'shareCondition',
    'text',
    false,
    30,
    '有条件共享时必填',
    '仅限办理户籍相关业务使用',
  ),
  col(
    '共享方式',
    'Share methods',
    'shareMethods',
    'multi',
    false,
    24,
    '可多选，用“；”分隔；不予共享时可留空',
    '共享平台方式（接口）',
    'shareMethod',
  ),
  col(
    '共享依据',
    'Legal basis for sharing',
    'shareBasis',
    'text',
    false,
    30,
    '{shareBasisRule}',
    '《中华人民共和国居民身份证法》第六条',
  ),
  col('开放类型', 'Open type', 'openType', 'list', true, 14, '开放属性', '不予开放', 'openType'),
  col('开放条件', 'Open condition', 'openCondition', 'text', false, 30, '有条件开放时必填', ''),
  col(
    '开放方式',
    'Open methods',
    'openMethods',
    'multi',
    false,
    20,
    '可多选，用“；”分隔；不予开放时须留空',
    '',
    'openMethod',
  ),
  col(
    '开放依据',
    'Legal basis for (not) opening',
    'openBasis',
    'text',
    false,
    30,
    '{openBasisRule}',
    '《中华人民共和国个人信息保护法》第二十八条',
  ),
  col(
    '安全级别',
    'Security level',
    'securityLevel',
    'list',
    true,
    12,
    '数据安全级别',
    '重要数据',
    'securityLevel',
  ),
  {
    ...col(
      '安全级别子级',
      'Security sub-level',
      'securitySubLevel',
      'list',
      false,
      14,
      '可选；须为所填安全级别下设的子级，见「代码表」',
      '重要2级',
      'securitySubLevel',
    ),
    optional: true,
  },
  {
    ...col(
      '数据分类',
      'Data category',
      'category',
      'list',
      false,
      14,
      '可选；数据分类，见「代码表」',
      '个人信息',
      'dataCategory',
    ),
    optional: true,
  },
  col(
    '使用要求',
    'Usage requirements',
    'usageRequirements',
    'text',
    false,
    30,
    '使用方应遵守的要求',
    '不得向第三方提供',
  ),
  col(
    '更新周期',
    'Update cycle',
    'updateCycle',
    'list',
    true,
    10,
    '“其他”时须填写更新周期说明',
    '每日',
    'updateCycle',
  ),
  col(
    '更新周期说明',
    'Update cycle note',
    'updateCycleNote',
    'text',
    false,
    20,
    '更新周期为“其他”时必填',
    '',
  ),
  col('关联资源代码', 'Related resource codes', 'relatedCodes', 'words', false, 20, '多个代码用“；”分隔', ''),
  col('联系人', 'Contact name', 'contactName', 'text', false, 10, '', '张三'),
  col('联系电话', 'Contact phone', 'contactPhone', 'text', false, 16, '数字、空格、+ - ( )', '023-12345678'),
  col('电子邮箱', 'Contact e-mail', 'contactEmail', 'text', false, 22, '', 'hujizhongxin@example.gov.cn'),
  col(
    '时间范围起',
    'Time coverage from',
    'temporalStart',
    'date',
    false,
    12,
    '日期，如 2020-01-01',
    '2000-01-01',
  ),
  col('时间范围止', 'Time coverage to', 'temporalEnd', 'date', false, 12, '日期，不早于时间范围起', ''),
];

/** Columns of 信息项: one row per information item, tied to its resource by code or name. */
export const ITEM_COLUMNS: readonly Column[] = [
  col(
    '资源代码',
    'Resource code',
    'resourceCode',
    'text',
    false,
    18,
    '所属资源的代码；新资源没有代码时留空并填写资源名称',
    '',
  ),
  col(
    '资源名称',
    'Resource name',
    'resourceName',
    'text',
    false,
    28,
    '所属资源的名称（未填资源代码时用于对应「资源目录」中的行）',
    '居民户籍信息',
  ),
  col('序号', 'Position', 'position', 'integer', false, 6, '信息项在资源中的顺序；留空则按行的先后', '1'),
  col('信息项名称', 'Item name', 'name', 'text', true, 20, '', '公民身份号码'),
  col(
    '字段名',
    'Field name',
    'fieldName',
    'text',
    true,
    18,
    '小写字母开头，只含小写字母、数字、下划线；同一资源内不重复',
    'citizen_id',
  ),
  col(
    '数据类型',
    'Data type',
    'dataType',
    'list',
    true,
    12,
    '通用型（二进制）不能存入数据资源池',
    '字符型',
    'dataType',
  ),
  col('数据长度', 'Length', 'length', 'integer', false, 10, '字符型、数值型必填', '18'),
  col('小数位数', 'Scale', 'scale', 'integer', false, 10, '仅数值型', ''),
  col('描述', 'Description', 'description', 'text', false, 30, '', '18 位公民身份号码'),
  col('敏感程度', 'Sensitivity', 'sensitivity', 'list', true, 12, '', '个人信息', 'sensitivity'),
  col('是否主键', 'Key', 'isKey', 'boolean', false, 10, '是/否；每个资源至多一个主键', '是', 'yesNo'),
  col('是否必填', 'Required', 'required', 'boolean', false, 10, '是/否', '是', 'yesNo'),
  col(
    '取值范围',
    'Allowed values',
    'allowedValues',
    'words',
    false,
    20,
    '代码类信息项的可选值，用“；”分隔；不填为不限',
    '男；女',
  ),
  {
    ...col(
      '信息项分类',
      'Item category',
      'category',
      'list',
      false,
      14,
      '可选；信息项的数据分类，见「代码表」',
      '个人信息',
      'dataCategory',
    ),
    optional: true,
  },
  {
    ...col(
      '信息项分级',
      'Item security level',
      'securityLevel',
      'list',
      false,
      14,
      '可选；留空则同资源的安全级别，只能高于或等于资源的级别',
      '',
      'securityLevel',
    ),
    optional: true,
  },
];

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
