// Value lists of the national compilation guide (政务信息资源目录编制指南) and of the open-data
// regulations. They are standards, not regulation numbers, so they live in code; the names of the
// share and open categories come from the active profile.
import type { Message } from '../../platform/i18n/messages.ts';

/** A coded value with its names, in the order forms and templates show them. */
export interface Term<C extends string = string> {
  code: C;
  name: Message;
}

const term = <C extends string>(code: C, zh: string, en: string): Term<C> => ({
  code,
  name: { 'zh-CN': zh, en },
});

/** 信息资源格式: the kinds of format the guide lists. */
export const FORMAT_TYPES = [
  term('database', '数据库', 'Database'),
  term('spreadsheet', '电子表格', 'Spreadsheet'),
  term('document', '电子文件', 'Electronic document'),
  term('image', '图形图像', 'Graphics and images'),
  term('streaming', '流媒体', 'Streaming media'),
  term('self_describing', '自描述格式', 'Self-describing format'),
] as const;

/** File formats a distribution can have, with their IANA media types (for DCAT's dcat:mediaType). */
export const FILE_FORMATS = [
  { code: 'CSV', mediaType: 'text/csv', machineReadable: true, open: true },
  {
    code: 'XLSX',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    machineReadable: true,
    open: true,
  },
  { code: 'XLS', mediaType: 'application/vnd.ms-excel', machineReadable: true, open: false },
  { code: 'JSON', mediaType: 'application/json', machineReadable: true, open: true },
  { code: 'XML', mediaType: 'application/xml', machineReadable: true, open: true },
  { code: 'GEOJSON', mediaType: 'application/geo+json', machineReadable: true, open: true },
  { code: 'SHP', mediaType: 'application/vnd.shp', machineReadable: true, open: true },
  { code: 'PDF', mediaType: 'application/pdf', machineReadable: false, open: true },
  {
    code: 'DOCX',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    machineReadable: false,
    open: true,
  },
  { code: 'JPG', mediaType: 'image/jpeg', machineReadable: false, open: true },
  { code: 'PNG', mediaType: 'image/png', machineReadable: false, open: true },
  { code: 'MP4', mediaType: 'video/mp4', machineReadable: false, open: true },
] as const;
/** A file format code, e.g. `CSV`. */
export type FileFormat = (typeof FILE_FORMATS)[number]['code'];

/** 共享方式: through the sharing platform (database, API, file) or outside it (mail, media). */
export const SHARE_METHODS = [
  term('database', '共享平台方式（数据库）', 'Sharing platform: database'),
  term('api', '共享平台方式（接口）', 'Sharing platform: API'),
  term('file', '共享平台方式（文件）', 'Sharing platform: file'),
  term('model', '共享平台方式（算法模型）', 'Sharing platform: algorithm model'),
  term('email', '邮件方式', 'E-mail'),
  term('media', '介质方式', 'Storage media'),
] as const;

/** 开放方式 (CQO §13): download, API, results of an algorithm model run inside the platform. */
export const OPEN_METHODS = [
  term('download', '下载数据', 'Download'),
  term('api', '接口调用', 'API'),
  term('model', '以算法模型获取结果数据', 'Algorithm model results'),
] as const;

/** 更新周期, with the EU frequency each maps to in DCAT (dct:accrualPeriodicity). */
export const UPDATE_CYCLES = [
  { ...term('realtime', '实时', 'Real time'), euFrequency: 'CONT', days: 1 },
  { ...term('daily', '每日', 'Daily'), euFrequency: 'DAILY', days: 1 },
  { ...term('weekly', '每周', 'Weekly'), euFrequency: 'WEEKLY', days: 7 },
  { ...term('monthly', '每月', 'Monthly'), euFrequency: 'MONTHLY', days: 31 },
  { ...term('quarterly', '每季度', 'Quarterly'), euFrequency: 'QUARTERLY', days: 92 },
  { ...term('half_yearly', '每半年', 'Every six months'), euFrequency: 'BIANNUAL', days: 183 },
  { ...term('yearly', '每年', 'Yearly'), euFrequency: 'ANNUAL', days: 366 },
  { ...term('other', '其他', 'Other'), euFrequency: 'IRREG', days: null },
] as const;
/** An update cycle code. */
export type UpdateCycle = (typeof UPDATE_CYCLES)[number]['code'];

/**
 * 数据类型 of information items (the guide's list). `storable` says whether a department pool can
 * hold it as a column; 通用型 (binary objects) cannot — register a file link as 字符型 instead.
 */
export const DATA_TYPES = [
  { ...term('C', '字符型', 'Character'), storable: true, needsLength: true },
  { ...term('N', '数值型', 'Numeric'), storable: true, needsLength: true },
  { ...term('I', '整型', 'Integer'), storable: true, needsLength: false },
  { ...term('F', '浮点型', 'Floating point'), storable: true, needsLength: false },
  { ...term('B', '双精度型', 'Double precision'), storable: true, needsLength: false },
  { ...term('Y', '货币型', 'Currency'), storable: true, needsLength: false },
  { ...term('D', '日期型', 'Date'), storable: true, needsLength: false },
  { ...term('T', '日期时间型', 'Date and time'), storable: true, needsLength: false },
  { ...term('L', '逻辑型', 'Boolean'), storable: true, needsLength: false },
  { ...term('M', '备注型', 'Memo (long text)'), storable: true, needsLength: false },
  { ...term('G', '通用型', 'General (binary object)'), storable: false, needsLength: false },
] as const;
/** A data type code, e.g. `C`. */
export type DataType = (typeof DATA_TYPES)[number]['code'];

/** Sensitivity of an information item (drives masking defaults in the security module). */
export const SENSITIVITIES = [
  term('general', '一般', 'General'),
  term('personal', '个人信息', 'Personal information'),
  term('sensitive', '敏感信息', 'Sensitive'),
] as const;

/** The base databases (CQ19 §17, SC §17) that base-class resources feed. */
export const BASE_DATABASES = [
  term('population', '人口基础数据库', 'Population'),
  term('legal_person', '法人基础数据库', 'Legal persons'),
  term('geo', '自然资源和空间地理基础数据库', 'Natural resources and geography'),
  term('credit', '社会信用基础数据库', 'Social credit'),
  term('licence', '电子证照基础数据库', 'Electronic licences'),
] as const;

/** The codes of a term list. */
export function codesOf<C extends string>(terms: readonly { code: C }[]): C[] {
  return terms.map((t) => t.code);
}
