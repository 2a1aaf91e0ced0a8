import { defineMessages } from '../../platform/i18n/messages.ts';

/**
 * Messages of disclosure control of sandbox results (CQO §13(3)): why a cell was suppressed, why a
 * result was refused, and the summary the user sees beside a released table.
 */
export const disclosureMessages = defineMessages({
  'sandbox.disclosure.unit.person': { 'zh-CN': '人', en: 'persons' },
  'sandbox.disclosure.unit.company': { 'zh-CN': '家单位', en: 'companies' },
  'sandbox.disclosure.cell.primary': {
    'zh-CN': '该单元格的数据来自少于 {k} {unit}，不予公开',
    en: 'Fewer than {k} {unit} contributed to this cell, so it is not released',
  },
  'sandbox.disclosure.cell.complementary': {
    'zh-CN': '为防止由“{dimension}”的合计推算出被隐藏的单元格，该单元格一并隐藏',
    en: 'Also hidden so that hidden cells cannot be worked out from the totals over {dimension}',
  },
  'sandbox.disclosure.summary.primary': {
    'zh-CN': '{count} 个单元格因数据来自少于 {k} {unit}而被隐藏',
    en: '{count} cells suppressed because fewer than {k} {unit} contributed',
  },
  'sandbox.disclosure.summary.complementary': {
    'zh-CN': '另有 {count} 个单元格被隐藏，以免由合计推算出被隐藏的数值',
    en: '{count} further cells suppressed so that hidden values cannot be worked out from totals',
  },
  'sandbox.disclosure.summary.rounded': {
    'zh-CN': '计数已舍入到 {base} 的倍数',
    en: 'Counts are rounded to multiples of {base}',
  },
  'sandbox.disclosure.summary.clean': {
    'zh-CN': '所有单元格的数据均来自至少 {k} {unit}，全部公开',
    en: 'Every cell comes from at least {k} {unit}; all are released',
  },
  'sandbox.disclosure.refused.identifier_key': {
    'zh-CN': '结果按标识类信息项“{column}”分组，每行对应单个个人或单位，不予公开',
    en: 'The result is grouped by the identifier {column}, so its rows are single persons or companies; it is not released',
  },
  'sandbox.disclosure.refused.single_contributors': {
    'zh-CN': '结果的每一行都只来自一{unitOne}，相当于逐条记录，不予公开',
    en: 'Every row of the result comes from a single {unitOne}, so it amounts to individual records; it is not released',
  },
  'sandbox.disclosure.refused.no_statistics': {
    'zh-CN': '结果没有统计量（计数、求和、均值等），只列出分组取值，不予公开',
    en: 'The result holds no statistic (count, sum, mean …), only group values; it is not released',
  },
  'sandbox.disclosure.unit_one.person': { 'zh-CN': '个人', en: 'person' },
  'sandbox.disclosure.unit_one.company': { 'zh-CN': '家单位', en: 'company' },
  'sandbox.disclosure.differencing': {
    'zh-CN': '该结果与本项目此前公开的结果“{earlier}”相差少于 {k} {unit}，两者相减可识别出小群体，不予公开',
    en: 'This result differs from the earlier released result “{earlier}” of the project by fewer than {k} {unit}; subtracting one from the other would isolate a small group, so it is not released',
  },
});
