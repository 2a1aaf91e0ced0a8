// The demo catalog of a Chongqing deployment: resources as the city's departments list them in
// their 政务数据资源目录, so that a fresh platform shows a living catalog and the open catalog, CKAN
// and DCAT have content. Names, items and legal bases follow real catalogs; contact numbers are
// fictional. The seed turns class codes into class ids and related names into resource codes.
import type { ItemInput, ResourceInput } from '../catalog/catalog.schemas.ts';
import { DEMO_DEPARTMENTS } from './demo-data.ts';

/** Department-class 项 the demo seeds under 3 部门信息资源 (one per demo department). */
export const DEMO_DEPARTMENT_CLASSES: { code: string; name: string; department: string }[] = [
  { code: '301', name: '公安', department: 'police' },
  { code: '302', name: '市场监管', department: 'market' },
  { code: '303', name: '人力资源和社会保障', department: 'hrss' },
  { code: '304', name: '规划和自然资源', department: 'planning' },
  { code: '305', name: '卫生健康', department: 'health' },
  { code: '306', name: '生态环境', department: 'ecology' },
  { code: '307', name: '交通运输', department: 'transport' },
  { code: '308', name: '民政', department: 'civil' },
  { code: '309', name: '教育', department: 'education' },
  { code: '310', name: '住房和城乡建设', department: 'housing' },
  { code: '311', name: '供水', department: 'water' },
  { code: '312', name: '渝中区市场监管', department: 'yuzhong.market' },
];

/** A demo resource: what its department writes, with the provider and class by key and code. */
export interface DemoResource extends Omit<ResourceInput, 'classId' | 'relatedCodes'> {
  /** DEMO_DEPARTMENTS key of the provider. */
  department: string;
  /** A classification code: '101'…'105', '201'…'212', or a DEMO_DEPARTMENT_CLASSES code. */
  classCode: string;
  /** Names of other demo resources (the seed turns them into codes). */
  related?: string[];
}

/** The ResourceInput of a demo resource once the seed knows its class id and the related codes. */
export function toResourceInput(
  resource: DemoResource,
  classId: string,
  relatedCodes: string[],
): ResourceInput {
  const { department: _department, classCode: _classCode, related: _related, ...input } = resource;
  return { ...input, classId, relatedCodes };
}

// ---- Information items -------------------------------------------------------------------------

type Flag = 'key' | 'req' | 'personal' | 'sensitive';
type DataType = ItemInput['dataType'];

function item(
  name: string,
  fieldName: string,
  dataType: DataType,
  size: { length?: number; scale?: number },
  description: string,
  flags: Flag[],
): ItemInput {
  const isKey = flags.includes('key');
  const sensitivity = flags.includes('sensitive')
    ? 'sensitive'
    : flags.includes('personal')
      ? 'personal'
      : 'general';
  return {
    name,
    fieldName,
    dataType,
    ...size,
    description,
    sensitivity,
    isKey,
    required: isKey || flags.includes('req'),
  };
}

/** 字符型 of the given length. */
const c = (name: string, field: string, length: number, description: string, ...flags: Flag[]) =>
  item(name, field, 'C', { length }, description, flags);
/** 数值型 with precision and scale. */
const n = (
  name: string,
  field: string,
  length: number,
  scale: number,
  description: string,
  ...flags: Flag[]
) => item(name, field, 'N', { length, scale }, description, flags);
const typed =
  (dataType: DataType) =>
  (name: string, field: string, description: string, ...flags: Flag[]) =>
    item(name, field, dataType, {}, description, flags);
/** 整型. */
const i = typed('I');
/** 日期型. */
const d = typed('D');
/** 日期时间型. */
const t = typed('T');
/** 逻辑型. */
const l = typed('L');
/** 备注型 (long text). */
const m = typed('M');

const idNumber = (...flags: Flag[]) =>
  c('公民身份号码', 'gmsfhm', 18, '18 位公民身份号码（GB 11643）', 'personal', ...flags);
const personName = (name = '姓名', field = 'xm') => c(name, field, 50, '证件上的姓名', 'personal', 'req');
const sex = () => c('性别', 'xb', 1, '性别代码（GB/T 2261.1）：1 男，2 女', 'personal');
const birthDate = () => d('出生日期', 'csrq', '公历出生日期', 'personal');
const creditCode = (...flags: Flag[]) =>
  c('统一社会信用代码', 'tyshxydm', 18, '18 位统一社会信用代码（GB 32100）', ...flags);
const legalRep = (name = '法定代表人') =>
  c(name, 'fddbr', 50, '依法公示的法定代表人（负责人）姓名', 'personal');
const region = () => c('行政区划代码', 'xzqhdm', 6, '所在区县行政区划代码（GB/T 2260）', 'req');
const address = (name = '地址', field = 'dz') => c(name, field, 200, '详细地址，含区县、街道和门牌号');
const phone = (name = '联系电话', field = 'lxdh') => c(name, field, 20, '对外公布的联系电话');
const lng = () => n('经度', 'jd', 12, 6, 'CGCS2000 坐标系经度（度）');
const lat = () => n('纬度', 'wd', 12, 6, 'CGCS2000 坐标系纬度（度）');
const issuedOn = (name = '发证日期') => d(name, 'fzrq', '证照的签发日期');
const validUntil = (name = '有效期至') => d(name, 'yxqz', '证照有效期的截止日期');
const issuer = (name = '发证机关') => c(name, 'fzjg', 100, '作出决定或签发证照的机关名称');
const licenceFile = () => c('证照文件地址', 'zzwj', 500, '电子证照库中 OFD 版式文件的访问地址');

// ---- Legal bases -------------------------------------------------------------------------------

const LAW = {
  pipl34:
    '《中华人民共和国个人信息保护法》第三十四条：国家机关为履行法定职责处理个人信息，不得超出履行法定职责所必需的范围和限度',
  pipl28:
    '《中华人民共和国个人信息保护法》第二十八条：医疗健康、金融账户、不满十四周岁未成年人等敏感个人信息，只有在具有特定目的和充分必要性并采取严格保护措施的情形下方可处理',
  dsl38:
    '《中华人民共和国数据安全法》第三十八条：对在履行职责中知悉的个人隐私、个人信息、商业秘密、保密商务信息等数据应当依法予以保密',
  dsl21: '《中华人民共和国数据安全法》第二十一条：对重要数据实行重点保护，对核心数据实行更加严格的管理制度',
  idCard:
    '《中华人民共和国居民身份证法》第六条：公安机关及其人民警察对因制作、发放、查询、查验居民身份证而知悉的公民个人信息，应当予以保密',
  socialInsurance:
    '《中华人民共和国社会保险法》第八十一条：社会保险行政部门和经办机构应当依法为用人单位和个人的信息保密，不得以任何形式泄露',
  health:
    '《中华人民共和国基本医疗卫生与健康促进法》第九十二条：国家保护公民个人健康信息，确保公民个人健康信息安全',
  minors:
    '《中华人民共和国未成年人保护法》第七十二条：处理不满十四周岁未成年人个人信息的，应当征得其父母或者其他监护人同意',
  ogi15:
    '《中华人民共和国政府信息公开条例》第十五条：涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开',
  realEstate:
    '《不动产登记暂行条例》第二十七条、第二十八条：不动产登记资料由权利人、利害关系人和有关国家机关依法查询，查询者不得将资料用于其他目的',
  licence:
    '《国务院关于在线政务服务的若干规定》（国务院令第716号）：电子证照用于政务服务办理，登记事项另行公示',
  cq19: '《重庆市政务数据资源管理暂行办法》第二十五条',
  cqo12: '《重庆市公共数据开放管理暂行办法》第十二条',
};
const both = (...bases: string[]) => bases.join('；');

// ---- Access (share / open) ---------------------------------------------------------------------

type Access = Pick<
  DemoResource,
  | 'shareType'
  | 'shareCondition'
  | 'shareMethods'
  | 'shareBasis'
  | 'openType'
  | 'openCondition'
  | 'openMethods'
  | 'openBasis'
>;
type ShareMethod = ResourceInput['shareMethods'][number];
type OpenMethod = NonNullable<ResourceInput['openMethods']>[number];

/** Shared with every department and open to everyone. */
const openData = (
  openMethods: OpenMethod[] = ['download', 'api'],
  shareMethods: ShareMethod[] = ['api', 'file'],
): Access => ({
  shareType: 'unconditional',
  shareMethods,
  openType: 'unconditional',
  openMethods,
});
/** Shared with every department, open on conditions. */
const openOnConditions = (
  openCondition: string,
  openBasis: string,
  openMethods: OpenMethod[] = ['api'],
  shareMethods: ShareMethod[] = ['api', 'database'],
): Access => ({
  shareType: 'unconditional',
  shareMethods,
  openType: 'conditional',
  openCondition,
  openMethods,
  openBasis,
});
/** Shared with every department, not open. */
const sharedNotOpen = (openBasis: string, shareMethods: ShareMethod[] = ['api', 'database']): Access => ({
  shareType: 'unconditional',
  shareMethods,
  openType: 'none',
  openMethods: [],
  openBasis,
});
/** Shared on conditions, not open. */
const conditionalNotOpen = (
  shareCondition: string,
  shareBasis: string,
  openBasis: string,
  shareMethods: ShareMethod[] = ['api'],
): Access => ({
  shareType: 'conditional',
  shareCondition,
  shareMethods,
  shareBasis,
  openType: 'none',
  openMethods: [],
  openBasis,
});
/** Neither shared nor open. */
const closed = (shareBasis: string, openBasis: string): Access => ({
  shareType: 'none',
  shareMethods: [],
  shareBasis,
  openType: 'none',
  openMethods: [],
  openBasis,
});

// ---- Resources ---------------------------------------------------------------------------------

/** Each department's catalog office and a (fictional) phone number. */
const CONTACTS: Record<string, [string, string]> = {
  police: ['市公安局大数据处', '023-63961120'],
  market: ['市市场监管局信息化处', '023-63722315'],
  hrss: ['市人力社保局信息中心', '023-88152316'],
  planning: ['市规划自然资源局信息中心', '023-63651808'],
  health: ['市卫生健康委统计信息中心', '023-67706120'],
  ecology: ['市生态环境局生态环境监测处', '023-88521369'],
  transport: ['市交通运输委科技信息处', '023-89183120'],
  civil: ['市民政局信息中心', '023-63896120'],
  education: ['市教委信息中心', '023-63861208'],
  housing: ['市住房城乡建委信息中心', '023-63672318'],
  water: ['重庆水务集团信息中心', '023-63860966'],
  'yuzhong.market': ['渝中区市场监管局综合科', '023-63770315'],
};

const USE_SHARED = '仅限申请部门在法定职责范围内使用，不得转交第三方或用于其他目的；调用情况纳入审计。';
const USE_PERSONAL =
  '涉及个人信息，须按最小必要原则逐项核验，不得批量留存或二次分发；调用情况纳入审计，违规使用依法追责。';

type Body = Omit<DemoResource, 'department' | 'classCode' | 'contactName' | 'contactPhone'> & {
  contact?: [string, string];
};

/** A demo resource of a department: the department's contact and a usage requirement fitting its access. */
function resource(department: string, classCode: string, body: Body): DemoResource {
  const { contact, ...rest } = body;
  const [contactName, contactPhone] = contact ?? CONTACTS[department] ?? ['', ''];
  const provider = DEMO_DEPARTMENTS.find((dep) => dep.key === department);
  const personal = rest.items.some((it) => it.sensitivity !== 'general');
  const usageRequirements =
    rest.usageRequirements ??
    (rest.openType !== 'none'
      ? `引用或再发布时须注明数据来源“${provider?.name ?? department}”，不得歪曲数据原意。`
      : personal
        ? USE_PERSONAL
        : USE_SHARED);
  const category = rest.category ?? categoryOf(department, classCode);
  // Items about persons are personal information (个人信息) whatever the resource's category.
  const items = rest.items.map((it) => ({
    ...it,
    category: it.category ?? (it.sensitivity === 'general' ? category : 'personal'),
  }));
  return {
    department,
    classCode,
    ...rest,
    items,
    category,
    usageRequirements,
    contactName,
    contactPhone,
  };
}

// 分类 of the demo resources: by base class (人口 → personal, 法人/信用 → legal person, 空间地理 →
// geospatial), else by what the providing department keeps.
const CATEGORY_BY_CLASS: Record<string, string> = {
  '101': 'personal',
  '102': 'legal_person',
  '103': 'geospatial',
  '104': 'legal_person',
};
const CATEGORY_BY_DEPARTMENT: Record<string, string> = {
  police: 'public_safety',
  market: 'legal_person',
  hrss: 'personal',
  planning: 'geospatial',
  health: 'public_service',
  ecology: 'environment',
  transport: 'public_service',
  civil: 'public_administration',
  education: 'public_service',
  housing: 'public_administration',
  water: 'public_service',
};

function categoryOf(department: string, classCode: string): string {
  return CATEGORY_BY_CLASS[classCode] ?? CATEGORY_BY_DEPARTMENT[department] ?? 'economy';
}

const POLICE: DemoResource[] = [
  resource('police', '101', {
    name: '人口基本信息',
    abstract:
      '全市户籍人口的基本登记信息，包括公民身份号码、姓名、性别、民族、出生日期、户籍地址和人口状态。由市公安局依托户籍管理系统采集，覆盖全市 38 个区县（自治县），是人口基础数据库的权威来源。',
    keywords: ['人口', '户籍', '身份核验', '人口基础库'],
    formatType: 'database',
    formats: ['JSON'],
    items: [
      idNumber('key'),
      personName(),
      c('曾用名', 'cym', 50, '登记的曾用名，多个以分号分隔', 'personal'),
      sex(),
      c('民族', 'mz', 2, '民族代码（GB/T 3304）', 'personal'),
      birthDate(),
      c('出生地', 'csd', 6, '出生地行政区划代码', 'personal'),
      c('户籍地行政区划', 'hjdxzqh', 6, '户籍所在区县行政区划代码', 'req'),
      c('户籍地址', 'hjdz', 200, '户籍登记的详细地址', 'personal'),
      c('文化程度', 'whcd', 2, '学历代码（GB/T 4658）', 'personal'),
      c('婚姻状况', 'hyzk', 2, '婚姻状况代码（GB/T 2261.2）', 'personal'),
      c('人口状态', 'rkzt', 2, '正常、死亡、迁出、注销等'),
      t('更新时间', 'gxsj', '记录最后一次变更的时间'),
    ],
    ...sharedNotOpen(both(LAW.pipl34, LAW.idCard)),
    // Base data every department needs (unconditionally shared, CQ19 §25(2)), so important, not core.
    securityLevel: 'important',
    securitySubLevel: 'important-2',
    updateCycle: 'daily',
    temporalStart: '1990-01-01',
    related: ['居民身份证信息', '户籍迁移信息'],
  }),
  resource('police', '101', {
    name: '居民身份证信息',
    abstract:
      '全市居民身份证的签发信息，包括证件有效期、签发机关和证件状态。由市公安局在受理、制发和挂失居民身份证时产生，用于政务服务和公共服务中的身份核验。',
    keywords: ['居民身份证', '证件核验', '实名认证'],
    formatType: 'database',
    items: [
      idNumber('key'),
      personName(),
      sex(),
      c('民族', 'mz', 2, '民族代码（GB/T 3304）', 'personal'),
      birthDate(),
      c('住址', 'zz', 200, '证件登记住址', 'personal'),
      issuer('签发机关'),
      d('有效期起始日期', 'yxqqsrq', '证件有效期起始日期'),
      d('有效期截止日期', 'yxqjzrq', '长期有效的证件为空'),
      c('证件状态', 'zjzt', 2, '有效、挂失、作废'),
    ],
    ...sharedNotOpen(LAW.idCard, ['api']),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2004-01-01',
    related: ['人口基本信息'],
  }),
  resource('police', '301', {
    name: '户籍迁移信息',
    abstract:
      '户口迁入、迁出、分户和立户等户籍变动记录。由全市公安派出所办理户籍业务时产生，用于入学、社保关系转移和住房保障等事项核验户籍变动。',
    keywords: ['户籍', '迁移', '落户', '户口'],
    formatType: 'database',
    items: [
      c('业务流水号', 'ywlsh', 32, '户籍业务受理流水号', 'key'),
      idNumber('req'),
      personName(),
      c('迁移类型', 'qylx', 2, '迁入、迁出、分户、立户'),
      c('迁出地行政区划', 'qcdxzqh', 6, '迁出地区县行政区划代码'),
      c('迁入地行政区划', 'qrdxzqh', 6, '迁入地区县行政区划代码'),
      c('迁入地址', 'qrdz', 200, '迁入后的户籍地址', 'personal'),
      c('迁移原因', 'qyyy', 2, '投靠、就业、购房、就学等'),
      d('办理日期', 'blrq', '户籍业务办结日期', 'req'),
      c('办理机关', 'bljg', 100, '办理的公安派出所'),
    ],
    ...conditionalNotOpen(
      '限承担教育入学、社会保险关系转移、住房保障等职责的部门在办理具体事项时按人核验，不得批量下载。',
      both(LAW.pipl34, LAW.cq19),
      LAW.pipl34,
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2010-01-01',
    related: ['人口基本信息'],
  }),
  resource('police', '301', {
    name: '居住证信息',
    abstract:
      '在本市居住半年以上的非本市户籍人员申领居住证的登记信息，包括居住地址、签发和签注情况。由市公安局办理居住证时产生，用于随迁子女入学、积分落户和公共服务享受资格核验。',
    keywords: ['居住证', '流动人口', '公共服务'],
    formatType: 'database',
    items: [
      c('居住证编号', 'jzzbh', 20, '居住证卡号', 'key'),
      idNumber('req'),
      personName(),
      c('居住地址', 'jzdz', 200, '登记的现居住地址', 'personal'),
      c('居住地行政区划', 'jzdxzqh', 6, '居住地区县行政区划代码'),
      issuedOn('签发日期'),
      d('签注有效期至', 'qzyxqz', '最近一次签注的有效期截止日期'),
      c('证件状态', 'zjzt', 2, '有效、过期、注销'),
    ],
    ...conditionalNotOpen(
      '限教育、人力社保、卫生健康等部门办理随迁子女入学、积分落户和基本公共服务时按人核验。',
      both(LAW.pipl34, '《居住证暂行条例》'),
      LAW.pipl34,
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2016-01-01',
  }),
  resource('police', '301', {
    name: '机动车登记信息',
    abstract:
      '本市登记的机动车注册、转移、变更和注销信息，包括号牌、车辆识别代号和所有人。由市公安局交通管理局在机动车登记业务中产生，用于车辆购置、保险理赔和执法核验。',
    keywords: ['机动车', '车辆登记', '号牌', '交通管理'],
    formatType: 'database',
    items: [
      c('车辆识别代号', 'clsbdh', 17, '17 位车辆识别代号（VIN）', 'key'),
      c('号牌号码', 'hphm', 15, '如渝A12345', 'req'),
      c('号牌种类', 'hpzl', 2, '号牌种类代码（GA 24.7）'),
      c('车辆品牌', 'clpp', 50, '中文品牌'),
      c('车辆型号', 'clxh', 50, '产品型号'),
      c('车身颜色', 'csys', 10, '车身颜色代码'),
      c('所有人', 'syr', 100, '机动车所有人姓名或单位名称', 'personal'),
      c('所有人身份证明号码', 'sfzmhm', 30, '所有人证件号码', 'personal'),
      d('初次登记日期', 'ccdjrq', '机动车注册登记日期'),
      c('机动车状态', 'jdczt', 2, '正常、转出、注销、查封等'),
    ],
    ...conditionalNotOpen(
      '限税务、交通运输、生态环境、法院等部门在车辆税费征收、营运管理、排放监管和执行工作中按车辆核验。',
      both(LAW.pipl34, LAW.dsl38),
      LAW.pipl34,
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2008-01-01',
  }),
  resource('police', '301', {
    name: '机动车驾驶人信息',
    abstract:
      '本市核发的机动车驾驶证信息，包括准驾车型、有效期、累积记分和驾驶证状态。由市公安局交通管理局产生，用于道路运输从业资格审核和驾驶资格核验。',
    keywords: ['驾驶证', '驾驶人', '准驾车型', '记分'],
    formatType: 'database',
    items: [
      idNumber('key'),
      personName(),
      c('准驾车型', 'zjcx', 15, '如 A1、B2、C1'),
      d('初次领证日期', 'cclzrq', '首次取得驾驶证的日期'),
      d('有效期止', 'yxqz', '驾驶证有效期截止日期'),
      i('累积记分', 'ljjf', '当前记分周期的累积记分'),
      c('驾驶证状态', 'jszzt', 2, '正常、超分、吊销、注销等'),
    ],
    ...conditionalNotOpen(
      '限交通运输部门审核道路运输从业资格、人力社保部门审核职业资格时按人核验。',
      both(LAW.pipl34, LAW.cq19),
      LAW.pipl34,
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2008-01-01',
  }),
  resource('police', '212', {
    name: '道路交通事故统计信息',
    abstract:
      '按区县和月份汇总的道路交通事故起数、死亡人数、受伤人数和直接财产损失。由市公安局交通管理局根据事故处理记录统计，覆盖全市 38 个区县（自治县），不含个人信息。',
    keywords: ['交通事故', '道路安全', '统计'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('统计月份', 'tjyf', 7, '格式 YYYY-MM', 'req'),
      region(),
      i('事故起数', 'sgqs', '当月道路交通事故起数'),
      i('死亡人数', 'swrs', '当月事故死亡人数'),
      i('受伤人数', 'ssrs', '当月事故受伤人数'),
      n('直接财产损失', 'zjccss', 14, 2, '单位：元'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2018-01-01',
  }),
  resource('police', '301', {
    name: '刑事案件立案信息',
    abstract:
      '全市公安机关刑事案件的立案登记信息，包括案件类别、发案时间地点、简要案情和办案单位。由公安机关执法办案系统产生，涉及国家秘密和侦查工作秘密。',
    keywords: ['刑事案件', '立案', '执法办案'],
    formatType: 'database',
    items: [
      c('案件编号', 'ajbh', 23, '执法办案系统案件编号', 'key'),
      c('案件名称', 'ajmc', 200, '案件名称', 'sensitive'),
      c('案件类别', 'ajlb', 6, '刑事案件类别代码'),
      t('发案时间', 'fasj', '案件发生时间', 'sensitive'),
      c('发案地点', 'fadd', 200, '案件发生地点', 'sensitive'),
      m('简要案情', 'jyaq', '案情摘要', 'sensitive'),
      d('立案日期', 'larq', '立案决定日期', 'req'),
      c('办案单位', 'badw', 100, '主办的公安机关'),
      c('案件状态', 'ajzt', 2, '侦查中、已破案、已移送起诉等'),
    ],
    ...closed(
      '《中华人民共和国保守国家秘密法》；《公安工作中国家秘密及其密级具体范围的规定》：刑事案件侦查信息属于国家秘密和工作秘密，不纳入共享平台',
      both(LAW.ogi15, '《中华人民共和国保守国家秘密法》'),
    ),
    securityLevel: 'core',
    updateCycle: 'realtime',
    temporalStart: '2015-01-01',
  }),
  resource('police', '201', {
    name: '公安派出所信息',
    abstract:
      '全市公安派出所的名称、地址、辖区范围、对外办公电话和位置坐标。由市公安局维护，便于群众就近办理户籍、身份证等业务。',
    keywords: ['派出所', '户籍办理', '便民服务', '地图'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'JSON', 'GEOJSON'],
    items: [
      c('派出所代码', 'pcsdm', 12, '公安机关机构代码', 'key'),
      c('派出所名称', 'pcsmc', 100, '派出所全称', 'req'),
      region(),
      address('办公地址', 'bgdz'),
      m('辖区范围', 'xqfw', '管辖的街道、社区'),
      phone('办公电话', 'bgdh'),
      lng(),
      lat(),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'quarterly',
    temporalStart: '2020-01-01',
  }),
];

const MARKET: DemoResource[] = [
  resource('market', '102', {
    name: '企业登记注册信息',
    abstract:
      '在本市登记的各类企业的注册登记事项，包括名称、类型、法定代表人、注册资本、住所、经营范围和登记状态。由市市场监管局及各区县市场监管局在登记业务中产生，依据《企业信息公示暂行条例》向社会公示。',
    keywords: ['企业', '市场主体', '工商登记', '法人库'],
    formatType: 'database',
    formats: ['CSV', 'JSON'],
    items: [
      creditCode('key'),
      c('企业名称', 'qymc', 200, '登记的企业名称', 'req'),
      c('企业类型', 'qylx', 4, '企业类型代码（GB/T 38664）'),
      legalRep(),
      n('注册资本', 'zczb', 18, 4, '单位：万元'),
      c('币种', 'bz', 3, '币种代码（GB/T 12406）'),
      d('成立日期', 'clrq', '营业执照签发日期', 'req'),
      d('营业期限自', 'yyqxz', '营业期限起始日期'),
      d('营业期限至', 'yyqxzhi', '长期的为空'),
      m('经营范围', 'jyfw', '登记的经营范围'),
      address('住所', 'zs'),
      c('登记机关', 'djjg', 100, '作出登记的市场监管部门'),
      c('登记状态', 'djzt', 2, '存续、吊销、注销、迁出'),
      d('核准日期', 'hzrq', '最近一次变更核准日期'),
    ],
    ...openData(['download', 'api'], ['api', 'database', 'file']),
    securityLevel: 'general',
    updateCycle: 'daily',
    temporalStart: '2000-01-01',
    contact: ['市市场监管局登记注册处', '023-63722306'],
    related: ['营业执照电子证照', '企业信用信息'],
  }),
  resource('market', '102', {
    name: '个体工商户登记信息',
    abstract:
      '在本市登记的个体工商户的字号、经营者、经营场所、组成形式和经营范围。由各区县市场监管局登记产生，覆盖全市个体工商户。',
    keywords: ['个体工商户', '市场主体', '登记'],
    formatType: 'database',
    formats: ['CSV', 'JSON'],
    items: [
      creditCode('key'),
      c('字号名称', 'zhmc', 200, '个体工商户名称'),
      personName('经营者姓名', 'jyzxm'),
      idNumber(),
      c('组成形式', 'zcxs', 2, '个人经营、家庭经营'),
      address('经营场所', 'jycs'),
      m('经营范围', 'jyfw', '登记的经营范围'),
      d('注册日期', 'zcrq', '登记日期', 'req'),
      c('登记状态', 'djzt', 2, '存续、注销'),
    ],
    ...openOnConditions(
      '字号名称、统一社会信用代码、经营场所和经营范围向社会开放；经营者姓名和身份证号须经申请审核，去标识化后通过接口提供。',
      both(LAW.pipl34, LAW.cqo12),
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2010-01-01',
    contact: ['市市场监管局登记注册处', '023-63722306'],
  }),
  resource('market', '105', {
    name: '营业执照电子证照',
    abstract:
      '本市核发的企业和个体工商户营业执照电子证照，含照面信息和加盖电子印章的版式文件。由市市场监管局在登记时同步生成，用于“一网通办”中免交纸质营业执照。',
    keywords: ['营业执照', '电子证照', '一网通办'],
    formatType: 'document',
    formats: ['PDF', 'JSON'],
    items: [
      c('证照编号', 'zzbh', 50, '电子证照库中的证照标识', 'key'),
      creditCode('req'),
      c('主体名称', 'ztmc', 200, '企业或个体工商户名称'),
      legalRep('法定代表人（经营者）'),
      c('主体类型', 'ztlx', 4, '企业类型代码'),
      issuedOn(),
      issuer('登记机关'),
      c('证照状态', 'zzzt', 2, '有效、注销、吊销'),
      licenceFile(),
    ],
    ...sharedNotOpen(LAW.licence, ['api']),
    securityLevel: 'important',
    updateCycle: 'realtime',
    temporalStart: '2019-01-01',
    related: ['企业登记注册信息'],
  }),
  resource('market', '104', {
    name: '企业信用信息',
    abstract:
      '本市企业的信用风险分类、经营异常名录和严重违法失信名单状态及行政处罚次数汇总。由市市场监管局依托国家企业信用信息公示系统（重庆）归集，用于信用监管和联合奖惩。',
    keywords: ['企业信用', '经营异常', '失信名单', '信用监管'],
    formatType: 'database',
    formats: ['CSV', 'JSON'],
    items: [
      creditCode('key'),
      c('企业名称', 'qymc', 200, '登记的企业名称', 'req'),
      c('信用风险分类', 'xyfxfl', 1, 'A 低风险、B 一般、C 较高、D 高风险'),
      l('列入经营异常名录', 'jyycbz', '是否在经营异常名录中'),
      l('列入严重违法失信名单', 'yzwfsxbz', '是否在严重违法失信名单中'),
      i('近三年行政处罚次数', 'xzcfcs', '近三年受到行政处罚的次数'),
      d('更新日期', 'gxrq', '信用状态最近变化日期'),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'daily',
    temporalStart: '2014-10-01',
    related: ['企业登记注册信息', '行政处罚信息'],
  }),
  resource('market', '104', {
    name: '行政许可信息',
    abstract:
      '市场监管部门作出的行政许可决定（“双公示”），包括许可决定书文号、许可内容、行政相对人和有效期。依据《中华人民共和国行政许可法》第四十条公开，按信用信息归集规范报送。',
    keywords: ['行政许可', '双公示', '信用信息'],
    formatType: 'database',
    formats: ['CSV', 'JSON', 'XML'],
    items: [
      c('许可决定书文号', 'xkjdswh', 64, '行政许可决定书文号', 'key'),
      c('项目名称', 'xmmc', 200, '行政许可事项名称'),
      c('许可类别', 'xklb', 10, '普通、特许、认可、核准、登记等'),
      c('许可证书名称', 'xkzsmc', 100, '颁发的证书名称'),
      c('许可编号', 'xkbh', 64, '证书编号'),
      c('行政相对人名称', 'xdrmc', 200, '被许可的单位名称', 'req'),
      creditCode(),
      m('许可内容', 'xknr', '许可的具体内容'),
      d('许可决定日期', 'jdrq', '作出决定的日期', 'req'),
      d('有效期自', 'yxqzi', '有效期起始日期'),
      validUntil(),
      c('许可机关', 'xkjg', 100, '作出许可的机关'),
    ],
    ...openData(['download', 'api'], ['api', 'database']),
    securityLevel: 'general',
    updateCycle: 'daily',
    temporalStart: '2016-01-01',
  }),
  resource('market', '104', {
    name: '行政处罚信息',
    abstract:
      '市场监管部门作出的行政处罚决定（“双公示”），包括违法事实、处罚依据、处罚类别和罚没金额。依据《中华人民共和国行政处罚法》第四十八条公开，对自然人的处罚不含身份证号码。',
    keywords: ['行政处罚', '双公示', '执法', '信用信息'],
    formatType: 'database',
    formats: ['CSV', 'JSON', 'XML'],
    items: [
      c('处罚决定书文号', 'cfjdswh', 64, '行政处罚决定书文号', 'key'),
      c('违法行为类型', 'wfxwlx', 100, '违法行为的类型'),
      m('违法事实', 'wfss', '认定的违法事实'),
      c('处罚依据', 'cfyj', 500, '适用的法律条款'),
      c('处罚类别', 'cflb', 50, '警告、罚款、没收违法所得、吊销许可证等'),
      m('处罚内容', 'cfnr', '处罚决定的内容'),
      n('罚款金额', 'fkje', 18, 6, '单位：万元'),
      n('没收违法所得金额', 'mswfsdje', 18, 6, '单位：万元'),
      c('行政相对人名称', 'xdrmc', 200, '被处罚的单位或个体工商户', 'req'),
      creditCode(),
      d('处罚决定日期', 'cfjdrq', '作出决定的日期', 'req'),
      c('处罚机关', 'cfjg', 100, '作出处罚的机关'),
    ],
    ...openData(['download', 'api'], ['api', 'database']),
    securityLevel: 'general',
    updateCycle: 'daily',
    temporalStart: '2016-01-01',
    related: ['企业信用信息'],
  }),
  resource('market', '204', {
    name: '食品经营许可证信息',
    abstract:
      '本市核发的食品经营许可证信息，包括经营者、经营场所、主体业态、经营项目和有效期。由各区县市场监管局审批产生，覆盖全市持证食品经营者。',
    keywords: ['食品经营', '许可证', '食品安全', '餐饮'],
    formatType: 'database',
    formats: ['CSV', 'XLSX', 'JSON'],
    items: [
      c('许可证编号', 'xkzbh', 16, 'JY 开头的 16 位编号', 'key'),
      c('经营者名称', 'jyzmc', 200, '持证经营者名称', 'req'),
      creditCode(),
      legalRep('法定代表人（负责人）'),
      address('经营场所', 'jycs'),
      c('主体业态', 'ztyt', 50, '食品销售经营者、餐饮服务经营者、单位食堂'),
      c('经营项目', 'jyxm', 500, '许可的经营项目'),
      issuedOn(),
      validUntil(),
      issuer(),
      c('日常监督管理机构', 'rcjdgljg', 100, '负责日常监管的市场监管所'),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'daily',
    temporalStart: '2016-01-01',
    related: ['渝中区餐饮服务食品安全量化分级信息'],
  }),
  resource('market', '204', {
    name: '食品生产许可证信息',
    abstract:
      '本市核发的食品生产许可证信息，包括生产者、生产地址、食品类别和有效期。由市市场监管局食品生产监管部门审批产生，覆盖全市食品生产企业。',
    keywords: ['食品生产', 'SC 许可', '食品安全'],
    formatType: 'database',
    formats: ['CSV', 'XLSX'],
    items: [
      c('许可证编号', 'xkzbh', 16, 'SC 开头的 16 位编号', 'key'),
      c('生产者名称', 'sczmc', 200, '持证生产企业名称', 'req'),
      creditCode(),
      legalRep(),
      address('生产地址', 'scdz'),
      c('食品类别', 'splb', 500, '许可的食品类别'),
      issuedOn(),
      validUntil(),
      issuer(),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'weekly',
    temporalStart: '2016-01-01',
  }),
  resource('market', '204', {
    name: '食品安全监督抽检信息',
    abstract:
      '市、区县市场监管部门组织的食品安全监督抽检结果，包括样品、被抽样单位、标称生产企业和检验结论。按《食品安全抽样检验管理办法》定期公布，覆盖全市抽检批次。',
    keywords: ['食品抽检', '食品安全', '不合格食品'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('抽样编号', 'cybh', 30, '抽样单编号', 'key'),
      c('样品名称', 'ypmc', 100, '抽检样品名称', 'req'),
      c('规格型号', 'ggxh', 50, '样品规格'),
      c('生产日期或批号', 'scrqph', 30, '标称生产日期或批号'),
      c('被抽样单位', 'bcydw', 200, '被抽样单位名称'),
      c('标称生产企业', 'bcscqy', 200, '标签上的生产企业'),
      c('检验结论', 'jyjl', 10, '合格、不合格'),
      c('不合格项目', 'bhgxm', 200, '不合格的检验项目及检验值'),
      d('公布日期', 'gbrq', '抽检结果公布日期'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'weekly',
    temporalStart: '2019-01-01',
  }),
  resource('market', '302', {
    name: '特种设备使用登记信息',
    abstract:
      '本市锅炉、压力容器、电梯、起重机械等特种设备的使用登记和定期检验信息。由市市场监管局特种设备安全监察部门依据《中华人民共和国特种设备安全法》第三十三条办理登记时产生。',
    keywords: ['特种设备', '电梯', '使用登记', '定期检验'],
    formatType: 'database',
    formats: ['JSON'],
    items: [
      c('设备代码', 'sbdm', 20, '特种设备代码', 'key'),
      c('设备种类', 'sbzl', 20, '锅炉、压力容器、电梯、起重机械等'),
      c('设备名称', 'sbmc', 100, '设备名称'),
      c('使用单位名称', 'sydwmc', 200, '使用单位'),
      creditCode(),
      c('使用登记证编号', 'sydjzbh', 30, '使用登记证编号'),
      address('设备所在地址', 'sbszdz'),
      d('下次检验日期', 'xcjyrq', '下次定期检验日期'),
      c('设备状态', 'sbzt', 2, '在用、停用、报废'),
    ],
    ...openOnConditions(
      '面向经实名认证的设备使用单位、物业服务企业和检验检测机构开放其相关设备的登记与检验信息，不提供批量下载。',
      both(LAW.dsl38, LAW.cqo12),
    ),
    securityLevel: 'general',
    updateCycle: 'weekly',
    temporalStart: '2014-01-01',
  }),
];

const HRSS: DemoResource[] = [
  resource('hrss', '303', {
    name: '社会保障卡信息',
    abstract:
      '本市发放的社会保障卡（含电子社保卡）信息，包括卡号、发卡银行、金融账户和卡状态。由市人力社保局在制卡发卡中产生，用于社保待遇发放、就医结算和惠民惠农补贴发放。',
    keywords: ['社会保障卡', '社保卡', '待遇发放', '一卡通'],
    formatType: 'database',
    items: [
      idNumber('key'),
      personName(),
      c('社会保障卡卡号', 'kh', 9, '9 位卡号', 'personal'),
      c('发卡银行', 'fkyh', 50, '合作银行名称'),
      c('银行账号', 'yhzh', 19, '社保卡金融账户', 'sensitive'),
      issuedOn('发卡日期'),
      validUntil(),
      c('卡状态', 'kzt', 2, '正常、挂失、注销'),
    ],
    ...conditionalNotOpen(
      '限人力社保、医保、民政、卫生健康、财政等部门在待遇发放、就医结算和补贴发放中按人核验；银行账号仅向待遇发放部门提供。',
      both(LAW.socialInsurance, LAW.pipl28),
      LAW.pipl28,
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2012-01-01',
    related: ['城镇职工基本养老保险参保信息'],
  }),
  resource('hrss', '203', {
    name: '城镇职工基本养老保险参保信息',
    abstract:
      '本市城镇职工基本养老保险的参保登记、缴费基数、累计缴费月数和个人账户信息。由市社会保险事务中心经办产生，覆盖全市参保职工和参保单位。',
    keywords: ['养老保险', '参保', '社会保险', '缴费'],
    formatType: 'database',
    items: [
      idNumber('key'),
      personName(),
      c('参保单位名称', 'cbdwmc', 200, '当前参保单位'),
      creditCode(),
      region(),
      d('参保日期', 'cbrq', '首次参保日期'),
      c('参保状态', 'cbzt', 2, '正常缴费、暂停缴费、终止'),
      n('缴费基数', 'jfjs', 12, 2, '月缴费基数，单位：元', 'sensitive'),
      i('累计缴费月数', 'ljjfys', '含视同缴费年限'),
      n('个人账户余额', 'grzhye', 14, 2, '单位：元', 'sensitive'),
    ],
    ...conditionalNotOpen(
      '限住房公积金、民政、税务等部门办理社保补贴、救助审核和个税专项附加扣除时，经本人授权按人查询。',
      both(LAW.socialInsurance, LAW.cq19),
      LAW.socialInsurance,
      ['api', 'database'],
    ),
    securityLevel: 'important',
    updateCycle: 'monthly',
    temporalStart: '2001-01-01',
    related: ['社会保障卡信息'],
  }),
  resource('hrss', '203', {
    name: '失业保险待遇领取信息',
    abstract:
      '本市失业人员领取失业保险金的核定与发放信息，包括失业日期、领取期限和月发放金额。由市、区县就业和人才服务机构经办产生。',
    keywords: ['失业保险', '失业金', '待遇发放'],
    formatType: 'database',
    items: [
      idNumber('key'),
      personName(),
      d('失业日期', 'syrq', '解除劳动关系日期'),
      c('领取起始年月', 'lqqsny', 6, '格式 YYYYMM'),
      i('核定领取月数', 'lqys', '核定的领取期限（月）'),
      n('月发放金额', 'yffje', 10, 2, '单位：元', 'sensitive'),
      c('领取状态', 'lqzt', 2, '领取中、暂停、终止'),
    ],
    ...conditionalNotOpen(
      '限民政部门审核低保和临时救助、医保部门核定失业期间医疗保险时按人核验。',
      LAW.socialInsurance,
      LAW.socialInsurance,
    ),
    securityLevel: 'important',
    updateCycle: 'monthly',
    temporalStart: '2011-07-01',
  }),
  resource('hrss', '303', {
    name: '就业登记信息',
    abstract:
      '劳动者在本市用人单位就业的登记信息，包括就业形式、用人单位和劳动合同期限。由各区县就业服务机构和用人单位网上申报产生。',
    keywords: ['就业登记', '劳动合同', '就业服务'],
    formatType: 'database',
    items: [
      idNumber('key'),
      personName(),
      c('就业形式', 'jyxs', 2, '单位就业、灵活就业、自主创业'),
      c('用人单位名称', 'yrdwmc', 200, '就业单位'),
      creditCode(),
      d('就业登记日期', 'jydjrq', '登记日期', 'req'),
      c('劳动合同期限类型', 'htqxlx', 2, '固定期限、无固定期限、以完成一定工作任务为期限'),
      c('就业状态', 'jyzt', 2, '在职、离职'),
    ],
    ...conditionalNotOpen(
      '限教育、民政、住房保障等部门办理毕业生就业统计、困难群众就业援助和保障房资格审核时按人核验。',
      both(LAW.pipl34, LAW.cq19),
      LAW.pipl34,
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2015-01-01',
  }),
  resource('hrss', '303', {
    name: '人力资源服务机构信息',
    abstract:
      '取得人力资源服务许可或备案的机构名录，包括服务范围、地址和许可有效期。由市、区县人力社保部门审批备案产生，便于求职者和用人单位识别合法机构。',
    keywords: ['人力资源服务', '职业中介', '许可'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('许可证编号', 'xkzbh', 30, '人力资源服务许可证编号', 'key'),
      c('机构名称', 'jgmc', 200, '机构全称', 'req'),
      creditCode(),
      legalRep(),
      address(),
      m('服务范围', 'fwfw', '许可或备案的服务项目'),
      phone(),
      issuedOn(),
      validUntil(),
    ],
    ...openData(['download', 'api']),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2018-01-01',
  }),
  resource('hrss', '303', {
    name: '职业技能等级证书信息',
    abstract:
      '经备案的职业技能等级认定机构颁发的职业技能等级证书信息。由市职业技能鉴定指导中心汇集，用于技能补贴申领和用人单位核验证书真伪。',
    keywords: ['职业技能', '等级证书', '证书核验'],
    formatType: 'database',
    formats: ['JSON'],
    items: [
      c('证书编号', 'zsbh', 22, '职业技能等级证书编号', 'key'),
      personName(),
      idNumber(),
      c('职业（工种）名称', 'zymc', 100, '按国家职业分类大典'),
      c('技能等级', 'jndj', 10, '五级至一级'),
      c('评价机构', 'pjjg', 200, '职业技能等级认定机构'),
      issuedOn(),
    ],
    ...openOnConditions(
      '本人及用人单位可凭证书编号和姓名进行单条核验查询，只返回证书是否真实有效及等级，不提供批量下载。',
      both(LAW.pipl34, LAW.cqo12),
    ),
    securityLevel: 'important',
    updateCycle: 'weekly',
    temporalStart: '2020-01-01',
  }),
];

const PLANNING: DemoResource[] = [
  resource('planning', '103', {
    name: '不动产登记信息',
    abstract:
      '本市不动产首次、转移、变更、抵押和查封登记信息，包括不动产单元号、权利人、坐落、用途和面积。由市、区县不动产登记机构产生，是自然资源和空间地理基础数据库的组成部分。',
    keywords: ['不动产', '产权登记', '抵押', '自然资源基础库'],
    formatType: 'database',
    items: [
      c('不动产单元号', 'bdcdyh', 28, '28 位不动产单元号', 'key'),
      c('不动产权证书号', 'bdcqzsh', 50, '如渝（2024）渝中区不动产权第000123号'),
      c('权利人名称', 'qlrmc', 200, '权利人姓名或单位名称', 'personal'),
      c('权利人证件号码', 'qlrzjhm', 30, '身份证号码或统一社会信用代码', 'personal'),
      address('坐落', 'zl'),
      c('权利类型', 'qllx', 4, '国有建设用地使用权/房屋所有权等'),
      c('权利性质', 'qlxz', 4, '市场化商品房、划拨等'),
      c('用途', 'yt', 20, '住宅、商业、工业等'),
      n('面积', 'mj', 15, 2, '单位：平方米'),
      t('登记时间', 'djsj', '登簿时间'),
      l('是否抵押', 'sfdy', '存在有效抵押登记'),
      l('是否查封', 'sfcf', '存在有效查封登记'),
    ],
    ...sharedNotOpen(LAW.realEstate, ['api']),
    securityLevel: 'important',
    updateCycle: 'realtime',
    temporalStart: '2016-01-01',
    contact: ['市不动产登记中心', '023-63651890'],
    related: ['不动产权证书电子证照', '房屋网签备案信息'],
  }),
  resource('planning', '105', {
    name: '不动产权证书电子证照',
    abstract:
      '本市核发的不动产权证书和不动产登记证明电子证照，含照面信息和版式文件。由不动产登记机构登簿时同步生成，用于二手房交易、入学和公积金贷款等事项免交纸质证书。',
    keywords: ['不动产权证书', '电子证照', '一网通办'],
    formatType: 'document',
    formats: ['PDF', 'JSON'],
    items: [
      c('证照编号', 'zzbh', 50, '电子证照库中的证照标识', 'key'),
      c('不动产权证书号', 'bdcqzsh', 50, '证书号'),
      c('不动产单元号', 'bdcdyh', 28, '28 位不动产单元号'),
      c('权利人名称', 'qlrmc', 200, '权利人姓名或单位名称', 'personal'),
      address('坐落', 'zl'),
      issuer('登记机构'),
      issuedOn('登簿日期'),
      licenceFile(),
    ],
    ...sharedNotOpen(both(LAW.realEstate, LAW.licence), ['api']),
    securityLevel: 'important',
    updateCycle: 'realtime',
    temporalStart: '2019-06-01',
    contact: ['市不动产登记中心', '023-63651890'],
    related: ['不动产登记信息'],
  }),
  resource('planning', '103', {
    name: '国土空间规划信息',
    abstract:
      '经批准的市、区县国土空间总体规划、详细规划和专项规划的批复信息与规划范围。由市规划自然资源局依据“一张图”实施监督信息系统发布，供社会公众查阅。',
    keywords: ['国土空间规划', '总体规划', '详细规划', '一张图'],
    formatType: 'image',
    formats: ['SHP', 'GEOJSON', 'PDF'],
    items: [
      c('规划编号', 'ghbh', 30, '规划成果编号', 'key'),
      c('规划名称', 'ghmc', 200, '规划全称', 'req'),
      c('规划类型', 'ghlx', 10, '总体规划、详细规划、专项规划'),
      c('规划层级', 'ghcj', 10, '市级、区县级、乡镇级'),
      region(),
      c('批准机关', 'pzjg', 100, '批准规划的机关'),
      c('批准文号', 'pzwh', 64, '批复文号'),
      d('批准日期', 'pzrq', '批复日期'),
      c('规划期限', 'ghqx', 20, '如 2021—2035 年'),
      m('规划范围', 'ghfw', '规划范围边界（WKT）'),
    ],
    ...openData(['download', 'api'], ['file', 'api']),
    securityLevel: 'general',
    updateCycle: 'other',
    updateCycleNote: '随规划批准或修改即时更新',
    temporalStart: '2021-01-01',
  }),
  resource('planning', '212', {
    name: '地质灾害隐患点信息',
    abstract:
      '全市在册滑坡、崩塌、泥石流等地质灾害隐患点的位置、威胁对象和险情等级。由市规划自然资源局会同区县开展排查核查形成，供应急管理、交通等部门防灾避险使用。',
    keywords: ['地质灾害', '隐患点', '滑坡', '防灾减灾'],
    formatType: 'database',
    formats: ['GEOJSON', 'XLSX'],
    items: [
      c('隐患点编号', 'yhdbh', 20, '统一编号', 'key'),
      c('隐患点名称', 'yhdmc', 100, '隐患点名称', 'req'),
      c('灾害类型', 'zhlx', 10, '滑坡、崩塌、泥石流、地面塌陷'),
      region(),
      c('位置', 'wz', 200, '乡镇（街道）、村（社区）和组'),
      lng(),
      lat(),
      i('威胁户数', 'wxhs', '受威胁户数'),
      i('威胁人数', 'wxrs', '受威胁人数'),
      n('威胁财产', 'wxcc', 12, 2, '单位：万元'),
      c('险情等级', 'xqdj', 4, '特大型、大型、中型、小型'),
      personName('监测责任人', 'jczrr'),
    ],
    ...openOnConditions(
      '隐患点位置、类型和防范措施向受威胁区域群众和基层组织公开；完整监测数据和责任人信息经审核后向科研机构、保险机构通过接口提供。',
      both(LAW.cqo12, '《地质灾害防治条例》（国务院令第394号）'),
      ['api', 'download'],
      ['api', 'file'],
    ),
    securityLevel: 'important',
    updateCycle: 'monthly',
    temporalStart: '2019-01-01',
    contact: ['市规划自然资源局地质勘查处', '023-63651826'],
  }),
  resource('planning', '304', {
    name: '建设用地供应信息',
    abstract:
      '全市国有建设用地划拨、出让和租赁的供应结果，包括地块位置、面积、用途、供应方式和成交价格。由市、区县规划自然资源部门在土地市场动态监测与监管系统中填报产生。',
    keywords: ['土地供应', '土地出让', '建设用地'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('电子监管号', 'dzjgh', 16, '土地市场动态监测与监管系统编号', 'key'),
      c('项目名称', 'xmmc', 200, '供地项目名称', 'req'),
      c('受让单位', 'srdw', 200, '土地使用权人名称'),
      address('宗地坐落', 'zdzl'),
      n('供地面积', 'gdmj', 14, 4, '单位：公顷'),
      c('土地用途', 'tdyt', 20, '按土地利用现状分类'),
      c('供应方式', 'gyfs', 10, '划拨、协议出让、招拍挂出让、租赁'),
      n('成交价格', 'cjjg', 16, 4, '单位：万元'),
      n('容积率上限', 'rjl', 6, 2, '规划容积率上限'),
      d('合同签订日期', 'qdrq', '出让合同或划拨决定书日期'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2015-01-01',
  }),
  resource('planning', '209', {
    name: '建设工程规划许可信息',
    abstract:
      '本市核发的建设工程规划许可证批后公布信息，包括建设单位、建设位置、建设规模和用途。由市、区县规划自然资源部门审批产生，依法向社会公布。',
    keywords: ['规划许可', '建设工程', '批后公布'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('许可证号', 'xkzh', 30, '建字第……号', 'key'),
      c('项目名称', 'xmmc', 200, '建设项目名称', 'req'),
      c('建设单位', 'jsdw', 200, '建设单位名称'),
      address('建设位置', 'jswz'),
      n('总建筑面积', 'zjzmj', 14, 2, '单位：平方米'),
      c('规划用途', 'ghyt', 50, '住宅、商业、办公等'),
      issuedOn(),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'weekly',
    temporalStart: '2018-01-01',
  }),
  resource('planning', '304', {
    name: '涉密基础测绘成果目录',
    abstract:
      '属于国家秘密的大比例尺地形图、高精度数字高程模型和控制点成果的目录信息。由市规划自然资源局测绘成果管理机构保管，依法审批后按保密规定提供。',
    keywords: ['基础测绘', '涉密成果', '测绘地理信息'],
    formatType: 'database',
    items: [
      c('成果编号', 'cgbh', 30, '成果档案编号', 'key'),
      c('成果名称', 'cgmc', 200, '成果名称', 'req'),
      c('成果类型', 'cglx', 20, '地形图、DEM、控制点等'),
      c('比例尺或精度', 'blc', 20, '如 1:2000'),
      c('覆盖范围', 'fgfw', 200, '覆盖的区域', 'sensitive'),
      c('密级', 'mj', 4, '秘密、机密'),
      d('生产日期', 'scrq', '成果生产日期'),
      c('保管单位', 'bgdw', 100, '成果保管单位'),
    ],
    ...closed(
      '《测绘成果管理条例》第十七条；《测绘地理信息管理工作国家秘密范围的规定》：属于国家秘密的基础测绘成果须经测绘地理信息主管部门审批后按保密规定提供，不纳入共享平台',
      both('《中华人民共和国保守国家秘密法》', LAW.dsl21),
    ),
    securityLevel: 'core',
    updateCycle: 'yearly',
    temporalStart: '2010-01-01',
    contact: ['市规划自然资源局测绘管理处', '023-63651863'],
  }),
];

const HEALTH: DemoResource[] = [
  resource('health', '101', {
    name: '出生医学证明信息',
    abstract:
      '本市助产机构签发的出生医学证明信息，包括新生儿、父母身份和接生机构。由市卫生健康委妇幼健康信息系统产生，用于出生登记（落户）、社会保障卡申领和预防接种建档。',
    keywords: ['出生医学证明', '新生儿', '出生登记', '人口基础库'],
    formatType: 'database',
    items: [
      c('出生医学证明编号', 'csyxzmbh', 10, '字母加 9 位数字', 'key'),
      personName('新生儿姓名', 'xsexm'),
      sex(),
      t('出生时间', 'cssj', '出生时间', 'personal'),
      address('出生地点', 'csdd'),
      personName('母亲姓名', 'mqxm'),
      c('母亲身份证件号码', 'mqzjhm', 30, '母亲有效身份证件号码', 'personal'),
      c('父亲姓名', 'fqxm', 50, '父亲姓名', 'personal'),
      c('父亲身份证件号码', 'fqzjhm', 30, '父亲有效身份证件号码', 'personal'),
      c('接生机构名称', 'jsjgmc', 200, '助产机构'),
      issuedOn('签发日期'),
    ],
    ...sharedNotOpen(both(LAW.pipl28, LAW.minors), ['api']),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2014-01-01',
    contact: ['市卫生健康委妇幼健康处', '023-67706151'],
    related: ['人口基本信息', '预防接种信息'],
  }),
  resource('health', '101', {
    name: '居民死亡医学证明信息',
    abstract:
      '本市医疗卫生机构签发的居民死亡医学证明（推断）书的登记信息，包括死亡日期和死亡地点类别，不含死因诊断。用于户籍注销、停发社会保险待遇和殡葬管理。',
    keywords: ['死亡医学证明', '户籍注销', '待遇停发'],
    formatType: 'database',
    items: [
      c('证明书编号', 'zmsbh', 20, '死亡医学证明（推断）书编号', 'key'),
      idNumber('req'),
      personName(),
      sex(),
      d('死亡日期', 'swrq', '死亡日期', 'personal'),
      c('死亡地点类别', 'swddlb', 2, '医院、家中、途中等'),
      c('填报单位', 'tbdw', 200, '签发证明的医疗卫生机构'),
    ],
    ...sharedNotOpen(LAW.pipl34, ['api']),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2014-01-01',
  }),
  resource('health', '202', {
    name: '医疗机构执业许可信息',
    abstract:
      '本市取得执业许可或备案的医疗机构名录，包括机构类别、地址、诊疗科目、床位数和有效期。由市、区县卫生健康行政部门审批产生，便于群众就医查询。',
    keywords: ['医疗机构', '医院', '诊所', '执业许可'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'JSON', 'GEOJSON'],
    items: [
      c('登记号', 'djh', 30, '医疗机构执业许可证登记号', 'key'),
      c('机构名称', 'jgmc', 200, '医疗机构名称', 'req'),
      creditCode(),
      c('机构类别', 'jglb', 50, '综合医院、专科医院、社区卫生服务中心等'),
      c('经营性质', 'jyxz', 10, '非营利性、营利性'),
      address(),
      m('诊疗科目', 'zlkm', '核准的诊疗科目'),
      i('核定床位数', 'hdcws', '核定床位数'),
      validUntil(),
      issuer('登记机关'),
      lng(),
      lat(),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'weekly',
    temporalStart: '2015-01-01',
    contact: ['市卫生健康委医政医管处', '023-67706137'],
    related: ['执业医师注册信息'],
  }),
  resource('health', '202', {
    name: '执业医师注册信息',
    abstract:
      '在本市注册的执业医师和执业助理医师信息，包括执业类别、执业范围和主要执业机构。由市卫生健康委电子化注册系统产生，支持公众核实医师执业资格。',
    keywords: ['执业医师', '医师注册', '执业资格'],
    formatType: 'database',
    formats: ['JSON'],
    items: [
      c('医师执业证书编码', 'zszbm', 15, '15 位证书编码', 'key'),
      personName(),
      sex(),
      idNumber(),
      c('执业级别', 'zyjb', 10, '执业医师、执业助理医师'),
      c('执业类别', 'zylb', 10, '临床、中医、口腔、公共卫生'),
      c('执业范围', 'zyfw', 200, '注册的执业范围'),
      c('主要执业机构', 'zyjg', 200, '主要执业机构名称'),
      d('注册日期', 'zcrq', '首次注册日期'),
    ],
    ...openOnConditions(
      '公众可按姓名和执业证书编码单条查询医师执业资格，只返回执业类别、范围和机构；身份证号不开放，不提供批量下载。',
      both(LAW.pipl34, LAW.cqo12),
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2015-01-01',
    contact: ['市卫生健康委医政医管处', '023-67706137'],
    related: ['医疗机构执业许可信息'],
  }),
  resource('health', '202', {
    name: '预防接种信息',
    abstract:
      '本市儿童和成人的疫苗接种记录，包括疫苗名称、批号、剂次、接种日期和接种单位。由全市预防接种单位在免疫规划信息系统中登记产生。',
    keywords: ['预防接种', '疫苗', '免疫规划', '入学查验'],
    formatType: 'database',
    items: [
      c('接种记录编号', 'jzjlbh', 32, '免疫规划信息系统记录号', 'key'),
      personName('受种者姓名', 'szzxm'),
      idNumber(),
      birthDate(),
      c('疫苗名称', 'ymmc', 100, '疫苗通用名称', 'sensitive'),
      c('疫苗批号', 'ymph', 30, '疫苗批号'),
      i('接种剂次', 'jzjc', '第几剂'),
      d('接种日期', 'jzrq', '接种日期', 'sensitive'),
      c('接种单位', 'jzdw', 200, '接种单位名称'),
      c('生产企业', 'scqy', 200, '疫苗上市许可持有人'),
    ],
    ...conditionalNotOpen(
      '限教育部门和托幼机构在入托入学查验预防接种证时按人查询接种完成情况，不返回疫苗明细。',
      both('《中华人民共和国疫苗管理法》（入托、入学查验预防接种证）', LAW.health),
      both(LAW.health, LAW.pipl28),
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2016-01-01',
    contact: ['市疾病预防控制中心', '023-68809120'],
  }),
  resource('health', '305', {
    name: '居民电子健康档案信息',
    abstract:
      '本市常住居民电子健康档案的基本信息和健康摘要，包括血型、过敏史、家族史和慢性病管理情况。由基层医疗卫生机构建档和随访产生，覆盖全市已建档居民。',
    keywords: ['健康档案', '基本公共卫生', '慢病管理'],
    formatType: 'database',
    items: [
      c('健康档案编号', 'jkdabh', 17, '17 位健康档案编号', 'key'),
      personName(),
      idNumber(),
      sex(),
      birthDate(),
      c('血型', 'xx', 2, 'ABO 血型代码', 'sensitive'),
      m('过敏史', 'gms', '药物及其他过敏史', 'sensitive'),
      m('家族史', 'jzs', '家族疾病史', 'sensitive'),
      c('慢病管理类别', 'mbgllb', 50, '高血压、糖尿病、严重精神障碍等', 'sensitive'),
      c('建档机构', 'jdjg', 200, '建档的基层医疗卫生机构'),
      d('建档日期', 'jdrq', '建档日期'),
    ],
    ...conditionalNotOpen(
      '限医疗卫生机构在本人就诊时经授权调阅；卫生健康部门开展基本公共卫生服务考核时使用去标识化数据。',
      both(LAW.health, LAW.pipl28),
      both(LAW.health, LAW.pipl28),
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2012-01-01',
  }),
  resource('health', '202', {
    name: '门诊和住院诊疗信息',
    abstract:
      '全市二级以上医疗机构的门诊和住院就诊记录摘要，包括就诊科室、主要诊断和医疗费用。由全民健康信息平台汇集，用于医疗质量监管、医保审核和经伦理审查的医学研究。',
    keywords: ['诊疗', '门诊', '住院', '全民健康信息平台'],
    formatType: 'database',
    items: [
      c('就诊流水号', 'jzlsh', 40, '医疗机构就诊流水号', 'key'),
      c('就诊类型', 'jzlx', 2, '门诊、急诊、住院'),
      c('医疗机构代码', 'yljgdm', 22, '医疗机构登记号'),
      idNumber(),
      sex(),
      i('年龄', 'nl', '就诊时年龄（岁）', 'personal'),
      c('就诊科室', 'jzks', 50, '科室名称'),
      c('主要诊断编码', 'zdbm', 20, 'ICD-10 编码', 'sensitive'),
      c('主要诊断名称', 'zdmc', 200, '主要诊断', 'sensitive'),
      t('就诊时间', 'jzsj', '挂号或入院时间'),
      n('总费用', 'zfy', 12, 2, '单位：元', 'sensitive'),
      n('医保统筹支付', 'ybtczf', 12, 2, '单位：元', 'sensitive'),
    ],
    shareType: 'conditional',
    shareCondition: '限医保部门审核医疗费用、卫生健康部门开展医疗质量监管时在职责范围内调用。',
    shareMethods: ['api', 'model'],
    shareBasis: both(LAW.health, LAW.pipl28),
    openType: 'conditional',
    openCondition:
      '仅以算法模型方式向经伦理审查的科研机构开放：数据不出平台，只返回统计或模型结果，不返回个人记录。',
    openMethods: ['model'],
    openBasis: both(LAW.health, LAW.cqo12),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2018-01-01',
  }),
  resource('health', '202', {
    name: '法定传染病疫情统计信息',
    abstract:
      '按月、按区县汇总的法定传染病发病数、死亡数和发病率。由市疾病预防控制中心根据传染病网络直报数据统计，不含病例个人信息。',
    keywords: ['传染病', '疫情', '公共卫生', '统计'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('统计年月', 'tjny', 6, '格式 YYYYMM', 'req'),
      region(),
      c('病种名称', 'bzmc', 50, '法定传染病病种'),
      c('病种类别', 'bzlb', 2, '甲类、乙类、丙类'),
      i('发病数', 'fbs', '当月报告发病数'),
      i('死亡数', 'sws', '当月报告死亡数'),
      n('发病率', 'fbl', 10, 4, '单位：1/10 万'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2015-01-01',
    contact: ['市疾病预防控制中心', '023-68809120'],
  }),
];

const ECOLOGY: DemoResource[] = [
  resource('ecology', '211', {
    name: '空气质量监测数据',
    abstract:
      '全市国控和市控环境空气质量自动监测站的逐小时监测数据，包括 AQI 和六项污染物浓度。由市生态环境监测中心发布，覆盖主城都市区和各区县城区。',
    keywords: ['空气质量', 'AQI', 'PM2.5', '环境监测'],
    formatType: 'database',
    formats: ['CSV', 'JSON'],
    items: [
      c('站点编码', 'zdbm', 10, '监测站点编码', 'req'),
      c('站点名称', 'zdmc', 100, '监测站点名称'),
      t('监测时间', 'jcsj', '小时值的整点时间', 'req'),
      i('空气质量指数', 'aqi', 'AQI'),
      i('PM2.5 浓度', 'pm25', '单位：μg/m³'),
      i('PM10 浓度', 'pm10', '单位：μg/m³'),
      i('二氧化硫浓度', 'so2', '单位：μg/m³'),
      i('二氧化氮浓度', 'no2', '单位：μg/m³'),
      n('一氧化碳浓度', 'co', 6, 2, '单位：mg/m³'),
      i('臭氧 1 小时浓度', 'o3', '单位：μg/m³'),
      c('首要污染物', 'sywrw', 20, 'AQI 大于 50 时的首要污染物'),
      c('空气质量级别', 'kqzljb', 4, '一级至六级'),
    ],
    ...openData(['download', 'api'], ['api', 'database']),
    securityLevel: 'general',
    updateCycle: 'realtime',
    temporalStart: '2013-01-01',
    contact: ['市生态环境监测中心', '023-88521388'],
  }),
  resource('ecology', '211', {
    name: '地表水水质监测数据',
    abstract:
      '长江、嘉陵江、乌江及其支流国控、市控断面的月度水质监测结果和水质类别。由市生态环境监测中心按《地表水环境质量标准》（GB 3838）评价发布。',
    keywords: ['地表水', '水质', '断面', '长江'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX', 'JSON'],
    items: [
      c('断面编码', 'dmbm', 12, '监测断面编码', 'req'),
      c('断面名称', 'dmmc', 100, '监测断面名称'),
      c('河流名称', 'hlmc', 50, '所在河流'),
      d('监测日期', 'jcrq', '采样日期', 'req'),
      n('pH 值', 'ph', 4, 2, '无量纲'),
      n('溶解氧', 'rjy', 6, 2, '单位：mg/L'),
      n('高锰酸盐指数', 'gmsyzs', 6, 2, '单位：mg/L'),
      n('氨氮', 'ad', 7, 3, '单位：mg/L'),
      n('总磷', 'zl', 7, 3, '单位：mg/L'),
      c('水质类别', 'szlb', 4, 'Ⅰ—Ⅴ类、劣Ⅴ类'),
      c('目标水质', 'mbsz', 4, '考核目标水质类别'),
      l('是否达标', 'sfdb', '是否达到目标水质'),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2016-01-01',
    contact: ['市生态环境监测中心', '023-88521388'],
    related: ['供水水质公告'],
  }),
  resource('ecology', '211', {
    name: '排污许可证信息',
    abstract:
      '本市排污单位的排污许可证核发信息，包括行业类别、主要污染物类别、排放口数量和有效期。由市、区县生态环境部门在全国排污许可证管理信息平台核发产生。',
    keywords: ['排污许可', '污染源', '环境管理'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('许可证编号', 'xkzbh', 30, '排污许可证编号', 'key'),
      c('单位名称', 'dwmc', 200, '排污单位名称', 'req'),
      creditCode(),
      c('行业类别', 'hylb', 100, '国民经济行业分类'),
      address('生产经营场所地址', 'scjycsdz'),
      c('主要污染物类别', 'zywrwlb', 100, '废气、废水及主要污染物'),
      i('排放口数量', 'pfksl', '许可的排放口数量'),
      issuedOn(),
      validUntil(),
      issuer(),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'weekly',
    temporalStart: '2017-07-01',
  }),
  resource('ecology', '306', {
    name: '重点排污单位自动监测数据',
    abstract:
      '重点排污单位废水、废气排放口在线监测设备的小时均值和超标情况。由市生态环境局污染源自动监控平台采集，覆盖全市重点排污单位。',
    keywords: ['在线监测', '重点排污单位', '污染源', '超标'],
    formatType: 'database',
    formats: ['CSV', 'JSON'],
    items: [
      c('单位名称', 'dwmc', 200, '排污单位名称', 'req'),
      creditCode('req'),
      c('排放口编号', 'pfkbh', 20, '排污许可证载明的排放口编号'),
      t('监测时间', 'jcsj', '小时均值的整点时间', 'req'),
      c('污染物名称', 'wrwmc', 50, '化学需氧量、氨氮、二氧化硫等'),
      n('排放浓度', 'pfnd', 12, 4, '小时均值，单位：mg/L 或 mg/m³'),
      n('标准限值', 'bzxz', 12, 4, '排放标准限值'),
      l('是否超标', 'sfcb', '小时均值是否超过限值'),
    ],
    ...openOnConditions(
      '日均值和超标情况向社会公开；小时级原始监测数据须经申请审核，通过接口向科研机构和公益组织提供。',
      both('《企业环境信息依法披露管理办法》', LAW.cqo12),
      ['api'],
      ['api', 'database'],
    ),
    securityLevel: 'general',
    updateCycle: 'realtime',
    temporalStart: '2018-01-01',
  }),
  resource('ecology', '211', {
    name: '建设项目环境影响评价审批信息',
    abstract:
      '市、区县生态环境部门作出的建设项目环境影响报告书（表）审批决定，包括建设地点、总投资和环保投资。依法向社会公开，覆盖全市审批项目。',
    keywords: ['环境影响评价', '环评审批', '建设项目'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('审批文号', 'spwh', 64, '批复文号', 'key'),
      c('项目名称', 'xmmc', 200, '建设项目名称', 'req'),
      c('建设单位', 'jsdw', 200, '建设单位名称'),
      address('建设地点', 'jsdd'),
      c('环评文件类型', 'hpwjlx', 10, '报告书、报告表'),
      n('总投资', 'ztz', 16, 4, '单位：万元'),
      n('环保投资', 'hbtz', 16, 4, '单位：万元'),
      d('审批日期', 'sprq', '批复日期'),
      c('审批部门', 'spbm', 100, '作出批复的生态环境部门'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'weekly',
    temporalStart: '2016-01-01',
  }),
];

const TRANSPORT: DemoResource[] = [
  resource('transport', '201', {
    name: '公交线路信息',
    abstract:
      '全市城市公共汽电车线路的起讫站、首末班时间、票价、线路长度和运营企业。由市交通运输委汇集各公交运营企业数据，覆盖中心城区和各区县城区线路。',
    keywords: ['公交', '线路', '出行', '公共交通'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'JSON', 'GEOJSON'],
    items: [
      c('线路编码', 'xlbm', 20, '线路唯一编码', 'key'),
      c('线路名称', 'xlmc', 50, '如 181 路', 'req'),
      c('起点站', 'qdz', 100, '起点站名称'),
      c('终点站', 'zdz', 100, '终点站名称'),
      c('首班时间', 'sbsj', 5, '格式 HH:MM'),
      c('末班时间', 'mbsj', 5, '格式 HH:MM'),
      n('票价', 'pj', 5, 2, '单一票制票价，单位：元'),
      n('线路长度', 'xlcd', 8, 2, '单位：千米'),
      i('站点数', 'zds', '上行站点数'),
      c('运营企业', 'yyqy', 200, '运营企业名称'),
      m('线路走向', 'xlzx', '线路几何（WKT）'),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2020-01-01',
    related: ['公交站点信息'],
  }),
  resource('transport', '201', {
    name: '公交站点信息',
    abstract:
      '全市城市公交站点的名称、位置坐标、所属区县和经停线路。由市交通运输委汇集公交运营企业数据，供出行服务和地图应用使用。',
    keywords: ['公交', '站点', '出行', '地图'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'JSON', 'GEOJSON'],
    items: [
      c('站点编码', 'zdbm', 20, '站点唯一编码', 'key'),
      c('站点名称', 'zdmc', 100, '站点名称', 'req'),
      region(),
      lng(),
      lat(),
      c('经停线路', 'jtxl', 500, '经停线路名称，以分号分隔'),
      c('站点类型', 'zdlx', 10, '首末站、中途站、枢纽站'),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2020-01-01',
    related: ['公交线路信息', '城市轨道交通站点信息'],
  }),
  resource('transport', '307', {
    name: '巡游出租汽车经营许可信息',
    abstract:
      '本市巡游出租汽车经营者的经营许可信息，包括经营区域、车辆数和许可有效期。由市、区县交通运输主管部门审批产生。',
    keywords: ['出租车', '经营许可', '巡游出租汽车'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('许可证号', 'xkzh', 30, '道路运输经营许可证号', 'key'),
      c('企业名称', 'qymc', 200, '经营者名称', 'req'),
      creditCode(),
      c('经营区域', 'jyqy', 200, '许可的经营区域'),
      i('车辆数', 'cls', '许可的车辆数'),
      issuedOn(),
      validUntil(),
      issuer('许可机关'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2016-01-01',
  }),
  resource('transport', '307', {
    name: '巡游出租汽车驾驶员从业资格信息',
    abstract:
      '本市巡游出租汽车驾驶员的从业资格证、所属企业和服务质量信誉考核等级。由市交通运输委从业资格管理系统产生，供乘客核实驾驶员身份。',
    keywords: ['出租车驾驶员', '从业资格', '服务质量'],
    formatType: 'database',
    formats: ['JSON'],
    items: [
      c('从业资格证号', 'cyzgzh', 19, '从业资格证号', 'key'),
      personName(),
      idNumber(),
      c('所属企业', 'ssqy', 200, '聘用企业名称'),
      c('资格状态', 'zgzt', 2, '有效、注销、撤销'),
      issuedOn(),
      validUntil(),
      c('服务质量信誉考核等级', 'khdj', 10, 'AAA、AA、A、B'),
    ],
    ...openOnConditions(
      '乘客可按从业资格证号或车牌号单条查询驾驶员姓名、资格状态和考核等级；身份证号不开放，不提供批量下载。',
      both(LAW.pipl34, LAW.cqo12),
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2016-01-01',
  }),
  resource('transport', '105', {
    name: '道路运输经营许可证电子证照',
    abstract:
      '本市核发的道路旅客运输、货物运输经营许可证电子证照，含照面信息和版式文件。由市、区县交通运输主管部门审批时同步生成，用于网上办理营运车辆业务。',
    keywords: ['道路运输', '经营许可证', '电子证照'],
    formatType: 'document',
    formats: ['PDF', 'JSON'],
    items: [
      c('证照编号', 'zzbh', 50, '电子证照库中的证照标识', 'key'),
      c('业户名称', 'yhmc', 200, '经营业户名称', 'req'),
      creditCode(),
      c('许可证号', 'xkzh', 30, '道路运输经营许可证号'),
      c('经营范围', 'jyfw', 500, '许可的经营范围'),
      issuedOn(),
      validUntil(),
      issuer(),
      licenceFile(),
    ],
    ...sharedNotOpen(LAW.licence, ['api']),
    securityLevel: 'general',
    updateCycle: 'realtime',
    temporalStart: '2020-01-01',
  }),
  resource('transport', '201', {
    name: '城市轨道交通站点信息',
    abstract:
      '重庆城市轨道交通已开通线路的车站名称、所属线路、位置、出入口数量和换乘情况。由市交通运输委会同重庆市轨道交通（集团）有限公司维护。',
    keywords: ['轨道交通', '地铁', '车站', '换乘'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'GEOJSON'],
    items: [
      c('车站编码', 'czbm', 10, '车站编码', 'key'),
      c('车站名称', 'czmc', 50, '车站名称', 'req'),
      c('所属线路', 'ssxl', 50, '如 2 号线'),
      lng(),
      lat(),
      i('出入口数量', 'crksl', '已开通出入口数量'),
      l('是否换乘站', 'sfhcz', '是否可换乘其他线路'),
      d('开通日期', 'ktrq', '车站开通运营日期'),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'quarterly',
    temporalStart: '2005-06-18',
    related: ['公交站点信息'],
  }),
  resource('transport', '208', {
    name: '道路运输企业质量信誉考核信息',
    abstract:
      '本市道路旅客运输、危险货物运输和出租汽车企业年度质量信誉考核结果。由市、区县交通运输主管部门考核后公布，用于信用分级分类监管。',
    keywords: ['质量信誉考核', '道路运输', '信用评价'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      creditCode('key'),
      c('企业名称', 'qymc', 200, '企业名称', 'req'),
      c('经营类别', 'jylb', 50, '旅客运输、危险货物运输、出租汽车'),
      c('考核年度', 'khnd', 4, '格式 YYYY'),
      c('考核等级', 'khdj', 4, 'AAA、AA、A、B'),
      c('考核机关', 'khjg', 100, '考核的交通运输主管部门'),
      d('公布日期', 'gbrq', '结果公布日期'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'yearly',
    temporalStart: '2018-01-01',
  }),
  resource('transport', '205', {
    name: '危险货物道路运输企业信息',
    abstract:
      '本市取得危险货物道路运输许可的企业名录，包括许可证号、经营范围、专用车辆和从业人员数量。由市交通运输委道路运输管理部门审批产生。',
    keywords: ['危险货物', '道路运输', '安全生产'],
    formatType: 'database',
    formats: ['CSV', 'JSON'],
    items: [
      creditCode('key'),
      c('企业名称', 'qymc', 200, '企业名称', 'req'),
      c('许可证号', 'xkzh', 30, '道路运输经营许可证号'),
      c('经营范围', 'jyfw', 500, '许可的危险货物类别'),
      i('专用车辆数', 'zycls', '危险货物运输专用车辆数'),
      i('驾驶员人数', 'jsyrs', '持证驾驶员人数'),
      i('押运员人数', 'yyyrs', '持证押运员人数'),
      personName('安全管理负责人', 'aqfzr'),
    ],
    ...openOnConditions(
      '企业名称、许可证号和经营范围向社会开放；车辆、驾驶员和安全负责人明细仅向经审核的托运单位通过接口核验。',
      both('《危险货物道路运输安全管理办法》', LAW.dsl21, LAW.cqo12),
    ),
    securityLevel: 'important',
    updateCycle: 'weekly',
    temporalStart: '2019-01-01',
  }),
];

const CIVIL: DemoResource[] = [
  resource('civil', '101', {
    name: '婚姻登记信息',
    abstract:
      '本市婚姻登记机关办理的结婚、离婚和补领婚姻登记证记录。由市民政局婚姻登记信息系统产生，用于户籍、住房、公积金等事项核验婚姻状况。',
    keywords: ['婚姻登记', '结婚', '离婚', '婚姻状况'],
    formatType: 'database',
    items: [
      c('婚姻登记证字号', 'djzh', 30, '结婚证、离婚证字号', 'key'),
      c('登记类型', 'djlx', 2, '结婚、离婚、补领'),
      d('登记日期', 'djrq', '登记日期', 'req'),
      personName('男方姓名', 'nfxm'),
      c('男方身份证件号码', 'nfzjhm', 30, '男方证件号码', 'personal'),
      personName('女方姓名', 'nvfxm'),
      c('女方身份证件号码', 'nvfzjhm', 30, '女方证件号码', 'personal'),
      c('登记机关', 'djjg', 100, '婚姻登记机关'),
    ],
    ...sharedNotOpen(both(LAW.pipl34, '《婚姻登记档案管理办法》'), ['api']),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2006-01-01',
  }),
  resource('civil', '102', {
    name: '社会组织登记信息',
    abstract:
      '在本市民政部门登记的社会团体、民办非企业单位（社会服务机构）和基金会的登记事项。由市、区县民政局登记管理机关产生，依法向社会公示。',
    keywords: ['社会组织', '社会团体', '基金会', '登记'],
    formatType: 'database',
    formats: ['CSV', 'JSON'],
    items: [
      creditCode('key'),
      c('组织名称', 'zzmc', 200, '社会组织名称', 'req'),
      c('组织类型', 'zzlx', 10, '社会团体、社会服务机构、基金会'),
      legalRep(),
      address('住所', 'zs'),
      c('业务主管单位', 'ywzgdw', 100, '业务主管单位名称'),
      m('业务范围', 'ywfw', '登记的业务范围'),
      d('成立登记日期', 'cldjrq', '登记日期'),
      c('登记管理机关', 'djgljg', 100, '登记的民政部门'),
      c('登记状态', 'djzt', 2, '正常、撤销、注销'),
    ],
    ...openData(['download', 'api'], ['api', 'database']),
    securityLevel: 'general',
    updateCycle: 'weekly',
    temporalStart: '2008-01-01',
  }),
  resource('civil', '103', {
    name: '地名地址信息',
    abstract:
      '全市标准地名（行政区域、街巷、自然村、建筑物等）的名称、类别、罗马字母拼写、位置和含义。由市民政局地名信息库维护，是自然资源和空间地理基础数据库的组成部分。',
    keywords: ['地名', '地址', '门牌', '自然资源基础库'],
    formatType: 'database',
    formats: ['CSV', 'GEOJSON', 'SHP'],
    items: [
      c('地名代码', 'dmdm', 20, '地名信息库编码', 'key'),
      c('标准名称', 'bzmc', 100, '标准地名', 'req'),
      c('地名类别', 'dmlb', 10, '地名分类代码（GB/T 18521）'),
      c('罗马字母拼写', 'lmzmpx', 200, '汉语拼音拼写'),
      region(),
      lng(),
      lat(),
      m('地名含义', 'dmhy', '命名由来和含义'),
      d('命名日期', 'mmrq', '批准命名或更名日期'),
      c('批准机关', 'pzjg', 100, '批准命名的机关'),
    ],
    ...openData(['download', 'api'], ['api', 'database', 'file']),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2018-01-01',
    contact: ['市民政局区划地名处', '023-63896142'],
  }),
  resource('civil', '203', {
    name: '养老机构信息',
    abstract:
      '本市已备案养老机构的名称、性质、地址、床位数、入住人数和医养结合情况。由市、区县民政局养老服务管理部门维护，便于老年人和家属选择养老机构。',
    keywords: ['养老机构', '养老服务', '床位', '医养结合'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX', 'GEOJSON'],
    items: [
      creditCode('key'),
      c('机构名称', 'jgmc', 200, '养老机构名称', 'req'),
      c('机构性质', 'jgxz', 10, '公办、公建民营、民办'),
      region(),
      address(),
      i('床位数', 'cws', '核定床位数'),
      i('入住人数', 'rzrs', '当前入住老年人数'),
      l('是否医养结合', 'sfyyjh', '是否内设医疗机构或签约医疗服务'),
      phone(),
      lng(),
      lat(),
      d('备案日期', 'barq', '在民政部门备案的日期'),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'quarterly',
    temporalStart: '2019-01-01',
  }),
  resource('civil', '203', {
    name: '最低生活保障对象信息',
    abstract:
      '本市城乡最低生活保障家庭和保障对象信息，包括保障人数、月保障金额和纳入日期。由区县民政部门审批、乡镇（街道）经办产生。',
    keywords: ['低保', '社会救助', '保障对象'],
    formatType: 'database',
    items: [
      idNumber('key'),
      personName('户主姓名', 'hzxm'),
      region(),
      c('保障类别', 'bzlb', 2, '城市低保、农村低保'),
      i('家庭人口数', 'jtrks', '共同生活的家庭成员人数'),
      i('保障人数', 'bzrs', '纳入保障的人数'),
      n('月保障金额', 'ybzje', 10, 2, '单位：元', 'sensitive'),
      d('纳入日期', 'nrrq', '批准纳入低保日期'),
      c('保障状态', 'bzzt', 2, '在保、停保'),
    ],
    ...conditionalNotOpen(
      '限人力社保、医保、教育、住房保障等部门在认定救助资格和减免费用时按人核验，只返回是否在保。',
      both('《社会救助暂行办法》', LAW.pipl34),
      LAW.pipl34,
    ),
    securityLevel: 'important',
    updateCycle: 'monthly',
    temporalStart: '2014-05-01',
    contact: ['市民政局社会救助处', '023-63896153'],
  }),
  resource('civil', '210', {
    name: '城乡社区基本信息',
    abstract:
      '全市城市社区和村的名称、所属街道（乡镇）、户数、人口、面积和社区服务中心地址。由市民政局基层政权建设部门汇集，用于社区治理和公共服务设施布局。',
    keywords: ['社区', '村', '基层治理', '社区服务'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('社区代码', 'sqdm', 12, '12 位统计用区划代码', 'key'),
      c('社区（村）名称', 'sqmc', 100, '社区或村名称', 'req'),
      c('所属街道（乡镇）', 'ssjd', 100, '街道办事处或乡镇名称'),
      region(),
      i('户数', 'hs', '辖区户数'),
      i('人口数', 'rks', '辖区常住人口数'),
      n('面积', 'mj', 10, 2, '单位：平方千米'),
      address('社区服务中心地址', 'fwzxdz'),
      phone(),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'yearly',
    temporalStart: '2020-01-01',
    related: ['地名地址信息'],
  }),
  resource('civil', '308', {
    name: '殡葬服务机构信息',
    abstract:
      '本市殡仪馆、公墓和殡葬服务站的名称、类型、地址、服务项目和收费公示。由市、区县民政局殡葬管理部门维护。',
    keywords: ['殡葬', '殡仪馆', '公墓', '便民服务'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      creditCode('key'),
      c('机构名称', 'jgmc', 200, '殡葬服务机构名称', 'req'),
      c('机构类型', 'jglx', 10, '殡仪馆、经营性公墓、公益性公墓等'),
      region(),
      address(),
      phone(),
      m('服务项目及收费标准', 'fwxm', '公示的服务项目和价格'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'half_yearly',
    temporalStart: '2020-01-01',
  }),
];

const EDUCATION: DemoResource[] = [
  resource('education', '201', {
    name: '中小学校名录',
    abstract:
      '全市小学、初中、高中和完全中学的名称、办学类型、举办者类型、地址、在校生和教职工人数。由市教委依据教育事业统计汇总，每学年更新。',
    keywords: ['中小学', '学校', '教育', '名录'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX', 'GEOJSON'],
    items: [
      c('学校标识码', 'xxbsm', 10, '教育部 10 位学校标识码', 'key'),
      c('学校名称', 'xxmc', 200, '学校全称', 'req'),
      c('办学类型', 'bxlx', 20, '小学、初级中学、完全中学、九年一贯制等'),
      c('举办者类型', 'jbzlx', 10, '公办、民办'),
      region(),
      address('学校地址', 'xxdz'),
      phone(),
      i('在校生数', 'zxss', '当学年在校学生人数'),
      i('教职工数', 'jzgs', '当学年教职工人数'),
      lng(),
      lat(),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'yearly',
    temporalStart: '2020-09-01',
    related: ['义务教育学校招生划片范围信息'],
  }),
  resource('education', '309', {
    name: '学生学籍信息',
    abstract:
      '全市中小学在校学生的学籍信息，包括全国学籍号、就读学校、年级和学籍状态。由各学校在全国中小学生学籍信息管理系统登记，市教委汇集。',
    keywords: ['学籍', '学生', '义务教育'],
    formatType: 'database',
    items: [
      c('全国学籍号', 'xjh', 19, 'G 加 18 位', 'personal', 'key'),
      personName(),
      idNumber(),
      sex(),
      birthDate(),
      c('学校标识码', 'xxbsm', 10, '就读学校'),
      c('年级', 'nj', 10, '年级'),
      d('入学日期', 'rxrq', '入学日期'),
      c('学籍状态', 'xjzt', 2, '在读、转出、休学、毕业'),
    ],
    ...conditionalNotOpen(
      '限卫生健康部门开展学生健康体检和预防接种查验、民政部门核查困境儿童就学时按人核验。',
      both(LAW.minors, LAW.pipl28),
      both(LAW.minors, LAW.pipl28),
    ),
    securityLevel: 'important',
    updateCycle: 'monthly',
    temporalStart: '2014-09-01',
  }),
  resource('education', '309', {
    name: '民办学校办学许可信息',
    abstract:
      '本市教育部门审批的民办学校和民办培训机构办学许可证信息，包括举办者、办学类型、地址和有效期。便于家长识别合规办学机构。',
    keywords: ['民办学校', '办学许可', '培训机构'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('办学许可证号', 'xkzh', 30, '教民……号', 'key'),
      c('学校名称', 'xxmc', 200, '学校名称', 'req'),
      creditCode(),
      c('举办者', 'jbz', 200, '举办者名称'),
      c('办学类型', 'bxlx', 20, '学历教育、非学历培训等'),
      address('办学地址', 'bxdz'),
      c('校长', 'xz', 50, '校长姓名', 'personal'),
      issuedOn(),
      validUntil(),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2018-01-01',
  }),
  resource('education', '201', {
    name: '义务教育学校招生划片范围信息',
    abstract:
      '全市公办义务教育学校的年度招生划片范围和招生计划。由各区县教委制定，市教委汇集公布，供家长查询对口学校。',
    keywords: ['招生', '划片', '义务教育', '入学'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX', 'PDF'],
    items: [
      c('招生年度', 'zsnd', 4, '格式 YYYY', 'req'),
      c('学校标识码', 'xxbsm', 10, '教育部 10 位学校标识码', 'req'),
      c('学校名称', 'xxmc', 200, '学校全称'),
      c('学段', 'xd', 10, '小学、初中'),
      region(),
      m('划片范围', 'hpfw', '对口的街道、社区和小区'),
      i('招生计划数', 'zsjhs', '计划招生人数'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'yearly',
    temporalStart: '2021-01-01',
    related: ['中小学校名录'],
  }),
  resource('education', '309', {
    name: '教师资格证书信息',
    abstract:
      '本市认定的教师资格证书信息，包括资格种类、任教学科和认定机构。由市、区县教育行政部门认定产生，用于学校招聘和社会核验。',
    keywords: ['教师资格', '证书核验', '教师'],
    formatType: 'database',
    formats: ['JSON'],
    items: [
      c('证书号码', 'zshm', 17, '教师资格证书号码', 'key'),
      personName(),
      idNumber(),
      sex(),
      c('资格种类', 'zgzl', 20, '幼儿园、小学、初级中学、高级中学等'),
      c('任教学科', 'rjxk', 50, '任教学科'),
      issuer('认定机构'),
      issuedOn('认定日期'),
    ],
    ...openOnConditions(
      '本人及聘用学校可凭证书号码和姓名单条核验，只返回资格种类和任教学科，不提供批量下载。',
      both(LAW.pipl34, LAW.cqo12),
    ),
    securityLevel: 'important',
    updateCycle: 'monthly',
    temporalStart: '2015-01-01',
  }),
];

const HOUSING: DemoResource[] = [
  resource('housing', '203', {
    name: '住房公积金缴存信息',
    abstract:
      '本市住房公积金缴存职工的账户、缴存基数、月缴存额和余额。由重庆市住房公积金管理中心归集管理，用于购房贷款、租房提取和资格核验。',
    keywords: ['住房公积金', '缴存', '公积金贷款'],
    formatType: 'database',
    items: [
      idNumber('key'),
      personName(),
      c('个人公积金账号', 'grzh', 20, '个人账号', 'sensitive'),
      c('缴存单位名称', 'jcdwmc', 200, '当前缴存单位'),
      creditCode(),
      n('缴存基数', 'jcjs', 12, 2, '单位：元', 'sensitive'),
      n('月缴存额', 'yjce', 10, 2, '单位、个人合计，单位：元', 'sensitive'),
      n('账户余额', 'zhye', 14, 2, '单位：元', 'sensitive'),
      c('缴存状态', 'jczt', 2, '正常、封存、销户'),
      d('开户日期', 'khrq', '账户开立日期'),
    ],
    ...conditionalNotOpen(
      '限不动产登记、住房保障和税务部门办理个人住房相关事项时经本人授权后调用，只返回核验所需字段。',
      both(LAW.pipl34, LAW.pipl28, '《住房公积金管理条例》'),
      LAW.pipl28,
    ),
    securityLevel: 'important',
    updateCycle: 'monthly',
    temporalStart: '2010-01-01',
    contact: ['市住房公积金管理中心信息部', '023-63672309'],
  }),
  resource('housing', '209', {
    name: '建筑施工企业资质信息',
    abstract:
      '本市建筑业企业的资质证书信息，包括资质类别及等级、有效期和发证机关。由市住房城乡建委资质审批产生，覆盖全市施工总承包、专业承包企业。',
    keywords: ['建筑业企业', '资质', '施工总承包'],
    formatType: 'database',
    formats: ['CSV', 'JSON'],
    items: [
      c('资质证书编号', 'zzzsbh', 20, '如 D250012345', 'key'),
      c('企业名称', 'qymc', 200, '企业名称', 'req'),
      creditCode(),
      legalRep(),
      c('资质类别及等级', 'zzlbdj', 500, '如建筑工程施工总承包一级'),
      address('注册地址', 'zcdz'),
      issuedOn(),
      validUntil(),
      issuer(),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'weekly',
    temporalStart: '2016-01-01',
    related: ['建筑施工企业安全生产许可证信息', '建筑市场主体信用评价信息'],
  }),
  resource('housing', '205', {
    name: '建筑施工企业安全生产许可证信息',
    abstract:
      '本市建筑施工企业安全生产许可证的核发、延续和暂扣信息。由市住房城乡建委依据《安全生产许可证条例》审批产生。',
    keywords: ['安全生产许可', '建筑施工', '安全监管'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('许可证编号', 'xkzbh', 30, '（渝）JZ 安许证字……号', 'key'),
      c('企业名称', 'qymc', 200, '企业名称', 'req'),
      creditCode(),
      c('主要负责人', 'zyfzr', 50, '主要负责人姓名', 'personal'),
      c('许可范围', 'xkfw', 100, '建筑施工'),
      d('有效期自', 'yxqzi', '有效期起始日期'),
      validUntil(),
      c('证书状态', 'zszt', 2, '有效、暂扣、吊销'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'weekly',
    temporalStart: '2016-01-01',
    related: ['建筑施工企业资质信息'],
  }),
  resource('housing', '209', {
    name: '商品房预售许可信息',
    abstract:
      '本市核发的商品房预售许可证信息，包括项目、开发企业、预售套数、面积和预售资金监管账户。由市、区县住房城乡建设主管部门审批产生，供购房人查询。',
    keywords: ['商品房', '预售许可', '房地产', '购房'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX', 'JSON'],
    items: [
      c('预售许可证号', 'ysxkzh', 30, '渝住建委（20XX）预字第……号', 'key'),
      c('项目名称', 'xmmc', 200, '楼盘项目名称', 'req'),
      c('开发企业', 'kfqy', 200, '房地产开发企业名称'),
      creditCode(),
      address('项目坐落', 'xmzl'),
      i('预售套数', 'ysts', '本次预售套数'),
      n('预售面积', 'ysmj', 14, 2, '单位：平方米'),
      c('监管银行', 'jgyh', 100, '预售资金监管银行'),
      c('监管账户', 'jgzh', 30, '预售资金监管账号'),
      issuedOn(),
    ],
    ...openData(),
    securityLevel: 'general',
    updateCycle: 'daily',
    temporalStart: '2015-01-01',
  }),
  resource('housing', '207', {
    name: '城镇燃气经营许可信息',
    abstract:
      '本市管道燃气和瓶装燃气经营企业的燃气经营许可证信息，包括经营类别、经营区域和有效期。由市、区县燃气管理部门依据《城镇燃气管理条例》审批产生。',
    keywords: ['燃气', '经营许可', '能源保供'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('许可证编号', 'xkzbh', 30, '燃气经营许可证编号', 'key'),
      c('企业名称', 'qymc', 200, '燃气经营企业名称', 'req'),
      creditCode(),
      legalRep(),
      c('经营类别', 'jylb', 20, '管道燃气、瓶装燃气、汽车加气'),
      c('经营区域', 'jyqy', 500, '许可的经营区域'),
      issuedOn(),
      validUntil(),
      issuer(),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2017-01-01',
  }),
  resource('housing', '208', {
    name: '建筑市场主体信用评价信息',
    abstract:
      '本市施工、监理等建筑市场主体的季度信用评价得分和等级。由市住房城乡建委建筑市场信用评价系统计算公布，用于招投标和差异化监管。',
    keywords: ['建筑市场', '信用评价', '招投标'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      creditCode('key'),
      c('企业名称', 'qymc', 200, '企业名称', 'req'),
      c('主体类型', 'ztlx', 10, '施工、监理、勘察设计'),
      c('评价周期', 'pjzq', 10, '如 2025Q1'),
      n('信用得分', 'xydf', 6, 2, '百分制'),
      c('信用等级', 'xydj', 4, 'AAA、AA、A、B、C'),
      d('公布日期', 'gbrq', '评价结果公布日期'),
    ],
    ...openData(['download', 'api']),
    securityLevel: 'general',
    updateCycle: 'quarterly',
    temporalStart: '2019-01-01',
    related: ['建筑施工企业资质信息'],
  }),
  resource('housing', '310', {
    name: '房屋网签备案信息',
    abstract:
      '本市新建商品房和存量房买卖合同网签备案信息，包括房屋坐落、面积、成交价格和买卖双方。由市住房城乡建委房屋交易管理系统产生。',
    keywords: ['网签备案', '房屋交易', '商品房', '存量房'],
    formatType: 'database',
    items: [
      c('合同编号', 'htbh', 30, '网签合同编号', 'key'),
      c('交易类型', 'jylx', 2, '新建商品房、存量房'),
      address('房屋坐落', 'fwzl'),
      c('不动产单元号', 'bdcdyh', 28, '28 位不动产单元号'),
      n('建筑面积', 'jzmj', 12, 2, '单位：平方米'),
      n('成交价格', 'cjjg', 16, 2, '单位：元', 'sensitive'),
      c('买受人', 'msr', 200, '买受人姓名或单位名称', 'personal'),
      c('买受人证件号码', 'msrzjhm', 30, '买受人证件号码', 'personal'),
      c('出卖人', 'cmr', 200, '出卖人姓名或单位名称', 'personal'),
      d('备案日期', 'barq', '网签备案日期', 'req'),
    ],
    ...conditionalNotOpen(
      '限不动产登记、税务、住房公积金和住房保障部门在办理登记、计税、贷款和资格审核时按合同或按人核验。',
      both(LAW.pipl34, LAW.dsl38),
      both(LAW.ogi15, LAW.pipl34),
    ),
    securityLevel: 'important',
    updateCycle: 'realtime',
    temporalStart: '2012-01-01',
    related: ['不动产登记信息'],
  }),
];

const WATER: DemoResource[] = [
  resource('water', '311', {
    name: '供水水质公告',
    abstract:
      '重庆水务集团所属水厂出厂水和管网水的月度水质检测结果，按《生活饮用水卫生标准》（GB 5749）评价。覆盖中心城区公共供水范围，每月向社会公告。',
    keywords: ['供水水质', '饮用水', '水质公告'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX', 'PDF'],
    items: [
      c('公告期', 'ggq', 7, '格式 YYYY-MM', 'req'),
      c('水厂名称', 'scmc', 100, '水厂名称', 'req'),
      c('水样类型', 'sylx', 10, '出厂水、管网水'),
      c('检测项目', 'jcxm', 50, '如浑浊度、余氯、菌落总数'),
      n('检测值', 'jcz', 12, 4, '检测结果'),
      c('标准限值', 'bzxz', 50, 'GB 5749 限值'),
      c('计量单位', 'jldw', 20, '如 NTU、mg/L、CFU/mL'),
      l('是否合格', 'sfhg', '是否符合标准'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2018-01-01',
    contact: ['重庆水务集团水质监测中心', '023-63860988'],
    related: ['地表水水质监测数据', '城市公共供水水厂信息'],
  }),
  resource('water', '311', {
    name: '城市公共供水水厂信息',
    abstract:
      '重庆水务集团运营的城市公共供水水厂的位置、水源、设计规模和供水区域。由重庆水务集团维护，覆盖中心城区和部分区县城区。',
    keywords: ['水厂', '公共供水', '水源'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'GEOJSON'],
    items: [
      c('水厂编号', 'scbh', 10, '集团内部编号', 'key'),
      c('水厂名称', 'scmc', 100, '水厂名称', 'req'),
      address(),
      lng(),
      lat(),
      c('水源', 'sy', 50, '长江、嘉陵江或水库'),
      n('设计供水规模', 'sjgm', 10, 2, '单位：万立方米/日'),
      c('供水区域', 'gsqy', 500, '主要供水的区县和片区'),
      d('投运日期', 'tyrq', '投入运行日期'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'yearly',
    temporalStart: '2015-01-01',
  }),
  resource('water', '201', {
    name: '计划停水通知信息',
    abstract:
      '因管网施工、设备检修等原因计划停水的通知，包括停水区域、起止时间和影响户数。由重庆水务集团客户服务中心发布，提前 24 小时告知用户。',
    keywords: ['停水', '供水服务', '通知'],
    formatType: 'self_describing',
    formats: ['JSON', 'CSV'],
    items: [
      c('通知编号', 'tzbh', 20, '通知编号', 'key'),
      m('停水区域', 'tsqy', '受影响的街道、小区'),
      t('停水开始时间', 'kssj', '计划开始时间', 'req'),
      t('恢复供水时间', 'hfsj', '计划恢复时间'),
      c('停水原因', 'tsyy', 200, '施工、检修、抢修等'),
      i('影响户数', 'yxhs', '预计影响用户数'),
      t('发布时间', 'fbsj', '通知发布时间'),
      phone('咨询电话', 'zxdh'),
    ],
    ...openData(['api', 'download']),
    securityLevel: 'general',
    updateCycle: 'daily',
    temporalStart: '2021-01-01',
    contact: ['重庆水务集团客户服务中心', '023-63860900'],
  }),
  resource('water', '311', {
    name: '供水用户用水信息',
    abstract:
      '中心城区供水用户的月度抄表用水量、水费和缴费状态。由重庆水务集团营业收费系统产生，可辅助核查房屋空置和困难群众用水情况。',
    keywords: ['用水量', '水费', '抄表'],
    formatType: 'database',
    items: [
      c('用户号', 'yhh', 20, '供水用户号', 'key'),
      c('户主姓名', 'hzxm', 50, '开户人姓名', 'personal'),
      c('用水地址', 'ysdz', 200, '用水地址', 'personal'),
      c('用水类型', 'yslx', 10, '居民生活、非居民、特种行业'),
      c('抄表月份', 'cbyf', 6, '格式 YYYYMM'),
      n('用水量', 'ysl', 10, 2, '单位：立方米'),
      n('应缴水费', 'yjsf', 10, 2, '单位：元'),
      c('缴费状态', 'jfzt', 2, '已缴、欠费'),
    ],
    ...conditionalNotOpen(
      '限民政部门核查救助对象家庭用水、住房城乡建设和公安部门核查房屋实际使用情况时按户调用。',
      both(LAW.pipl34, LAW.dsl38),
      LAW.pipl34,
    ),
    securityLevel: 'important',
    updateCycle: 'monthly',
    temporalStart: '2019-01-01',
  }),
  resource('water', '311', {
    name: '城市供水管网设施信息',
    abstract:
      '中心城区供水主干管网的管径、管材、埋深、建成年代和空间位置。由重庆水务集团管网地理信息系统维护，属于关键信息基础设施的重要数据。',
    keywords: ['供水管网', '地下管线', '关键信息基础设施'],
    formatType: 'database',
    items: [
      c('管线编号', 'gxbh', 20, '管段编号', 'key'),
      i('管径', 'gj', '单位：毫米'),
      c('管材', 'gc', 20, '球墨铸铁、钢管、PE 等'),
      n('长度', 'cd', 10, 2, '单位：米'),
      n('埋深', 'ms', 6, 2, '单位：米', 'sensitive'),
      c('建成年代', 'jcnd', 4, '格式 YYYY'),
      region(),
      m('空间位置', 'kjwz', '管段几何（WKT）', 'sensitive'),
    ],
    ...closed(
      both(
        LAW.dsl21,
        '《关键信息基础设施安全保护条例》：供水管网空间数据不纳入共享平台，确需使用的按安全管理规定另行提供',
      ),
      both(LAW.dsl21, '《关键信息基础设施安全保护条例》'),
    ),
    securityLevel: 'important',
    updateCycle: 'quarterly',
    temporalStart: '2015-01-01',
  }),
];

const YUZHONG_MARKET: DemoResource[] = [
  resource('yuzhong.market', '206', {
    name: '渝中区农贸市场主要副食品价格信息',
    abstract:
      '渝中区主要农贸市场猪肉、蔬菜、鸡蛋、大米等副食品的每周零售价格和环比涨跌。由渝中区市场监管局价格监测点采集，便于居民了解菜价行情。',
    keywords: ['菜价', '价格监测', '农贸市场', '民生商品'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('市场名称', 'scmc', 100, '价格监测点所在市场', 'req'),
      c('商品名称', 'spmc', 50, '如猪肉（后腿）、大白菜', 'req'),
      c('规格等级', 'ggdj', 50, '商品规格或等级'),
      c('计价单位', 'jjdw', 10, '如元/500克'),
      n('零售价格', 'lsjg', 8, 2, '单位：元'),
      n('环比涨跌幅', 'hbzdf', 6, 2, '与上周相比，单位：%'),
      d('采价日期', 'cjrq', '价格采集日期', 'req'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'weekly',
    temporalStart: '2022-01-01',
  }),
  resource('yuzhong.market', '204', {
    name: '渝中区餐饮服务食品安全量化分级信息',
    abstract:
      '渝中区餐饮服务单位的食品安全监督量化分级结果，包括动态等级和年度等级。由渝中区市场监管局日常检查评定产生，在店门口和网上公示。',
    keywords: ['量化分级', '餐饮', '食品安全', '笑脸'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('食品经营许可证编号', 'xkzbh', 16, 'JY 开头的 16 位编号', 'key'),
      c('单位名称', 'dwmc', 200, '餐饮服务单位名称', 'req'),
      address('经营地址', 'jydz'),
      c('动态等级', 'dtdj', 10, '优秀、良好、一般'),
      c('年度等级', 'nddj', 2, 'A、B、C'),
      d('评定日期', 'pdrq', '最近一次评定日期'),
      c('监管机构', 'jgjg', 100, '负责的市场监管所'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2021-01-01',
    related: ['食品经营许可证信息'],
  }),
  resource('yuzhong.market', '312', {
    name: '渝中区市场主体发展统计信息',
    abstract:
      '渝中区各街道按主体类型统计的新设、注销和实有市场主体户数及注册资本。由渝中区市场监管局根据登记数据按月统计。',
    keywords: ['市场主体', '统计', '营商环境'],
    formatType: 'spreadsheet',
    formats: ['CSV', 'XLSX'],
    items: [
      c('统计月份', 'tjyf', 7, '格式 YYYY-MM', 'req'),
      c('街道名称', 'jdmc', 50, '渝中区各街道', 'req'),
      c('主体类型', 'ztlx', 20, '企业、个体工商户、农民专业合作社'),
      i('新设户数', 'xshs', '当月新设登记户数'),
      i('注销户数', 'zxhs', '当月注销户数'),
      i('实有户数', 'syhs', '月末实有户数'),
      n('注册资本（金）', 'zczb', 18, 4, '月末合计，单位：万元'),
    ],
    ...openData(['download']),
    securityLevel: 'general',
    updateCycle: 'monthly',
    temporalStart: '2020-01-01',
  }),
  resource('yuzhong.market', '312', {
    name: '渝中区消费投诉举报处理信息',
    abstract:
      '渝中区市场监管局受理的消费投诉和举报的登记与处理结果，包括投诉人、被投诉主体、诉求和办结情况。来源于全国 12315 平台渝中区分流件。',
    keywords: ['12315', '消费投诉', '举报', '消费维权'],
    formatType: 'database',
    items: [
      c('投诉举报编号', 'tsbh', 30, '12315 平台件号', 'key'),
      t('登记时间', 'djsj', '受理登记时间', 'req'),
      c('投诉人姓名', 'tsrxm', 50, '投诉人或举报人姓名', 'personal'),
      c('投诉人联系电话', 'tsrlxdh', 20, '投诉人联系电话', 'personal'),
      c('被投诉主体', 'btszt', 200, '被投诉的经营者名称'),
      c('问题类别', 'wtlb', 50, '质量、价格、合同、虚假宣传等'),
      m('诉求内容', 'sqnr', '投诉举报内容', 'personal'),
      c('处理状态', 'clzt', 2, '受理、调解中、已办结'),
      m('处理结果', 'cljg', '调解或核查处理结果'),
    ],
    ...conditionalNotOpen(
      '限市市场监管局和区级相关执法部门在处理投诉举报、开展执法检查时调用，不得向被投诉方泄露投诉人信息。',
      both(LAW.pipl34, '《市场监督管理投诉举报处理暂行办法》'),
      both(LAW.ogi15, LAW.pipl34),
    ),
    securityLevel: 'important',
    updateCycle: 'daily',
    temporalStart: '2020-01-01',
  }),
];

/** The demo catalog: every resource the demo departments publish, by department. */
export const DEMO_RESOURCES: DemoResource[] = [
  ...POLICE,
  ...MARKET,
  ...HRSS,
  ...PLANNING,
  ...HEALTH,
  ...ECOLOGY,
  ...TRANSPORT,
  ...CIVIL,
  ...EDUCATION,
  ...HOUSING,
  ...WATER,
  ...YUZHONG_MARKET,
];
