import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of the sharing API: keys, filters, cursors, the pass-through and providers' systems. */
export const shareApiMessages = defineMessages({
  'what.share_record': { 'zh-CN': '共享记录', en: 'shared record' },
  'what.provider_system': { 'zh-CN': '提供部门的实时查询接口', en: "provider's pass-through system" },
  'share.api.no_key': {
    'zh-CN': '资源 {code} 没有主键，不能按主键查询，请使用条件查询（/records?…）',
    en: 'Resource {code} has no key; it cannot be looked up by key, use the query (/records?…)',
  },
  'share.api.key_parts': {
    'zh-CN': '资源 {code} 的主键由 {count} 个信息项组成（{fields}），请按此顺序以英文逗号分隔给出',
    en: 'The key of resource {code} has {count} items ({fields}); give them in this order, separated by commas',
  },
  'share.api.key_encrypted': {
    'zh-CN': '资源 {code} 的主键 {field} 加密存储，不能按主键查询',
    en: 'The key {field} of resource {code} is stored encrypted and cannot be looked up',
  },
  'share.api.bad_citizen_id': {
    'zh-CN': '「{value}」不是有效的公民身份号码（18 位，出生日期或校验码不符 GB 11643）',
    en: "'{value}' is not a valid citizen ID number (18 characters; birth date or check digit wrong, GB 11643)",
  },
  'share.api.bad_credit_code': {
    'zh-CN': '「{value}」不是有效的统一社会信用代码（18 位，校验码不符 GB 32100）',
    en: "'{value}' is not a valid unified social credit code (18 characters; check digit wrong, GB 32100)",
  },
  'share.api.bad_key': {
    'zh-CN': '主键取值有误，请检查标出的部分',
    en: 'The key is not valid; see the part named',
  },
  'share.api.record_not_found': {
    'zh-CN': '授权范围内没有主键为 {key} 的记录',
    en: 'No record with the key {key} within the grant',
  },
  'share.api.field_outside_grant': {
    'zh-CN': '信息项 {field} 不在本应用的共享授权范围内',
    en: "Item {field} is outside this application's share grant",
  },
  'share.api.filter_syntax': {
    'zh-CN':
      '查询参数 {param} 的写法应为「运算符.取值」，运算符为 eq、ne、in、prefix、gt、gte、lt、lte，或单独的 null、not_null',
    en: "Query parameter {param} must be 'operator.value' with eq, ne, in, prefix, gt, gte, lt, lte, or just null or not_null",
  },
  'share.api.filter_masked': {
    'zh-CN': '信息项 {field} 经脱敏后提供，只能按 eq、in、null、not_null 筛选（{op} 会泄露原值）',
    en: 'Item {field} is served masked; filter it only with eq, in, null or not_null ({op} would reveal the stored value)',
  },
  'share.api.query_invalid': {
    'zh-CN': '查询参数有误，请检查标出的参数',
    en: 'The query parameters have problems; see the parameters named',
  },
  'share.api.limit_too_large': {
    'zh-CN': '每页最多 {max} 条记录（limit={limit}）',
    en: 'At most {max} records a page (limit={limit})',
  },
  'share.api.cursor_invalid': {
    'zh-CN': '参数 {param} 不是本接口返回的游标，请使用上一次应答中的游标',
    en: 'Parameter {param} is not a cursor this API returned; use the one from the previous answer',
  },
  'share.api.cursor_other_grant': {
    'zh-CN': '该游标属于另一项授权，请不带 since 重新开始同步',
    en: 'The cursor belongs to another grant; start again without since',
  },
  'share.api.purpose_encoding': {
    'zh-CN': 'X-Purpose 的百分号编码有误（应为 UTF-8 的百分号编码，或直接以 UTF-8 发送）',
    en: 'X-Purpose is not valid percent-encoding (send UTF-8 percent-encoded, or as raw UTF-8)',
  },
  'share.api.busy': {
    'zh-CN': '授权或资源正在变更，请 {seconds} 秒后重试',
    en: 'The grant or the resource is changing; try again in {seconds} s',
  },
  'share.api.no_table': {
    'zh-CN': '资源 {code} 尚未建立数据池表，暂无数据可共享',
    en: 'Resource {code} has no pool table yet, so there is no data to share',
  },
  'share.live.no_system': {
    'zh-CN': '资源 {code} 的提供部门没有登记实时查询接口',
    en: 'The provider of resource {code} has registered no system for pass-through calls',
  },
  'share.live.timeout': {
    'zh-CN': '提供部门的系统未在 {ms} 毫秒内应答',
    en: "The provider's system did not answer within {ms} ms",
  },
  'share.live.unreachable': {
    'zh-CN': '无法连接提供部门的系统：{reason}',
    en: "The provider's system cannot be reached: {reason}",
  },
  'share.live.bad_answer': {
    'zh-CN': '提供部门系统的应答不可用：{reason}',
    en: "The provider's system gave an answer that cannot be used: {reason}",
  },
  'share.live.redirect': {
    'zh-CN': '提供部门的系统把请求转向了其他主机（{location}），已拒绝',
    en: "The provider's system redirected to another host ({location}); refused",
  },
  'share.live.not_found': {
    'zh-CN': '提供部门的系统中没有主键为 {key} 的记录（或不在授权范围内）',
    en: "The provider's system has no record with the key {key} (or it is outside the grant)",
  },
  'share.provider_system.own_department': {
    'zh-CN': '只有资源的提供部门可以登记或撤销其实时查询接口',
    en: "Only the resource's providing department may register or remove its pass-through system",
  },
  'share.provider_system.bad_url': {
    'zh-CN': '地址应以 http:// 或 https:// 开头，含占位符 {key}，且不含用户名和密码（令牌请放在认证头中）',
    en: 'The URL must start with http:// or https://, hold the placeholder {key} and no user name or password (put a token in the header)',
  },
  'share.provider_system.invalid': {
    'zh-CN': '实时查询接口的登记有误，请检查标出的字段',
    en: 'The pass-through registration has problems; see the fields named',
  },
});
