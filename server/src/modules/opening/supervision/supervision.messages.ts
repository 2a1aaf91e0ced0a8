import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of usage supervision (CQO §39). */
export const supervisionMessages = defineMessages({
  'what.breach': { 'zh-CN': '违约整改记录', en: 'breach record' },
  'what.agreement': { 'zh-CN': '数据利用协议', en: 'data usage agreement' },
  'open.supervision.invalid': { 'zh-CN': '违约处理内容不完整', en: 'The breach record is incomplete' },
  'open.supervision.rectify_past': {
    'zh-CN': '整改期限不能早于今天',
    en: 'The rectification date cannot be in the past',
  },
  'open.supervision.not_active': {
    'zh-CN': '协议 {number} 当前不在使用期内（{status}），无法暂停',
    en: 'Agreement {number} is not in use ({status}); there is no access to suspend',
  },
  'open.supervision.closed': {
    'zh-CN': '该违约整改已办结（{state}）',
    en: 'This breach is settled ({state})',
  },
  'open.supervision.already_reported': {
    'zh-CN': '已提交整改情况，请等待提供方确认',
    en: 'The rectification has been reported; wait for the provider',
  },
  'open.supervision.no_report': {
    'zh-CN': '使用方尚未提交整改情况，不能确认整改完成',
    en: 'The user has not reported a rectification yet',
  },
});
