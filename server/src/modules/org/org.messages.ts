import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of regions, departments and users. */
export const orgMessages = defineMessages({
  'what.region': { 'zh-CN': '行政区域', en: 'region' },
  'what.department': { 'zh-CN': '部门', en: 'department' },
  'what.user': { 'zh-CN': '用户', en: 'user' },
  'org.region.code_taken': {
    'zh-CN': '区划代码 {code} 已被使用',
    en: 'Region code {code} is already in use',
  },
  'org.region.bad_parent_level': {
    'zh-CN': '{level}级区域的上级区域层级不正确',
    en: 'A {level} region cannot sit below that parent region',
  },
  'org.region.parent_required': {
    'zh-CN': '区县级区域必须有上级区域',
    en: 'A district must have a parent region',
  },
  'org.department.bad_credit_code': {
    'zh-CN': '统一社会信用代码不正确（GB 32100 校验位不符或含有非法字符）',
    en: 'Not a valid unified social credit code (GB 32100 check character or characters wrong)',
  },
  'org.department.credit_code_taken': {
    'zh-CN': '统一社会信用代码 {creditCode} 已被其他部门使用',
    en: 'Credit code {creditCode} already belongs to another department',
  },
  'org.department.name_taken': {
    'zh-CN': '本区域已有名为“{name}”的部门',
    en: 'This region already has a department named "{name}"',
  },
  'org.department.authority_exists': {
    'zh-CN': '该区域已有数据主管部门',
    en: 'This region already has a data authority',
  },
  'org.department.parent_cycle': {
    'zh-CN': '上级部门不能是本部门或其下级部门',
    en: 'The parent department cannot be the department itself or one below it',
  },
  'org.user.username_taken': { 'zh-CN': '用户名 {username} 已被使用', en: 'Username {username} is taken' },
  'org.user.department_required': {
    'zh-CN': '该角色必须指定所属部门',
    en: 'This role needs a department',
  },
  'org.user.region_required': { 'zh-CN': '该角色必须指定所属区域', en: 'This role needs a region' },
  'org.user.authority_department_required': {
    'zh-CN': '数据主管部门工作人员必须属于数据主管部门',
    en: 'An authority officer must belong to a data authority',
  },
  'org.user.role_not_grantable': {
    'zh-CN': '您不能授予“{role}”角色',
    en: 'You cannot grant the role {role}',
  },
  'org.user.identity_required': {
    'zh-CN': '公众用户必须提供主体类型和证件号码',
    en: 'A public user needs a person type and an identity number',
  },
  'org.user.bad_citizen_id': {
    'zh-CN': '公民身份号码不正确（GB 11643 校验位或出生日期不符）',
    en: 'Not a valid citizen ID number (GB 11643 check character or birth date wrong)',
  },
  'org.user.identity_taken': {
    'zh-CN': '该证件号码已注册',
    en: 'This identity number is already registered',
  },
  'org.user.cannot_disable_self': {
    'zh-CN': '不能停用自己的账号',
    en: 'You cannot disable your own account',
  },
});
