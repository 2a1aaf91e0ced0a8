import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of demand lists, responsibility lists and catalog update requests. */
export const demandMessages = defineMessages({
  'what.catalog_demand': { 'zh-CN': '数据需求', en: 'data demand' },
  'what.catalog_update_request': { 'zh-CN': '目录更新申请', en: 'catalog update request' },
  'catalog.demand.invalid': {
    'zh-CN': '填写有误，请按各项提示修改',
    en: 'Some fields have mistakes; see each field',
  },
  'catalog.demand.no_authority': {
    'zh-CN': '没有登记数据主管部门，需求无人答复',
    en: 'No data authority is registered to answer the demand',
  },
  'catalog.demand.department_unknown': {
    'zh-CN': '所选部门不存在',
    en: 'No such department',
  },
  'catalog.demand.not_authority': {
    'zh-CN': '只有负责答复该需求的数据主管部门可以答复',
    en: 'Only the data authority that answers this demand may answer it',
  },
  'catalog.demand.not_provider': {
    'zh-CN': '只有需求转交到的提供部门可以答复',
    en: 'Only the department the demand was routed to may answer it',
  },
  'catalog.demand.own_only': {
    'zh-CN': '只能查看本人提出的建议',
    en: 'You can only see your own suggestions',
  },
  'catalog.demand.reason_required': {
    'zh-CN': '请写明理由',
    en: 'Give a reason',
  },
  'catalog.demand.resource_unpublished': {
    'zh-CN': '资源不在已发布的目录中',
    en: 'The resource is not in the published catalog',
  },
  'catalog.demand.resource_not_shared': {
    'zh-CN': '资源 {code} 为不予共享，不能满足部门的需求',
    en: 'Resource {code} is not shared, so it cannot meet a department’s demand',
  },
  'catalog.demand.resource_not_open': {
    'zh-CN': '资源 {code} 为不予开放，不能满足公众的建议',
    en: 'Resource {code} is not open, so it cannot meet a public suggestion',
  },
  'catalog.demand.route_to_requester': {
    'zh-CN': '不能转交给提出需求的部门本身',
    en: 'A demand cannot be routed to the department that filed it',
  },
  'catalog.demand.route_kind': {
    'zh-CN': '只能转交给政务部门',
    en: 'A demand can only be routed to a government department',
  },
  'catalog.demand.not_accepted': {
    'zh-CN': '只有已接受的需求可以关联新编目的资源',
    en: 'Only an accepted demand can be linked to the resource added for it',
  },
  'catalog.demand.link_own_resource': {
    'zh-CN': '只能关联本部门的目录资源',
    en: 'Only a resource of your own department can be linked',
  },
  'catalog.update.changed_in_future': {
    'zh-CN': '变更日期不能晚于今天',
    en: 'The date of the change cannot be in the future',
  },
  'catalog.update.department_kind': {
    'zh-CN': '只能为政务部门登记目录更新申请',
    en: 'A catalog update request can only be registered for a government department',
  },
  'catalog.update.invalid': {
    'zh-CN': '目录更新申请填写有误，请按提示修改',
    en: 'The catalog update request has mistakes; see each field',
  },
});
