import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of use monitoring (共享数据使用监测): usage reports and alerts. */
export const monitoringMessages = defineMessages({
  'what.share_alert': { 'zh-CN': '共享使用告警', en: 'sharing alert' },
  'share.monitor.authority_only': {
    'zh-CN': '只有数据主管部门工作人员和审计员可以查看本区域的共享使用情况',
    en: "Only the data authority's staff and auditors may view the use of shared data in their region",
  },
  'share.monitor.department_only': {
    'zh-CN': '按提供方或使用方查看需要以部门工作人员身份登录',
    en: "Viewing as provider or consumer needs a department's staff member",
  },
  'share.monitor.grant_out_of_scope': {
    'zh-CN': '该授权不在您所选视角的范围内（提供方、使用方或本区域）',
    en: 'The grant is outside the side you chose (provider, consumer or your region)',
  },
  'share.monitor.range_reversed': {
    'zh-CN': '开始日期不能晚于结束日期',
    en: 'The start date cannot be after the end date',
  },
  'share.monitor.range_too_long': {
    'zh-CN': '查询区间过长：按日最多 {maxDays} 天，按小时最多 {maxHourDays} 天',
    en: 'The range is too long: at most {maxDays} days by day, {maxHourDays} days by hour',
  },
  'share.monitor.note_required': {
    'zh-CN': '请说明核实情况或处理措施',
    en: 'Say what was found or done',
  },
  'share.monitor.acknowledge_not_allowed': {
    'zh-CN': '只有数据提供部门的工作人员或本区域的数据主管部门可以确认告警',
    en: "Only the providing department's staff or the region's data authority may acknowledge an alert",
  },
  'share.monitor.already_acknowledged': {
    'zh-CN': '该告警已确认',
    en: 'The alert has already been acknowledged',
  },
});
