import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of the audit trail API, and the column titles of its CSV export. */
export const auditMessages = defineMessages({
  'audit.invalid_date': {
    'zh-CN': '日期或时间无效：{value}',
    en: 'Not a valid date or time: {value}',
  },
  'audit.invalid_range': {
    'zh-CN': '起始时间不能晚于结束时间',
    en: 'The start of the period must not be after its end',
  },
  'audit.csv.id': { 'zh-CN': '事件编号', en: 'Event id' },
  'audit.csv.seq': { 'zh-CN': '链序号', en: 'Chain seq' },
  'audit.csv.occurredAt': { 'zh-CN': '发生时间', en: 'Occurred at' },
  'audit.csv.actorType': { 'zh-CN': '主体类型', en: 'Actor type' },
  'audit.csv.actorId': { 'zh-CN': '主体编号', en: 'Actor id' },
  'audit.csv.actorName': { 'zh-CN': '主体名称', en: 'Actor name' },
  'audit.csv.actorRole': { 'zh-CN': '角色', en: 'Role' },
  'audit.csv.departmentId': { 'zh-CN': '部门编号', en: 'Department id' },
  'audit.csv.departmentName': { 'zh-CN': '部门', en: 'Department' },
  'audit.csv.action': { 'zh-CN': '操作', en: 'Action' },
  'audit.csv.outcome': { 'zh-CN': '结果', en: 'Outcome' },
  'audit.csv.targetType': { 'zh-CN': '对象类型', en: 'Target type' },
  'audit.csv.targetId': { 'zh-CN': '对象编号', en: 'Target id' },
  'audit.csv.purpose': { 'zh-CN': '用途', en: 'Purpose' },
  'audit.csv.requestId': { 'zh-CN': '请求编号', en: 'Request id' },
  'audit.csv.ip': { 'zh-CN': 'IP 地址', en: 'IP address' },
  'audit.csv.detail': { 'zh-CN': '详情', en: 'Detail' },
});
