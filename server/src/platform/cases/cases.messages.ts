import { defineMessages } from '../i18n/messages.ts';

/** Messages of the case engine. */
export const caseMessages = defineMessages({
  'what.case': { 'zh-CN': '事项', en: 'case' },
  'case.illegal_transition': {
    'zh-CN': '事项当前状态为“{state}”，不能执行“{action}”',
    en: 'The case is in state "{state}"; "{action}" is not possible now',
  },
  'case.version_conflict': {
    'zh-CN': '事项已被他人修改，请刷新后重试',
    en: 'The case was changed by someone else; reload it and try again',
  },
  'case.closed': { 'zh-CN': '事项已办结', en: 'The case is closed' },
  'case.extension_not_allowed': {
    'zh-CN': '现行规则不允许延长此类事项的期限',
    en: 'The active regulation allows no extension of this kind of case',
  },
  'case.extension_pending': {
    'zh-CN': '已有待审批的延期申请',
    en: 'An extension request is already waiting for a decision',
  },
  'case.extension_exhausted': {
    'zh-CN': '延长期限已用尽（最多 {limit} 个工作日）',
    en: 'The extension limit is used up (at most {limit} working days)',
  },
  'case.extension_too_long': {
    'zh-CN': '最多还能延长 {limit} 个工作日',
    en: 'can be extended by at most {limit} more working days',
  },
  'case.extension_too_late': {
    'zh-CN': '事项已逾期，不能再申请延期',
    en: 'The case is already overdue; an extension can no longer be requested',
  },
  'case.no_extension_request': {
    'zh-CN': '没有待审批的延期申请',
    en: 'There is no extension request waiting for a decision',
  },
  'case.extension_head_only': {
    'zh-CN': '只有责任部门的主要负责人可以批准延期',
    en: 'Only the head of the responsible department may decide on an extension',
  },
  'case.extension_own_department': {
    'zh-CN': '只有责任部门的人员可以申请延期',
    en: 'Only staff of the responsible department may request an extension',
  },
});
