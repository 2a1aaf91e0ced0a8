import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of applications for conditionally open data (有条件开放申请, CQO §24). */
export const applicationMessages = defineMessages({
  'what.open_application': { 'zh-CN': '开放申请', en: 'application for open data' },
  'what.conditional_dataset': { 'zh-CN': '开放数据集', en: 'open dataset' },
  'open.application.invalid': {
    'zh-CN': '开放申请填写有误，请按提示修改',
    en: 'The application has problems; see the fields named',
  },
  'open.application.not_conditional': {
    'zh-CN': '数据集「{name}」为无条件开放，无须申请，完成实名认证后即可直接获取',
    en: 'Dataset "{name}" is open without conditions: no application is needed, verified users get it directly',
  },
  'open.application.no_data': {
    'zh-CN': '数据集「{name}」尚未汇聚数据，暂不能申请',
    en: 'Dataset "{name}" holds no data yet and cannot be applied for',
  },
  'open.application.duplicate': {
    'zh-CN': '您对数据集「{name}」的开放申请尚在办理中，请等待答复或先撤回该申请',
    en: 'Your application for dataset "{name}" is still waiting: wait for the answer or withdraw it first',
  },
  'open.application.text_required': { 'zh-CN': '此项不能为空', en: 'This must not be blank' },
  'open.application.unknown_field': {
    'zh-CN': '数据集没有可申请的信息项 {field}',
    en: 'The dataset has no item {field} that can be applied for',
  },
  'open.application.field_repeated': {
    'zh-CN': '信息项 {field} 重复',
    en: 'Item {field} is listed twice',
  },
  'open.application.method_not_offered': {
    'zh-CN': '数据集不提供此开放方式（{method}）',
    en: 'The dataset is not offered this way ({method})',
  },
  'open.application.method_repeated': {
    'zh-CN': '开放方式 {method} 重复',
    en: 'Method {method} is listed twice',
  },
  'open.application.valid_from_past': {
    'zh-CN': '开始日期不能早于今天（{today}）',
    en: 'The start cannot be before today ({today})',
  },
  'open.application.until_before_from': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end cannot be before the start',
  },
  'open.application.period_too_long': {
    'zh-CN': '使用期限最长 {days} 天（{article}）',
    en: 'The period may be at most {days} days ({article})',
  },
  'open.application.deployment_policy': { 'zh-CN': '本平台规定', en: "this platform's rule" },
  'open.application.provider_only': {
    'zh-CN': '只有数据提供部门可以答复开放申请',
    en: 'Only the providing department may answer the application',
  },
  'open.application.not_withdrawable': {
    'zh-CN': '开放申请已办结（{state}），不能撤回',
    en: 'The application is settled ({state}) and cannot be withdrawn',
  },
  'open.application.not_pending': {
    'zh-CN': '开放申请已不在待答复状态（{state}）',
    en: 'The application no longer waits for an answer ({state})',
  },
  'open.application.period_over': {
    'zh-CN': '申请的使用期限已结束（{until}），不能同意，请答复不予同意',
    en: 'The period asked for ended on {until}: it cannot be approved, refuse it instead',
  },
  'open.decision.reason_required': {
    'zh-CN': '部分同意或不予同意时须说明理由',
    en: 'A partial approval or a refusal needs its reason',
  },
  'open.decision.use_partial': {
    'zh-CN': '同意时不能改动申请内容；减少信息项或缩短期限请选择“部分同意”',
    en: 'An approval cannot change what was asked: fewer items or a shorter period is a partial approval',
  },
  'open.decision.field_not_asked': {
    'zh-CN': '信息项 {field} 不在申请范围内',
    en: 'Item {field} was not asked for',
  },
  'open.decision.period_longer': {
    'zh-CN': '结束日期不能晚于申请的结束日期（{until}）',
    en: 'The end cannot be later than the end asked for ({until})',
  },
  'open.decision.not_narrower': {
    'zh-CN': '部分同意须减少信息项或缩短期限',
    en: 'A partial approval approves fewer items or a shorter period',
  },
  'open.application.side_not_allowed': {
    'zh-CN': '只有数据提供部门和数据主管部门可以查看开放申请列表',
    en: 'Only providing departments and the data authority see the list of applications',
  },
});
