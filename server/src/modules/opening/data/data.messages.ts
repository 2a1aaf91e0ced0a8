import { defineMessages } from '../../../platform/i18n/messages.ts';
// Status names the access refusals below carry as parameters.
import '../agreements/agreements.messages.ts';

/** Messages of open-data downloads and the open-data API. */
export const openDataMessages = defineMessages({
  'what.open_data': { 'zh-CN': '开放数据集', en: 'open dataset' },
  'open.data.conditional': {
    'zh-CN':
      '数据集「{name}」为有条件开放：请在数据集页面“申请使用”，提供方同意并签订数据利用协议、协议生效后方可获取',
    en: 'Dataset "{name}" is open on conditions: apply for it on its page ("Apply to use"); once the provider agrees and the data usage agreement is in force, you can get it',
  },
  'open.agreement.pending': {
    'zh-CN': '数据集「{name}」的数据利用协议（{number}）尚未生效（{status}），生效后方可获取数据',
    en: 'The data usage agreement {number} for dataset "{name}" is not in force yet ({status})',
  },
  'open.agreement.not_started': {
    'zh-CN': '数据利用协议 {number} 自 {from} 起生效，届时方可获取数据',
    en: 'Data usage agreement {number} starts on {from}; the data is available from then',
  },
  'open.agreement.ended': {
    'zh-CN': '数据利用协议 {number} 已于 {until} 到期，访问已关闭；续用须重新申请',
    en: 'Data usage agreement {number} ended on {until}; access is closed. Apply again to continue',
  },
  'open.agreement.suspended': {
    'zh-CN': '数据利用协议 {number} 已因“{reason}”暂停，整改完成前不能获取数据',
    en: 'Data usage agreement {number} is suspended ({reason}); no data until the breach is put right',
  },
  'open.agreement.breach': { 'zh-CN': '违反协议约定', en: 'a breach of the agreement' },
  'open.agreement.terminated': {
    'zh-CN': '数据利用协议 {number} 已终止（{reason}），访问已关闭',
    en: 'Data usage agreement {number} was terminated ({reason}); access is closed',
  },
  'open.agreement.method_not_agreed': {
    'zh-CN': '数据利用协议 {number} 未约定此获取方式（{method}）',
    en: 'Data usage agreement {number} does not provide for this way of getting the data ({method})',
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
