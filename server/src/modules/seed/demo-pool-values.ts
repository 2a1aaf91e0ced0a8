// Fake but plausible values for the demo pools: people with valid citizen ID numbers (GB 11643),
// companies with valid credit codes (GB 32100), addresses, licences, stations and lines of
// Chongqing. Everything is derived from the row number and a seeded PRNG, so each seed is the same.
import { citizenIdCheckChar } from '../../platform/identifiers/citizen-id.ts';
import { creditCodeCheckChar } from '../../platform/identifiers/credit-code.ts';
import type { PoolColumn } from '../pools/pool-schema.ts';

/** A value before it is written for its column: numbers get the column's scale. */
export type DemoValue = string | number | boolean | null;

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same sequence. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a text (FNV-1a), to seed a resource's rows. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const DISTRICTS = [
  ['500103', '渝中区', ['解放碑街道', '七星岗街道', '上清寺街道', '两路口街道', '大溪沟街道']],
  ['500105', '江北区', ['观音桥街道', '华新街街道', '五里店街道', '石马河街道', '大石坝街道']],
  ['500106', '沙坪坝区', ['小龙坎街道', '磁器口街道', '天星桥街道', '渝碚路街道', '井口街道']],
  ['500107', '九龙坡区', ['杨家坪街道', '谢家湾街道', '石坪桥街道', '黄桷坪街道', '石桥铺街道']],
  ['500108', '南岸区', ['南坪街道', '铜元局街道', '花园路街道', '弹子石街道', '南山街道']],
  ['500112', '渝北区', ['双龙湖街道', '龙溪街道', '回兴街道', '仙桃街道', '悦来街道']],
] as const;
const ROADS = ['民族路', '中山一路', '建新北路', '渝州路', '南坪西路', '金开大道', '嘉陵路', '红旗河沟'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华玉萍红鹏飞欣怡婷雪梅俊浩宇轩晨嘉琪思远';
const BRANDS = [
  '山城',
  '巴渝',
  '嘉陵',
  '长江',
  '朝天门',
  '两江',
  '渝州',
  '缙云',
  '歌乐',
  '南山',
  '江津',
  '鹅岭',
];
const TRADES = [
  ['科技', '软件和信息技术服务'],
  ['食品', '食品销售；餐饮服务'],
  ['建设工程', '房屋建筑工程施工'],
  ['物流', '道路货物运输；仓储服务'],
  ['商贸', '日用百货、五金交电销售'],
  ['火锅餐饮', '餐饮服务；食品经营'],
  ['汽车零部件', '汽车零部件制造与销售'],
  ['文化传媒', '广告设计、制作、代理'],
] as const;
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DAY_MS = 86_400_000;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const between = (random: () => number, from: string, to: string) => {
  const start = Date.parse(from);
  return date(start + Math.floor(random() * ((Date.parse(to) - start) / DAY_MS)) * DAY_MS);
};
const timestamp = (random: () => number, from: string, to: string) =>
  `${between(random, from, to)} ${pad(Math.floor(random() * 24), 2)}:${pad(Math.floor(random() * 60), 2)}:00`;

/** A person of row `i`: unique by row (region and sequence by row, birth date from a hash). */
export function demoPerson(i: number) {
  const random = prng(hashText('person') ^ Math.imul(i + 1, 2654435761));
  const [code, district, streets] = DISTRICTS[i % DISTRICTS.length]!;
  const sequence = Math.floor(i / DISTRICTS.length) % 1000;
  const birth = between(random, '1946-01-01', '2008-12-31');
  const first17 = `${code}${birth.replaceAll('-', '')}${pad(sequence, 3)}`;
  const given =
    GIVEN[Math.floor(random() * GIVEN.length)]! + (random() < 0.7 ? pick(random, [...GIVEN]) : '');
  return {
    id: first17 + citizenIdCheckChar(first17)!,
    name: pick(random, [...SURNAMES]) + given,
    sex: sequence % 2 === 1 ? '1' : '2',
    birth,
    districtCode: code,
    address: `重庆市${district}${pick(random, streets)}${pick(random, ROADS)}${1 + Math.floor(random() * 300)}号${1 + Math.floor(random() * 30)}-${1 + Math.floor(random() * 6)}`,
  };
}

/** A company (or, with prefix 52, a social organisation) of row `i`, with a valid credit code. */
export function demoCompany(i: number, prefix = '91') {
  const random = prng(hashText(`company${prefix}`) ^ Math.imul(i + 1, 2246822519));
  const [code, district, streets] = DISTRICTS[i % DISTRICTS.length]!;
  let org = '';
  for (let n = i * 9973 + 1_234_567, k = 0; k < 9; k++, n = Math.floor(n / 31))
    org = CREDIT_CHARS[n % 31] + org;
  const first17 = `${prefix}${code}${org}`;
  const [trade, scope] = pick(random, TRADES);
  return {
    creditCode: first17 + creditCodeCheckChar(first17)!,
    name: `重庆${pick(random, BRANDS)}${trade}${prefix === '91' ? '有限公司' : '服务中心'}${i >= BRANDS.length * TRADES.length ? `（${pad(i, 4)}）` : ''}`,
    scope,
    legalRep: demoPerson(i + 50_000).name,
    districtCode: code,
    regulator: `重庆市${district}市场监督管理局`,
    address: `重庆市${district}${pick(random, streets)}${pick(random, ROADS)}${1 + Math.floor(random() * 500)}号`,
  };
}

const STATIONS = [
  '解放碑',
  '两路口',
  '杨家坪',
  '南坪',
  '观音桥',
  '沙坪坝',
  '礼嘉',
  '虎溪',
  '唐家沱',
  '缙云山',
];
const STOPS = [
  '较场口',
  '小什字',
  '临江门',
  '大坪',
  '石桥铺',
  '歇台子',
  '红旗河沟',
  '冉家坝',
  '光电园',
  '人和',
  '龙头寺',
  '弹子石',
];
const AQI_LEVELS: [number, string][] = [
  [50, '优'],
  [100, '良'],
  [150, '轻度污染'],
  [200, '中度污染'],
];

/** What a row knows: its number, its PRNG, and the person and company it is about. */
export interface RowContext {
  i: number;
  random: () => number;
  person: ReturnType<typeof demoPerson>;
  company: ReturnType<typeof demoCompany>;
}

type Generator = (row: RowContext) => DemoValue;

// Values by field name, for the fields the demo resources share; other fields get a value of their type.
const BY_FIELD: Record<string, Generator> = {
  gmsfhm: (r) => r.person.id,
  sfzmhm: (r) => r.person.id,
  xm: (r) => r.person.name,
  hzxm: (r) => r.person.name,
  jyzxm: (r) => r.person.name,
  xb: (r) => r.person.sex,
  mz: (r) => (r.random() < 0.92 ? '01' : pick(r.random, ['03', '04', '08', '15'])),
  csrq: (r) => r.person.birth,
  csd: (r) => r.person.districtCode,
  hjdxzqh: (r) => r.person.districtCode,
  hjdz: (r) => r.person.address,
  zz: (r) => r.person.address,
  whcd: (r) => pick(r.random, ['20', '30', '40', '61', '70', '80']),
  hyzk: (r) => pick(r.random, ['10', '20', '20', '20', '30', '40']),
  rkzt: (r) => (r.random() < 0.96 ? '正常' : '迁出'),
  zjzt: () => '有效',
  zzzt: () => '有效',
  djzt: (r) => (r.random() < 0.93 ? '存续' : '注销'),
  tyshxydm: (r) => r.company.creditCode,
  qymc: (r) => r.company.name,
  ztmc: (r) => r.company.name,
  jyzmc: (r) => r.company.name,
  jgmc: (r) => r.company.name.replace(/有限公司|服务中心/, '养老服务中心'),
  zhmc: (r) => `${r.person.name.slice(0, 1)}记${pick(r.random, ['小面', '副食店', '水果店', '五金店'])}`,
  fddbr: (r) => r.company.legalRep,
  jyfw: (r) => r.company.scope,
  zs: (r) => r.company.address,
  jycs: (r) => r.company.address,
  dz: (r) => r.company.address,
  djjg: (r) => r.company.regulator,
  rcjdgljg: (r) => r.company.regulator,
  xzqhdm: (r) => r.company.districtCode,
  qylx: (r) => pick(r.random, ['1110', '1130', '1151', '1190']),
  ztlx: (r) => pick(r.random, ['1130', '1151']),
  bz: () => '156',
  lxdh: (r) => `023-${pad(60_000_000 + Math.floor(r.random() * 9_999_999), 8)}`,
  jd: (r) => 106.4 + r.random() * 0.35,
  wd: (r) => 29.45 + r.random() * 0.25,
  zzwj: (r) => `https://dzzz.demo.zhengshu.invalid/ofd/${r.i + 1}.ofd`,
  ztyt: () => '餐饮服务经营者',
  jyxm: () => '热食类食品制售；冷食类食品制售',
  // Air-quality readings: ten stations, hour by hour.
  zdbm: (r) => `5001${pad((r.i % STATIONS.length) + 1, 3)}A`,
  zdmc: (r) => STATIONS[r.i % STATIONS.length]!,
  jcsj: (r) => {
    const hour = Math.floor(r.i / STATIONS.length);
    return `${date(Date.parse('2026-11-01') + Math.floor(hour / 24) * DAY_MS)} ${pad(hour % 24, 2)}:00:00`;
  },
  aqi: (r) => demoAqi(r.i),
  kqzljb: (r) => aqiLevel(demoAqi(r.i)),
  pm25: (r) => 10 + Math.floor(r.random() * 90),
  pm10: (r) => 20 + Math.floor(r.random() * 120),
  so2: (r) => 3 + Math.floor(r.random() * 12),
  no2: (r) => 15 + Math.floor(r.random() * 50),
  co: (r) => 0.4 + r.random() * 1.2,
  o3: (r) => 20 + Math.floor(r.random() * 140),
  sywrw: (r) => (r.random() < 0.6 ? '细颗粒物(PM2.5)' : '臭氧8小时'),
  // Bus and metro lines.
  xlbm: (r) => pad(r.i + 1, 4),
  xlmc: (r) => `${r.i + 101}路`,
  qdz: (r) => STOPS[r.i % STOPS.length]!,
  zdz: (r) => STOPS[(r.i * 7 + 5) % STOPS.length]!,
  sbsj: (r) => `06:${pad(Math.floor(r.random() * 6) * 10, 2)}`,
  mbsj: (r) => `${21 + Math.floor(r.random() * 2)}:${pad(Math.floor(r.random() * 6) * 10, 2)}`,
  pj: (r) => (r.random() < 0.8 ? 2 : 3),
  xlcd: (r) => 6 + r.random() * 30,
  zds: (r) => 10 + Math.floor(r.random() * 30),
  yyqy: (r) =>
    pick(r.random, ['重庆公交集团有限公司', '重庆西部公共交通有限公司', '重庆两江公共交通有限公司']),
  jtxl: (r) => `${101 + (r.i % 300)}路；${130 + (r.i % 170)}路`,
  zdlx: () => '常规站',
  ssxl: (r) => `轨道交通${pick(r.random, ['1', '2', '3', '6', '10'])}号线`,
  czmc: (r) => `${STOPS[r.i % STOPS.length]!}${r.i >= STOPS.length ? pad(r.i, 2) : ''}`,
};

/** A value of the column's type, for a field the demo does not know by name. */
function byType(column: PoolColumn, row: RowContext): DemoValue {
  const { random } = row;
  switch (column.dataType) {
    case 'I':
      return Math.floor(random() * 500);
    case 'N':
    case 'Y': {
      const whole = Math.max(1, Math.min(6, (column.length ?? 8) - (column.scale ?? 0) - 1));
      return random() * 10 ** whole;
    }
    case 'F':
    case 'B':
      return random() * 100;
    case 'D':
      return between(random, '2015-01-01', '2026-11-30');
    case 'T':
      return timestamp(random, '2020-01-01', '2026-11-30');
    case 'L':
      return random() < 0.5;
    case 'M':
      return `${column.name}：演示数据，第 ${row.i + 1} 条。`;
    default: {
      const text = column.isKey
        ? `${column.field.toUpperCase()}${pad(row.i + 1, 6)}`
        : `${column.name}${row.i + 1}`;
      return text.slice(-(column.length ?? 50));
    }
  }
}

/** The value of a column in row `i`: by field name where the demo knows it, else by type; as load text. */
export function demoValue(column: PoolColumn, row: RowContext): string | boolean | null {
  const value = (BY_FIELD[column.field] ?? ((r: RowContext) => byType(column, r)))(row);
  if (typeof value !== 'number') return value;
  if (column.dataType === 'I') return String(Math.round(value));
  if (column.dataType === 'N' || column.dataType === 'Y')
    return value.toFixed(column.scale ?? (column.dataType === 'Y' ? 2 : 0));
  return String(value);
}

/** The AQI of reading `i`, so that its level (空气质量级别) agrees with it. */
function demoAqi(i: number): number {
  return 25 + Math.floor(prng(hashText('aqi') ^ i)() * 130);
}

/** The level of an AQI value (HJ 633). */
function aqiLevel(aqi: number): string {
  return AQI_LEVELS.find(([limit]) => aqi <= limit)?.[1] ?? '重度污染';
}
