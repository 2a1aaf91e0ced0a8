import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of sharing (数据共享): grants, row conditions and the calls made under them. */
export const sharingMessages = defineMessages({
  'what.shared_resource': { 'zh-CN': '共享资源', en: 'shared resource' },
  'what.share_grant': { 'zh-CN': '共享授权', en: 'share grant' },
  'share.applications_only': {
    'zh-CN': '共享接口只供部门应用系统以 API 密钥调用',
    en: "The sharing API is for departments' applications calling with an API key",
  },
  'share.not_shared': {
    'zh-CN': '资源 {code} 不在共享目录中或不予共享（CQ19 §24–25）',
    en: 'Resource {code} is not in the share catalog or is not shared (CQ19 §24–25)',
  },
  'share.no_grant': {
    'zh-CN': '本应用没有资源 {code} 的有效共享授权（授权不存在、未生效、已到期或已撤销）',
    en: 'This application holds no share grant in force on resource {code} (none, not started, expired or revoked)',
  },
  'share.grant_other_application': {
    'zh-CN': '该授权属于本部门的其他应用系统，不能以应用「{application}」的密钥使用',
    en: "The grant belongs to another application of the department; it cannot be used with the key of '{application}'",
  },
  'share.purpose_outside_grant': {
    'zh-CN': '用途「{purpose}」不在授权范围内：共享数据只能用于批准的用途（CQ18 §34）',
    en: "The purpose '{purpose}' is outside the grant: shared data may only be used for the approved purpose (CQ18 §34)",
  },
  'share.purpose_required': {
    'zh-CN': '本应用对该资源有多项不同用途的授权，请在 X-Purpose 中说明本次调用的用途：{purposes}',
    en: 'This application holds grants for several purposes on the resource; state the purpose of the call in X-Purpose: {purposes}',
  },
  'share.grant_invalid': {
    'zh-CN': '授权内容有误，请检查标出的字段',
    en: 'The grant has problems; see the fields named',
  },
  'share.fields_required': { 'zh-CN': '至少选择一个信息项', en: 'Choose at least one information item' },
  'share.masking_unknown_field': {
    'zh-CN': '脱敏规则所指的信息项 {field} 不在授权的信息项中',
    en: 'The masking rule names item {field}, which is not among the granted items',
  },
  'share.masking_invalid': {
    'zh-CN': '信息项 {field} 的脱敏规则无效或不适用于其数据类型',
    en: 'The masking rule of item {field} is invalid or does not fit its data type',
  },
  'share.ends_before_start': { 'zh-CN': '结束时间必须晚于开始时间', en: 'The end must be after the start' },
  'share.revoke_not_allowed': {
    'zh-CN': '只有数据提供部门或本区域的数据主管部门可以撤销授权',
    en: "Only the providing department or its region's data authority may revoke a grant",
  },
  'share.grant_already_revoked': { 'zh-CN': '该授权已撤销', en: 'The grant has already been revoked' },
  'share.filter.unknown_field': { 'zh-CN': '没有信息项 {field}', en: 'There is no information item {field}' },
  'share.filter.encrypted_field': {
    'zh-CN': '信息项 {field} 加密存储，不能作为筛选条件',
    en: 'Item {field} is stored encrypted and cannot be filtered on',
  },
  'share.filter.no_value_expected': { 'zh-CN': '该条件不需要取值', en: 'This condition takes no value' },
  'share.filter.value_required': { 'zh-CN': '该条件需要取值', en: 'This condition needs a value' },
  'share.filter.list_expected': {
    'zh-CN': '「in」条件需要取值列表',
    en: "An 'in' condition needs a list of values",
  },
  'share.filter.single_value_expected': {
    'zh-CN': '该条件只取一个值',
    en: 'This condition takes a single value',
  },
  'share.filter.prefix_on_text': {
    'zh-CN': '前缀条件只适用于字符型信息项（{field}）',
    en: 'A prefix condition applies only to text items ({field})',
  },
  'share.filter.not_ordered': {
    'zh-CN': '信息项 {field} 不能比较大小（{op}）',
    en: 'Item {field} has no order to compare with ({op})',
  },
  'share.filter.not_a_number': {
    'zh-CN': '{field} 的取值「{value}」不是数字',
    en: "'{value}' is not a number ({field})",
  },
  'share.filter.not_an_integer': {
    'zh-CN': '{field} 的取值「{value}」不是整数',
    en: "'{value}' is not an integer ({field})",
  },
  'share.filter.not_a_date': {
    'zh-CN': '{field} 的取值「{value}」不是日期（YYYY-MM-DD）',
    en: "'{value}' is not a date, YYYY-MM-DD ({field})",
  },
  'share.filter.not_a_time': {
    'zh-CN': '{field} 的取值「{value}」不是时间',
    en: "'{value}' is not a time ({field})",
  },
  'share.filter.not_a_boolean': {
    'zh-CN': '{field} 的取值「{value}」应为 true 或 false',
    en: "'{value}' should be true or false ({field})",
  },
});
