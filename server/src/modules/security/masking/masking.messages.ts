import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of masking (脱敏). */
export const maskingMessages = defineMessages({
  'what.masking_resource': { 'zh-CN': '已发布的数据资源', en: 'published resource' },
  'what.masking_item': { 'zh-CN': '信息项', en: 'information item' },
  'masking.own_department': {
    'zh-CN': '只有资源的提供部门可以设置其信息项的脱敏规则',
    en: "Only the resource's providing department may set masking rules on its items",
  },
  'masking.rule.type_mismatch': {
    'zh-CN': '脱敏规则“{kind}”不适用于{type}信息项“{field}”，请选择适用于该数据类型的规则',
    en: 'The masking rule "{kind}" does not fit the {type} item "{field}"; choose a rule for its data type',
  },
  'masking.rule.range_one_of': {
    'zh-CN': '区间泛化须且只能设置“区间宽度”或“分段边界”之一',
    en: 'A range rule takes either a bucket width or explicit bounds, not both and not neither',
  },
  'masking.rule.range_bounds_order': {
    'zh-CN': '分段边界须从小到大排列且不能重复',
    en: 'The bounds must increase, without repeats',
  },
  'masking.no_pool_table': {
    'zh-CN': '该资源还没有数据表（尚未发布或尚未建表），无法预览',
    en: 'The resource has no pool table yet, so there is nothing to preview',
  },
  'masking.quasi_unknown': {
    'zh-CN': '“{field}”不是该资源可用作准标识符的信息项',
    en: '"{field}" is not an item of the resource that can be a quasi-identifier',
  },
  'masking.kind.none': { 'zh-CN': '不脱敏', en: 'no masking' },
  'masking.kind.null': { 'zh-CN': '置空', en: 'nulling' },
  'masking.kind.citizen_id': { 'zh-CN': '身份证号', en: 'citizen ID' },
  'masking.kind.name': { 'zh-CN': '姓名', en: 'name' },
  'masking.kind.mobile': { 'zh-CN': '手机号码', en: 'mobile number' },
  'masking.kind.bank_card': { 'zh-CN': '银行卡号', en: 'bank card' },
  'masking.kind.partial': { 'zh-CN': '部分遮盖', en: 'partial' },
  'masking.kind.address': { 'zh-CN': '地址泛化', en: 'address' },
  'masking.kind.date': { 'zh-CN': '日期截断', en: 'date' },
  'masking.kind.free_text': { 'zh-CN': '文本识别遮盖', en: 'free text' },
  'masking.kind.pseudonym': { 'zh-CN': 'SM3 假名', en: 'SM3 pseudonym' },
  'masking.kind.range': { 'zh-CN': '数值区间泛化', en: 'number range' },
  'masking.type.C': { 'zh-CN': '字符型', en: 'character' },
  'masking.type.N': { 'zh-CN': '数值型', en: 'numeric' },
  'masking.type.I': { 'zh-CN': '整型', en: 'integer' },
  'masking.type.F': { 'zh-CN': '浮点型', en: 'float' },
  'masking.type.B': { 'zh-CN': '双精度型', en: 'double' },
  'masking.type.Y': { 'zh-CN': '货币型', en: 'currency' },
  'masking.type.D': { 'zh-CN': '日期型', en: 'date' },
  'masking.type.T': { 'zh-CN': '日期时间型', en: 'date-time' },
  'masking.type.L': { 'zh-CN': '逻辑型', en: 'boolean' },
  'masking.type.G': { 'zh-CN': '二进制型', en: 'binary' },
});
