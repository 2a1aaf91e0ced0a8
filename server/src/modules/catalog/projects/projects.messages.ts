import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of IT projects (政务信息化项目) and their pre-compiled catalogs. */
export const projectMessages = defineMessages({
  'what.catalog_project': { 'zh-CN': '政务信息化项目', en: 'IT project' },
  'catalog.project.invalid': {
    'zh-CN': '项目信息填写有误，请按提示修改',
    en: 'The project has mistakes; see each field',
  },
  'catalog.project.code_taken': {
    'zh-CN': '项目编号 {code} 已登记',
    en: 'Project code {code} is already registered',
  },
  'catalog.project.no_department': {
    'zh-CN': '只有政务部门的工作人员可以登记项目',
    en: 'Only staff of a government department can register a project',
  },
  'catalog.project.not_owner': {
    'zh-CN': '只有项目建设单位可以编制该项目的目录清单',
    en: 'Only the department that owns the project may edit its catalog',
  },
  'catalog.project.state': {
    'zh-CN': '项目当前状态为“{state}”，不能{act}',
    en: 'The project is "{state}", so it cannot be {act}',
  },
  'catalog.project.plan_frozen': {
    'zh-CN': '项目已批准，目录清单只能关联已编目的资源，不能修改预编内容',
    en: 'The project is approved: its catalog can only be linked to cataloged resources, not changed',
  },
  'catalog.project.catalog_required': {
    'zh-CN':
      '政务信息化项目审批前应当预编政务数据资源目录清单，作为审批要件（{article}）；目录清单为空或不完整',
    en: 'An IT project needs its pre-compiled resource catalog before approval ({article}); the catalog is empty or incomplete',
  },
  'catalog.project.catalog_empty': {
    'zh-CN': '目录清单中还没有资源',
    en: 'The catalog lists no resource yet',
  },
  'catalog.project.field_required': {
    'zh-CN': '请填写此项',
    en: 'Fill this in',
  },
  'catalog.project.items_required': {
    'zh-CN': '请至少列出一个信息项',
    en: 'List at least one information item',
  },
  'catalog.project.name_repeated': {
    'zh-CN': '资源名称“{name}”在目录清单中重复',
    en: 'Resource name "{name}" appears twice in the catalog',
  },
  'catalog.project.resource_not_own': {
    'zh-CN': '只能关联本项目建设单位的目录资源',
    en: 'Only a catalog resource of the project’s department can be linked',
  },
  'catalog.project.resource_linked_twice': {
    'zh-CN': '同一目录资源不能关联到两个预编资源',
    en: 'One catalog resource cannot fulfil two planned resources',
  },
  'catalog.project.reason_required': {
    'zh-CN': '请写明理由',
    en: 'Give a reason',
  },
  'catalog.project.acceptance_refused': {
    'zh-CN': '项目承诺的政务数据资源未全部编目并接入共享平台，不得通过验收（{article}）',
    en: 'Not every promised resource is cataloged and connected to the sharing platform, so the project cannot pass acceptance ({article})',
  },
  'catalog.project.status.missing': {
    'zh-CN': '“{name}”：目录中没有对应资源',
    en: '"{name}": no such resource in the catalog',
  },
  'catalog.project.status.not_published': {
    'zh-CN': '“{name}”：对应资源尚未发布',
    en: '"{name}": the resource is not published yet',
  },
  'catalog.project.status.not_connected': {
    'zh-CN': '“{name}”：对应资源尚未汇聚数据（未接入共享平台）',
    en: '"{name}": no data has been loaded for the resource (not connected)',
  },
  'catalog.project.connected_criterion': {
    'zh-CN':
      '“已接入”指该资源已发布且平台已汇聚过其数据（数据资源池上线前，以目录资源的最近数据更新时间为准）',
    en: '"Connected" means the resource is published and the platform has loaded its data (until data pools exist: the resource’s last data load time is set)',
  },
  'catalog.project.state.registered': { 'zh-CN': '已登记', en: 'registered' },
  'catalog.project.state.approved': { 'zh-CN': '已批准', en: 'approved' },
  'catalog.project.state.rejected': { 'zh-CN': '未批准', en: 'rejected' },
  'catalog.project.state.accepted': { 'zh-CN': '已验收', en: 'accepted' },
  'catalog.project.act.approve': { 'zh-CN': '批准', en: 'approved' },
  'catalog.project.act.reject': { 'zh-CN': '退回', en: 'rejected' },
  'catalog.project.act.accept': { 'zh-CN': '验收', en: 'accepted' },
  'catalog.project.act.check': { 'zh-CN': '进行验收检查', en: 'checked for acceptance' },
  'catalog.project.act.edit': { 'zh-CN': '修改目录清单', en: 'edited' },
});
