import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of data usage agreements: signing, review, usage feedback, access under an agreement. */
export const agreementMessages = defineMessages({
  'what.open_agreement': { 'zh-CN': '数据利用协议', en: 'data usage agreement' },
  'open.agreement.not_party': {
    'zh-CN': '只有协议的使用方、提供方或数据主管部门可以办理此事项',
    en: "Only the agreement's user, its provider or the data authority may do this",
  },
  'open.agreement.not_signable': {
    'zh-CN': '协议当前状态为“{status}”，不能签署',
    en: 'The agreement is {status} and cannot be signed',
  },
  'open.agreement.already_signed': {
    'zh-CN': '本方（{party}）已签署该协议，不能重复签署',
    en: 'Your side ({party}) has signed this agreement already',
  },
  'open.agreement.changed': {
    'zh-CN': '签署的协议文本与平台登记的不一致（摘要不同），请重新打开协议核对后再签署',
    en: 'The agreement you signed differs from the registered one (another digest): open it again, check it and sign again',
  },
  'open.agreement.not_reviewable': {
    'zh-CN': '协议当前状态为“{status}”，不在待审核状态',
    en: 'The agreement is {status}, not awaiting review',
  },
  'open.agreement.invalid': {
    'zh-CN': '提交的内容有误，请检查标出的字段',
    en: 'The request has problems; see the fields named',
  },
  'open.agreement.reason_required': {
    'zh-CN': '不予通过须说明理由',
    en: 'A refusal needs a reason',
  },
  'open.agreement.text_required': { 'zh-CN': '不能为空', en: 'Must not be empty' },
  'open.agreement.url_scheme': {
    'zh-CN': '链接须以 http:// 或 https:// 开头',
    en: 'A link must start with http:// or https://',
  },
  'open.agreement.feedback_not_open': {
    'zh-CN': '协议当前状态为“{status}”，尚不能提交数据利用反馈',
    en: 'The agreement is {status}: usage feedback is not taken yet',
  },
  'open.agreement.status.awaiting_signatures': { 'zh-CN': '待签署', en: 'awaiting signatures' },
  'open.agreement.status.awaiting_review': { 'zh-CN': '待审核', en: 'awaiting review' },
  'open.agreement.status.refused': { 'zh-CN': '审核未通过', en: 'refused' },
  'open.agreement.status.not_started': { 'zh-CN': '未到期限', en: 'not started' },
  'open.agreement.status.active': { 'zh-CN': '生效中', en: 'active' },
  'open.agreement.status.ended': { 'zh-CN': '已到期', en: 'ended' },
  'open.agreement.status.suspended': { 'zh-CN': '已暂停', en: 'suspended' },
  'open.agreement.status.terminated': { 'zh-CN': '已终止', en: 'terminated' },
  'open.agreement.party.applicant': { 'zh-CN': '使用方', en: 'user' },
  'open.agreement.party.provider': { 'zh-CN': '提供方', en: 'provider' },
});
