import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of open-data downloads and the open-data API. */
export const openDataMessages = defineMessages({
  'what.open_data': { 'zh-CN': '开放数据集', en: 'open dataset' },
  'open.data.conditional': {
    'zh-CN': '数据集「{name}」为有条件开放，须提交开放申请并签订数据利用协议后方可获取',
    en: 'Dataset "{name}" is open on conditions: apply and sign a data usage agreement to get it',
  },
  'open.data.method_not_offered': {
    'zh-CN': '数据集「{name}」不提供此获取方式（{method}）',
    en: 'Dataset "{name}" is not offered this way ({method})',
  },
  'open.data.no_data': {
    'zh-CN': '数据集「{name}」尚未汇聚数据',
    en: 'Dataset "{name}" holds no data yet',
  },
  'open.data.filter_masked': {
    'zh-CN': '信息项 {field} 已脱敏，不能作为查询条件',
    en: 'Item {field} is masked and cannot be used as a filter',
  },
  'open.data.sort_masked': {
    'zh-CN': '信息项 {field} 已脱敏，不能作为排序依据',
    en: 'Item {field} is masked and cannot be sorted on',
  },
  'open.data.sort_sealed': {
    'zh-CN': '信息项 {field} 加密存储，不能作为排序依据',
    en: 'Item {field} is stored encrypted and cannot be sorted on',
  },
  'open.data.unknown_field': {
    'zh-CN': '数据集「{name}」没有信息项 {field}',
    en: 'Dataset "{name}" has no item {field}',
  },
});
