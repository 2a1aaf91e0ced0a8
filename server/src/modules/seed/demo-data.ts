// Demo data of a Chongqing deployment. Names are the real names of Chongqing's bodies; the credit
// codes are synthetic (valid GB 32100 check characters, not the bodies' real codes).
import type { UserRole } from '../../platform/policy/permissions.ts';

/** A demo region: code (GB/T 2260), name, level, parent code. */
export interface DemoRegion {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district';
  parent?: string;
}

/** A demo department, placed by region code. */
export interface DemoDepartment {
  key: string;
  name: string;
  shortName?: string;
  region: string;
  kind: 'authority' | 'department' | 'enterprise';
}

/** A demo user, placed by department key or region code. */
export interface DemoUser {
  username: string;
  displayName: string;
  role: UserRole;
  department?: string;
  region?: string;
}

/** Chongqing (a municipality: city level, no province above) and some of its districts. */
export const DEMO_REGIONS: DemoRegion[] = [
  { code: '500000', name: '重庆市', level: 'city' },
  { code: '500103', name: '渝中区', level: 'district', parent: '500000' },
  { code: '500105', name: '江北区', level: 'district', parent: '500000' },
  { code: '500106', name: '沙坪坝区', level: 'district', parent: '500000' },
  { code: '500107', name: '九龙坡区', level: 'district', parent: '500000' },
  { code: '500108', name: '南岸区', level: 'district', parent: '500000' },
  { code: '500112', name: '渝北区', level: 'district', parent: '500000' },
];

/** The city data authority, city departments, district authorities and a public-service enterprise. */
export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    key: 'authority',
    name: '重庆市大数据应用发展管理局',
    shortName: '市大数据发展局',
    region: '500000',
    kind: 'authority',
  },
  { key: 'police', name: '重庆市公安局', shortName: '市公安局', region: '500000', kind: 'department' },
  {
    key: 'market',
    name: '重庆市市场监督管理局',
    shortName: '市市场监管局',
    region: '500000',
    kind: 'department',
  },
  {
    key: 'hrss',
    name: '重庆市人力资源和社会保障局',
    shortName: '市人力社保局',
    region: '500000',
    kind: 'department',
  },
  {
    key: 'planning',
    name: '重庆市规划和自然资源局',
    shortName: '市规划自然资源局',
    region: '500000',
    kind: 'department',
  },
  {
    key: 'health',
    name: '重庆市卫生健康委员会',
    shortName: '市卫生健康委',
    region: '500000',
    kind: 'department',
  },
  {
    key: 'ecology',
    name: '重庆市生态环境局',
    shortName: '市生态环境局',
    region: '500000',
    kind: 'department',
  },
  {
    key: 'transport',
    name: '重庆市交通运输委员会',
    shortName: '市交通运输委',
    region: '500000',
    kind: 'department',
  },
  { key: 'civil', name: '重庆市民政局', shortName: '市民政局', region: '500000', kind: 'department' },
  { key: 'education', name: '重庆市教育委员会', shortName: '市教委', region: '500000', kind: 'department' },
  {
    key: 'housing',
    name: '重庆市住房和城乡建设委员会',
    shortName: '市住房城乡建委',
    region: '500000',
    kind: 'department',
  },
  {
    key: 'water',
    name: '重庆水务集团股份有限公司',
    shortName: '重庆水务',
    region: '500000',
    kind: 'enterprise',
  },
  {
    key: 'yuzhong.authority',
    name: '渝中区大数据应用发展管理局',
    shortName: '渝中区大数据局',
    region: '500103',
    kind: 'authority',
  },
  {
    key: 'yuzhong.market',
    name: '渝中区市场监督管理局',
    shortName: '渝中区市场监管局',
    region: '500103',
    kind: 'department',
  },
  {
    key: 'jiangbei.authority',
    name: '江北区大数据应用发展管理局',
    shortName: '江北区大数据局',
    region: '500105',
    kind: 'authority',
  },
  {
    key: 'yubei.authority',
    name: '渝北区大数据应用发展管理局',
    shortName: '渝北区大数据局',
    region: '500112',
    kind: 'authority',
  },
];

/** One demo user of every role (the admin is created separately). */
export const DEMO_USERS: DemoUser[] = [
  {
    username: 'authority',
    displayName: '陈主任（市大数据发展局）',
    role: 'authority_officer',
    department: 'authority',
  },
  {
    username: 'police.officer',
    displayName: '李警官（市公安局数据专员）',
    role: 'department_officer',
    department: 'police',
  },
  {
    username: 'police.head',
    displayName: '王局长（市公安局）',
    role: 'department_head',
    department: 'police',
  },
  {
    username: 'market.officer',
    displayName: '赵专员（市市场监管局）',
    role: 'department_officer',
    department: 'market',
  },
  {
    username: 'market.head',
    displayName: '周局长（市市场监管局）',
    role: 'department_head',
    department: 'market',
  },
  {
    username: 'police.security',
    displayName: '钱科长（市公安局安全保密管理员）',
    role: 'security_officer',
    department: 'police',
  },
  {
    username: 'health.officer',
    displayName: '孙专员（市卫生健康委）',
    role: 'department_officer',
    department: 'health',
  },
  {
    username: 'yuzhong.authority',
    displayName: '吴科长（渝中区大数据局）',
    role: 'authority_officer',
    department: 'yuzhong.authority',
  },
  { username: 'auditor', displayName: '郑审计（市审计局）', role: 'auditor', region: '500000' },
  { username: 'expert', displayName: '冯教授（专家委员会）', role: 'expert' },
];
