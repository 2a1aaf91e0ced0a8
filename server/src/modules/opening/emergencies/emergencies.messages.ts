import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of emergency opening (CQO §27). */
export const emergencyMessages = defineMessages({
  'what.emergency': { 'zh-CN': '突发事件应急开放', en: 'emergency' },
  'open.emergency.invalid': { 'zh-CN': '应急开放信息有误', en: 'The emergency is not valid' },
  'open.emergency.ends_before_start': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end is before the start',
  },
  'open.emergency.ends_in_past': { 'zh-CN': '结束日期不能早于今天', en: 'The end cannot be in the past' },
  'open.emergency.not_active': {
    'zh-CN': '应急事件「{name}」当前不在应急期内，不能再按应急开放数据',
    en: 'Emergency "{name}" is not in force; data can no longer be opened under it',
  },
  'open.emergency.already_listed': {
    'zh-CN': '该数据集已在应急事件「{name}」中开放',
    en: 'The dataset is already opened under emergency "{name}"',
  },
  'open.emergency.ended': { 'zh-CN': '应急事件「{name}」已结束', en: 'Emergency "{name}" has ended' },
  'open.emergency.not_ended': {
    'zh-CN': '应急事件「{name}」尚未结束，结束后方可决定删除或保留',
    en: 'Emergency "{name}" has not ended; deletion or retention is decided after its end',
  },
  'open.emergency.decided': {
    'zh-CN': '该数据集的处置已决定（{disposition}）',
    en: 'The disposal of this dataset is decided ({disposition})',
  },
  'open.emergency.approval_required': {
    'zh-CN': '保留数据须填写政府批准文件',
    en: 'Keeping the data needs the government’s approval',
  },
  'open.emergency.deleted_note': {
    'zh-CN': '应急事件「{name}」结束，按规定删除',
    en: 'Deleted at the end of emergency "{name}"',
  },
});
