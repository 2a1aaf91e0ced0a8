import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of secrecy reviews (保密审查). */
export const reviewMessages = defineMessages({
  'what.security_review': { 'zh-CN': '保密审查', en: 'secrecy review' },
  'security.review.subject': {
    'zh-CN': '保密审查：{name}（{code}）',
    en: 'Secrecy review: {name} ({code})',
  },
  'security.review.reasons_required': {
    'zh-CN': '审查未通过时须写明理由',
    en: 'A review that is not passed needs its reasons',
  },
  'security.review.not_pending': {
    'zh-CN': '该保密审查已办结（{state}），不能再次审查',
    en: 'This secrecy review is already closed ({state}) and cannot be decided again',
  },
  'security.review.own_department_only': {
    'zh-CN': '只有资源提供部门的安全保密管理员（或本区域数据主管部门的安全保密管理员）可以审查',
    en: "Only the providing department's security officer (or the security officer of the region's data authority) may decide",
  },
  'security.review.out_of_scope': {
    'zh-CN': '无权查看其他部门的保密审查',
    en: "You may not see other departments' secrecy reviews",
  },
});
