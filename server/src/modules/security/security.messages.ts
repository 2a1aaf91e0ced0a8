import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of the security registers (incidents, plans and drills, risk assessments). */
export const securityRegisterMessages = defineMessages({
  'what.security_incident': { 'zh-CN': '安全事件', en: 'security incident' },
  'what.security_plan': { 'zh-CN': '应急预案', en: 'emergency plan' },
  'what.security_assessment': { 'zh-CN': '风险评估', en: 'risk assessment' },
  'security.own_department': {
    'zh-CN': '只能查看和管理本部门的安全记录',
    en: "Only the department's own security records may be seen and kept",
  },
  'security.invalid': {
    'zh-CN': '记录有误，请检查标出的字段',
    en: 'The record has problems; see the fields named',
  },
  'security.in_future': {
    'zh-CN': '时间不能晚于当前时间',
    en: 'The time cannot be later than now',
  },
  'security.before_detected': {
    'zh-CN': '时间不能早于发现时间（{detectedAt}）',
    en: 'The time cannot be earlier than the detection ({detectedAt})',
  },
  'security.occurred_after_detected': {
    'zh-CN': '发生时间不能晚于发现时间',
    en: 'The incident cannot have occurred after it was detected',
  },
  'security.closed_before_contained': {
    'zh-CN': '关闭时间不能早于控制时间（{containedAt}）',
    en: 'The closing cannot be earlier than the containment ({containedAt})',
  },
  'security.severity_unknown': {
    'zh-CN': '“{code}”不是本规范配置的事件级别',
    en: '"{code}" is not an incident severity of the profile',
  },
  'security.risk_level_unknown': {
    'zh-CN': '“{code}”不是本规范配置的风险等级',
    en: '"{code}" is not a risk level of the profile',
  },
  'security.resource_unknown': {
    'zh-CN': '目录中没有该数据资源',
    en: 'The catalog has no such resource',
  },
  'security.text_required': { 'zh-CN': '请填写内容', en: 'This cannot be empty' },
  'security.incident.state': {
    'zh-CN': '事件当前为“{state}”状态，不能执行该操作',
    en: 'The incident is {state}; this cannot be done now',
  },
  'security.incident.already_reported': {
    'zh-CN': '该事件已于 {reportedAt} 报告，不能重复登记',
    en: 'The incident was already reported at {reportedAt}',
  },
  'security.plan.retired': {
    'zh-CN': '该预案已废止，不能再登记演练',
    en: 'The plan is retired; no drill can be recorded on it',
  },
  'security.assessment.needs_resources': {
    'zh-CN': '再识别风险评估须列出至少两项组合评估的数据资源',
    en: 'A re-identification assessment lists at least two resources assessed in combination',
  },
  'security.assessment.not_expert': {
    'zh-CN': '所选用户不是专家委员会成员',
    en: 'The user chosen is not a member of the expert committee',
  },
  'security.assessment.not_asked': {
    'zh-CN': '该评估未征求您的意见',
    en: 'Your opinion was not asked on this assessment',
  },
});
