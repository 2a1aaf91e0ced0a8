import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of the catalog list workbook: template, export and import (`catalog.xlsx.*`, `catalog.import.*`). */
export const xlsxMessages = defineMessages({
  'catalog.xlsx.department_required': {
    'zh-CN': '请指定部门（departmentId）',
    en: 'Name the department (departmentId)',
  },
  'catalog.import.invalid': {
    'zh-CN': '导入文件中有 {count} 处错误，未导入任何内容；请按提示修改后重新导入',
    en: 'The file has {count} mistakes; nothing was imported. Correct them and import again',
  },
  'catalog.import.more_errors': {
    'zh-CN': '另有 {count} 处错误未列出',
    en: '{count} more mistakes are not listed',
  },
  'catalog.import.too_large': {
    'zh-CN': '文件过大，上限为 {limit} MB',
    en: 'The file is too large; the limit is {limit} MB',
  },
  'catalog.import.empty_body': {
    'zh-CN': '请上传 .xlsx 文件',
    en: 'Upload an .xlsx file',
  },
  'catalog.import.media_type': {
    'zh-CN': '请以 Content-Type: {type} 上传 .xlsx 文件',
    en: 'Upload the .xlsx file with Content-Type: {type}',
  },
  'catalog.import.not_xlsx': {
    'zh-CN': '上传的文件不是 Excel 工作簿（.xlsx）；.xls 或设有密码的文件请先另存为不加密的 .xlsx',
    en: 'The file is not an Excel workbook (.xlsx); save .xls or password-protected files as a plain .xlsx first',
  },
  'catalog.import.unreadable': {
    'zh-CN': '文件已损坏或格式不正确，无法读取',
    en: 'The file is damaged or malformed and cannot be read',
  },
  'catalog.import.unpacked_too_large': {
    'zh-CN': '文件解压后超过 {limit} MB 上限',
    en: 'The unpacked file exceeds the limit of {limit} MB',
  },
  'catalog.import.sheet_missing': {
    'zh-CN': '缺少工作表「{sheet}」，请使用平台提供的模板',
    en: 'The sheet "{sheet}" is missing; use the platform\'s template',
  },
  'catalog.import.headers_wrong': {
    'zh-CN': '表头与模板不一致，请使用平台提供的模板',
    en: "The headers do not match the template; use the platform's template",
  },
  'catalog.import.header_missing': {
    'zh-CN': '缺少列「{header}」',
    en: 'The column "{header}" is missing',
  },
  'catalog.import.header_repeated': {
    'zh-CN': '列「{header}」出现了不止一次',
    en: 'The column "{header}" appears more than once',
  },
  'catalog.import.formulas': {
    'zh-CN': '有 {count} 个单元格含有公式；请复制后“选择性粘贴为数值”再导入',
    en: '{count} cells hold formulas; paste them as values before importing',
  },
  'catalog.import.formula_cell': {
    'zh-CN': '单元格 {cell} 含有公式',
    en: 'Cell {cell} holds a formula',
  },
  'catalog.import.merged': {
    'zh-CN': '工作表中有 {count} 处合并单元格；请取消合并后再导入',
    en: 'The sheets have {count} merged ranges; unmerge them before importing',
  },
  'catalog.import.merged_range': {
    'zh-CN': '合并单元格 {range}',
    en: 'Merged range {range}',
  },
  'catalog.import.too_many_rows': {
    'zh-CN': '工作表「{sheet}」的数据超过 {limit} 行上限，请分批导入',
    en: 'The sheet "{sheet}" has more than {limit} rows; import it in parts',
  },
  'catalog.import.empty': {
    'zh-CN': '工作表「资源目录」中没有资源',
    en: 'The sheet 资源目录 holds no resources',
  },
  'catalog.import.cell_error': {
    'zh-CN': '单元格为错误值 {value}',
    en: 'The cell holds the error value {value}',
  },
  'catalog.import.not_in_list': {
    'zh-CN': '“{value}”不是可选值；可选：{allowed}',
    en: '"{value}" is not one of the allowed values: {allowed}',
  },
  'catalog.import.class_unknown': {
    'zh-CN': '分类代码“{value}”不存在，请从「代码表」中选择',
    en: 'No classification has the code "{value}"; pick one from the code table',
  },
  'catalog.import.not_integer': { 'zh-CN': '应为整数', en: 'must be a whole number' },
  'catalog.import.not_date': {
    'zh-CN': '应为日期，如 2024-01-31',
    en: 'must be a date such as 2024-01-31',
  },
  'catalog.import.not_boolean': { 'zh-CN': '应为“是”或“否”', en: 'must be 是 (yes) or 否 (no)' },
  'catalog.import.duplicate_code': {
    'zh-CN': '资源代码 {code} 已在第 {row} 行出现',
    en: 'Resource code {code} already appears in row {row}',
  },
  'catalog.import.unknown_resource_code': {
    'zh-CN': '「资源目录」中没有资源代码为 {code} 的资源',
    en: 'No row of 资源目录 has the resource code {code}',
  },
  'catalog.import.unknown_resource_name': {
    'zh-CN': '「资源目录」中没有名为“{name}”的资源',
    en: 'No row of 资源目录 is named "{name}"',
  },
  'catalog.import.ambiguous_resource_name': {
    'zh-CN': '「资源目录」中有多个名为“{name}”的资源，请填写资源代码',
    en: 'Several rows of 资源目录 are named "{name}"; give the resource code',
  },
  'catalog.import.item_unlinked': {
    'zh-CN': '请填写资源代码或资源名称，以对应「资源目录」中的资源',
    en: 'Give the resource code or name of the 资源目录 row this item belongs to',
  },
  'catalog.import.no_items': {
    'zh-CN': '该资源在「信息项」工作表中没有信息项',
    en: 'This resource has no rows in the 信息项 sheet',
  },
  'catalog.import.too_many_items': {
    'zh-CN': '一个资源最多 {limit} 个信息项',
    en: 'A resource has at most {limit} items',
  },
  'catalog.import.too_many_values': {
    'zh-CN': '最多 {limit} 个',
    en: 'at most {limit} values',
  },
  'catalog.import.repeated_value': { 'zh-CN': '有重复的值', en: 'has a repeated value' },
  'catalog.import.row_invalid': { 'zh-CN': '该行不符合要求', en: 'This row is not valid' },
});
