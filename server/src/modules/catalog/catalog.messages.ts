import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of the catalog: resources, their rules, submissions, review and versions. */
export const catalogMessages = defineMessages({
  'what.catalog_resource': { 'zh-CN': '目录资源', en: 'catalog resource' },
  'what.catalog_class': { 'zh-CN': '资源分类', en: 'classification' },
  'what.catalog_submission': { 'zh-CN': '目录清单提交', en: 'catalog list submission' },
  'what.catalog_version': { 'zh-CN': '目录版本', en: 'catalog version' },
  'catalog.invalid': {
    'zh-CN': '目录资源填写有误，请按提示修改',
    en: 'The catalog resource has mistakes; see each field',
  },
  'catalog.class_unknown': { 'zh-CN': '资源分类不存在', en: 'No such classification' },
  'catalog.class_too_broad': {
    'zh-CN': '请至少选择到“项”一级的资源分类',
    en: 'Choose a classification at least down to the second level (项)',
  },
  'catalog.security_level_unknown': {
    'zh-CN': '安全级别应为以下之一：{allowed}',
    en: 'The security level must be one of: {allowed}',
  },
  'catalog.legal_basis_required': {
    'zh-CN': '{type}必须注明法律、行政法规或国务院政策依据（{article}）',
    en: '"{type}" must cite its legal basis: a law, regulation or State Council policy ({article})',
  },
  'catalog.share_condition_required': {
    'zh-CN': '有条件共享须写明共享条件',
    en: 'Conditional sharing needs its share condition',
  },
  'catalog.open_condition_required': {
    'zh-CN': '有条件开放须写明开放条件',
    en: 'Conditional opening needs its open condition',
  },
  'catalog.share_methods_required': {
    'zh-CN': '请选择至少一种共享方式',
    en: 'Choose at least one share method',
  },
  'catalog.open_methods_required': {
    'zh-CN': '请选择至少一种开放方式',
    en: 'Choose at least one open method',
  },
  'catalog.open_methods_for_closed': {
    'zh-CN': '不予开放的资源不能设置开放方式',
    en: 'A resource that is not open cannot have open methods',
  },
  'catalog.base_must_be_unconditional': {
    'zh-CN': '基础信息资源应当无条件共享（{article}）',
    en: 'Base resources must be shared unconditionally ({article})',
  },
  'catalog.update_cycle_note_required': {
    'zh-CN': '更新周期为“其他”时请说明具体周期',
    en: 'Describe the update cycle when it is "other"',
  },
  'catalog.temporal_order': {
    'zh-CN': '时间范围的结束日期不能早于开始日期',
    en: 'The end of the time coverage cannot be before its start',
  },
  'catalog.item.type_not_storable': {
    'zh-CN': '数据类型“{type}”（通用型/二进制）不能存入部门数据资源池，请改为字符型并登记文件地址',
    en: 'Data type "{type}" (binary object) cannot be stored in a data pool; register a file link as character data instead',
  },
  'catalog.item.length_required': {
    'zh-CN': '字符型和数值型信息项须填写数据长度',
    en: 'Character and numeric items need a length',
  },
  'catalog.item.bad_scale': {
    'zh-CN': '小数位数只适用于数值型，且不能大于数据长度',
    en: 'Decimal places apply to numeric items only and cannot exceed the length',
  },
  'catalog.item.field_name_taken': {
    'zh-CN': '字段名 {fieldName} 与第 {row} 个信息项重复',
    en: 'Field name {fieldName} repeats item {row}',
  },
  'catalog.item.one_key': {
    'zh-CN': '一个资源只能有一个标识信息项（主键）',
    en: 'A resource can have only one key item',
  },
  'catalog.code_format': {
    'zh-CN': '资源代码格式不正确，示例：{example}',
    en: 'The resource code has the wrong format; example: {example}',
  },
  'catalog.code_class_mismatch': {
    'zh-CN': '资源代码的前段码应为所选分类的代码 {classCode}',
    en: 'The first part of the resource code must be the classification code {classCode}',
  },
  'catalog.code_taken': {
    'zh-CN': '资源代码 {code} 已被使用',
    en: 'Resource code {code} is already in use',
  },
  'catalog.related_unknown': {
    'zh-CN': '关联资源代码 {code} 不存在',
    en: 'Related resource code {code} does not exist',
  },
  'catalog.provider_department_only': {
    'zh-CN': '只能为政务部门或公共服务企业编制目录，不能为数据主管部门本身以外的机构代编',
    en: 'Catalog resources belong to a department or public-service enterprise',
  },
  'catalog.under_review': {
    'zh-CN': '该资源的变更正在审核中，审核结束前不能修改',
    en: 'A change of this resource is under review; it cannot be edited until the review ends',
  },
  'catalog.no_draft': { 'zh-CN': '该资源没有草稿', en: 'This resource has no draft' },
  'catalog.withdrawn': { 'zh-CN': '该资源已撤销', en: 'This resource has been withdrawn' },
  'catalog.nothing_to_submit': {
    'zh-CN': '请选择要提交的资源',
    en: 'Choose the resources to submit',
  },
  'catalog.not_submittable': {
    'zh-CN': '资源 {code} 没有可提交的草稿（或已在审核中）',
    en: 'Resource {code} has no draft to submit (or is already under review)',
  },
  'catalog.not_removable': {
    'zh-CN': '资源 {code} 尚未发布或已在审核中，不能申请撤销',
    en: 'Resource {code} is not published or is under review; it cannot be withdrawn now',
  },
  'catalog.mixed_departments': {
    'zh-CN': '一次只能提交同一部门的目录清单',
    en: 'A submission holds the list of one department only',
  },
  'catalog.submission_closed': {
    'zh-CN': '该目录清单已审核完毕或已撤回',
    en: 'This submission has been reviewed or withdrawn',
  },
  'catalog.not_holder': {
    'zh-CN': '该目录清单当前不在本级主管部门处理',
    en: 'This submission is not with your authority now',
  },
  'catalog.forward_top': {
    'zh-CN': '已是最高一级主管部门，请直接审核',
    en: 'Yours is the top authority; review the list instead of forwarding it',
  },
  'catalog.review_top_only': {
    'zh-CN': '目录清单由上级主管部门审核，请转报',
    en: 'The list is reviewed by the top authority; forward it',
  },
  'catalog.return_reason_required': {
    'zh-CN': '退回时必须说明理由',
    en: 'A return needs a reason',
  },
  'catalog.entry_decided': {
    'zh-CN': '该条目已审核',
    en: 'This entry has already been decided',
  },
  'catalog.entry_unknown': {
    'zh-CN': '该条目不属于此目录清单',
    en: 'This entry is not part of the submission',
  },
  'catalog.nothing_to_publish': {
    'zh-CN': '没有待发布的已审核变更',
    en: 'There are no approved changes to publish',
  },
  'catalog.publish_top_only': {
    'zh-CN': '只有最高一级数据主管部门可以发布目录版本',
    en: 'Only the top data authority publishes catalog versions',
  },
  'catalog.withdraw_own_only': {
    'zh-CN': '只有提交部门可以撤回目录清单',
    en: 'Only the submitting department can withdraw the list',
  },
  'catalog.no_authority': {
    'zh-CN': '本区域及上级区域没有登记数据主管部门，目录清单无处报送',
    en: 'No data authority is registered for this region or above; the list has nowhere to go',
  },
  'catalog.filing_unknown': {
    'zh-CN': '该补充目录备案不存在，或不属于报本级备案的下级区域',
    en: 'No such supplementary filing from a region directly below yours',
  },
  'catalog.class_code_parent': {
    'zh-CN': '分类代码应以上级分类代码 {parent} 开头',
    en: 'The classification code must start with its parent code {parent}',
  },
  'catalog.class_code_taken': {
    'zh-CN': '分类代码 {code} 已存在',
    en: 'Classification code {code} already exists',
  },
});
