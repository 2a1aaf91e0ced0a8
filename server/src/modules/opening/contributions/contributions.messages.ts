import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of multi-source opening (CQO §31). */
export const contributionMessages = defineMessages({
  'what.contribution': { 'zh-CN': '社会数据集', en: 'organisation dataset' },
  'open.contribution.organisations_only': {
    'zh-CN': '只有法人或非法人组织账号可以发布数据',
    en: 'Only organisation accounts publish data',
  },
  'open.contribution.invalid_file': {
    'zh-CN': 'CSV 文件有 {count} 处问题，请修改后重新提交',
    en: 'The CSV file has {count} problems; correct them and submit again',
  },
  'open.contribution.header_blank': {
    'zh-CN': '第 1 行（表头）有空列名',
    en: 'Row 1 (the header) has a blank name',
  },
  'open.contribution.header_repeated': {
    'zh-CN': '第 1 行（表头）有重复列名',
    en: 'Row 1 (the header) repeats a name',
  },
  'open.contribution.too_many_columns': { 'zh-CN': '最多 {max} 列', en: 'At most {max} columns' },
  'open.contribution.no_rows': { 'zh-CN': '文件没有数据行', en: 'The file has no data rows' },
  'open.contribution.row_length': {
    'zh-CN': '第 {row} 行有 {got} 列，表头有 {expected} 列',
    en: 'Row {row} has {got} cells; the header has {expected}',
  },
  'open.contribution.reason_required': { 'zh-CN': '不通过须说明理由', en: 'A rejection needs a reason' },
  'open.contribution.not_waiting': {
    'zh-CN': '该数据集已处理（{state}）',
    en: 'This dataset has been dealt with ({state})',
  },
});
