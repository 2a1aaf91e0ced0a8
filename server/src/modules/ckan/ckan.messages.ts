import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of the CKAN Action API (the English ones follow CKAN's own wording). */
export const ckanMessages = defineMessages({
  'ckan.validation': { 'zh-CN': '参数不正确', en: 'Validation error' },
  'ckan.invalid_integer': { 'zh-CN': '不是有效的整数', en: 'Invalid integer' },
  'ckan.natural_number': { 'zh-CN': '必须是自然数（0 或正整数）', en: 'Must be a natural number' },
  'ckan.missing_value': { 'zh-CN': '缺少值', en: 'Missing value' },
  'ckan.not_a_string': { 'zh-CN': '不是字符串', en: 'Not a string' },
  'ckan.not_a_list': { 'zh-CN': '不是列表', en: 'Not a list' },
  'ckan.not_a_dict': { 'zh-CN': '不是 JSON 对象', en: 'Not a JSON object' },
  'ckan.not_json': { 'zh-CN': '无法解析为有效的 JSON', en: 'Could not parse as valid JSON' },
  'ckan.bad_characters': {
    'zh-CN': '参数含有无法处理的字符（如 NUL 控制字符）',
    en: 'The parameter contains characters that cannot be processed (such as NUL)',
  },
  'ckan.bad_sort': {
    'zh-CN':
      '不支持的排序 {sort}：可用 score、metadata_modified、metadata_created、title_string、name，后跟 asc 或 desc',
    en: 'Cannot sort by {sort}: use score, metadata_modified, metadata_created, title_string or name, then asc or desc',
  },
  'ckan.bad_fq': {
    'zh-CN':
      '无法解析的过滤条件 fq：{fq}。支持 organization:、tags:、res_format:、groups:、dataset_type:、metadata_modified:[… TO …]',
    en: 'Search Query is invalid: cannot read fq {fq}. Supported: organization:, tags:, res_format:, groups:, dataset_type:, metadata_modified:[… TO …]',
  },
  'ckan.bad_facet': {
    'zh-CN': '不支持的分面字段 {field}：可用 organization、groups、tags、res_format、license_id',
    en: 'Search Query is invalid: no facet {field}; use organization, groups, tags, res_format or license_id',
  },
  'ckan.package_not_found': {
    'zh-CN': '未找到：数据集 {id} 不存在或未开放',
    en: 'Not found: no open dataset {id}',
  },
  'ckan.organization_not_found': {
    'zh-CN': '未找到：组织 {id} 不存在或没有开放数据',
    en: 'Not found: no organization {id} with open datasets',
  },
  'ckan.resource_not_found': {
    'zh-CN': '未找到：资源 {id} 不存在或未开放',
    en: 'Not found: Resource "{id}" was not found.',
  },
  'ckan.datastore_not_active': {
    'zh-CN': '未找到：资源 {id} 没有数据存储表（数据集不提供接口方式，或尚未汇聚数据）',
    en: 'Not found: Resource "{id}" has no DataStore table (the dataset is not offered through the API, or holds no data yet)',
  },
  'ckan.datastore_identity_required': {
    'zh-CN':
      '访问被拒绝：开放数据仅提供给通过实名认证的用户，请登录，或在 Authorization 请求头中提供个人 API 密钥',
    en: 'Access denied: open data is served to identity-authenticated users only; sign in, or send your personal API key in the Authorization header',
  },
  'ckan.datastore_conditional': {
    'zh-CN': '访问被拒绝：数据集「{name}」为有条件开放，须提交开放申请并签订数据利用协议后方可获取',
    en: 'Access denied: dataset "{name}" is open on conditions; apply and sign a data usage agreement to get it',
  },
  'ckan.datastore_no_q': {
    'zh-CN': '不支持对数据行的全文检索，请用 filters 按字段精确匹配',
    en: 'Full-text search over rows is not supported; use filters to match fields exactly',
  },
  'ckan.datastore_no_distinct': { 'zh-CN': '不支持 distinct', en: 'distinct is not supported' },
  'ckan.datastore_records_format': {
    'zh-CN': '仅支持 records_format=objects',
    en: 'Only records_format=objects is supported',
  },
  'ckan.datastore_filter_value': {
    'zh-CN': '字段 {field} 的过滤值必须是字符串、数字、布尔值，或由它们组成的非空列表',
    en: 'The filter on {field} must be a string, a number, a boolean or a non-empty list of them',
  },
  'ckan.datastore_bad_sort': {
    'zh-CN': '无法解析的排序 {sort}：应为“字段名 asc”或“字段名 desc”，多个以逗号分隔',
    en: 'Cannot read sort {sort}: use "field asc" or "field desc", separated by commas',
  },
  'ckan.help_not_found': {
    'zh-CN': '未找到：没有名为 {name} 的操作',
    en: 'Not found: Action function not found: {name}',
  },
  'ckan.unknown_action': {
    'zh-CN': '错误的请求 - 未知的操作名：{action}',
    en: 'Bad request - Action name not known: {action}',
  },
  'ckan.bad_body': {
    'zh-CN': '错误的请求 - 请求数据必须是 JSON 对象',
    en: 'Bad request - Bad request data: Request data JSON decoded but it needs to be a dictionary.',
  },
});
