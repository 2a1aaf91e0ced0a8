import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { tsQuery, upsertEntries, type EntryInput } from '../server/src/modules/catalog/entries.repository.ts';
import { searchShareCatalog, type SearchContext } from '../server/src/modules/catalog/search.service.ts';
import type { DB } from '../server/src/platform/db/schema.ts';
import type { RequestContext } from '../server/src/platform/policy/actor.ts';
import { loadProfile } from '../server/src/platform/profiles/profiles.ts';
import { queryWords } from '../server/src/platform/search/segmenter.ts';
import { makeCreditCode } from '../server/src/test/factories.ts';
import { openTestDatabase } from '../server/src/test/test-database.ts';
import { engineName, type Measurement } from './common.ts';

const ENTRIES = Number(process.env.BENCH_SEARCH_ENTRIES ?? 100_000);
const BATCH = 1_000;
const ROUNDS = 5;
const ROUND_S = 2;

const words = (text: string) => text.split(' ');
// Departments: name | the subjects they hold | the information items of their records.
const DEPARTMENTS = [
  '公安局|户籍人口 流动人口 居民身份证 机动车 驾驶人 交通违法 交通事故 出入境证件 治安管理 旅馆业|姓名 公民身份号码 性别 民族 出生日期 户籍地址 号牌号码 车辆类型 违法地点 处理机关',
  '市场监督管理局|市场主体 营业执照 企业年报 经营异常名录 食品经营许可 特种设备 行政处罚 产品质量抽查 商标 消费投诉|统一社会信用代码 企业名称 法定代表人 注册资本 成立日期 经营范围 登记机关 许可证编号 处罚决定书文号 住所',
  '民政局|婚姻登记 低保对象 特困人员 临时救助 社会组织 养老机构 殡葬服务 留守儿童 残疾人两项补贴 地名地址|姓名 公民身份号码 家庭人口数 保障金额 救助类别 登记日期 机构名称 床位数 所在街道 审批日期',
  '人力资源和社会保障局|社会保障卡 养老保险 失业保险 工伤保险 就业登记 职业技能培训 劳动仲裁 职业资格证书 人才引进 农民工工资|姓名 公民身份号码 社会保障卡号 参保单位 缴费基数 参保状态 就业单位 培训工种 证书编号 发放日期',
  '卫生健康委员会|医疗机构 执业医师 执业护士 预防接种 出生医学证明 传染病 家庭医生签约 妇幼保健 院前急救 电子健康档案|机构名称 机构类别 执业地址 诊疗科目 医师姓名 执业范围 疫苗名称 接种日期 出生日期 签约团队',
  '生态环境局|空气质量 水质监测 重点排污单位 排污许可 环境影响评价 噪声监测 危险废物 土壤环境 饮用水水源地 环境执法|监测点位 监测时间 空气质量指数 首要污染物 化学需氧量 氨氮 排污单位名称 许可证编号 监测值 超标倍数',
  '交通运输局|公交线路 公交站点 网约车 出租汽车 道路运输经营许可 客运班线 停车场 充电桩 高速公路 农村公路|线路编号 线路名称 站点名称 经度 纬度 首班时间 末班时间 票价 车牌号码 泊位数',
  '规划和自然资源局|不动产登记 国土空间规划 建设用地 土地出让 采矿权 地籍 基础测绘 永久基本农田 地理国情 宗地|不动产单元号 权利人 坐落 宗地面积 土地用途 权利类型 出让金额 矿区名称 图幅号 登记日期',
  '住房和城乡建设委员会|商品房预售许可 房屋交易 公租房 建筑企业资质 施工许可 物业服务 老旧小区改造 燃气 建筑市场 工程建设项目|项目名称 开发企业 预售许可证号 房屋坐落 建筑面积 成交价格 资质等级 施工许可证号 小区名称 物业企业',
  '教育委员会|学籍 学校 幼儿园 义务教育 招生考试 教师资格证 助学金 校外培训机构 学历证书 学位|学生姓名 学籍号 学校名称 办学类型 年级 班级 教师姓名 资格种类 资助金额 证书编号',
  '税务局|纳税信用 增值税 发票 个人所得税 企业所得税 社会保险费|纳税人识别号 纳税人名称 信用等级 评价年度 税款所属期 应纳税额 发票代码 开票日期 征收项目 入库日期',
  '医疗保障局|医疗保险 定点医疗机构 定点零售药店 医保结算 异地就医 医疗救助|参保人姓名 公民身份号码 医保编码 结算日期 医疗总费用 统筹支付金额 定点机构名称 就医地 救助金额 险种类型',
  '住房公积金管理中心|公积金缴存 公积金贷款 公积金提取|职工姓名 公积金账号 缴存单位 缴存基数 月缴存额 贷款金额 贷款期限 提取原因 提取金额 账户状态',
  '农业农村委员会|农业补贴 家庭农场 农民专业合作社 动物防疫 农产品质量安全 高标准农田|经营主体名称 补贴类型 补贴面积 补贴金额 养殖品种 免疫数量 检测项目 检测结果 项目地点 建设面积',
  '水利局|河道 水库 取水许可 水文 防汛|河流名称 河长姓名 水库名称 总库容 取水单位 取水量 测站名称 水位 流量 预警等级',
  '应急管理局|安全生产许可 危险化学品 生产安全事故 应急物资 避难场所 自然灾害|企业名称 许可证编号 危险化学品名称 储存量 事故类型 死亡人数 物资名称 储备数量 场所名称 容纳人数',
  '统计局|地区生产总值 固定资产投资 居民消费价格指数 人口普查 统计年鉴|统计年度 统计区域 指标名称 指标值 计量单位 同比增长 环比增长 行业分类 数据来源 发布日期',
  '司法局|律师事务所 法律援助 公证 人民调解 社区矫正|机构名称 执业证号 负责人 受援人 案件类别 公证事项 调解结果 矫正类别 受理日期 办结日期',
  '文化和旅游发展委员会|旅游景区 旅行社 星级饭店 文物保护单位 非物质文化遗产 图书馆|景区名称 景区等级 接待人次 旅行社名称 许可证号 饭店名称 星级 文物名称 保护级别 项目名称',
  '气象局|天气预报 降水量 气象预警|站点名称 观测时间 气温 降水量 风向 风速 相对湿度 预警类型 预警级别 发布时间',
  '城市管理局|生活垃圾 数字城管 园林绿化 市容环境 建筑垃圾|收运单位 处理设施 日处理量 案件编号 问题类型 处置时限 绿地名称 绿地面积 消纳场名称 运输车辆',
  '财政局|部门预算 政府采购 国有资产 政府债务|预算单位 预算科目 预算金额 采购项目 中标供应商 合同金额 资产名称 资产原值 债务余额 到期日期',
  '退役军人事务局|退役军人 优抚对象 优待证|姓名 公民身份号码 入伍时间 退役时间 优抚类别 抚恤金额 优待证号 安置方式 服役单位 联系电话',
].map((line) => {
  const [name, subjects, items] = line.split('|') as [string, string, string];
  return { name, subjects: words(subjects), items: words(items) };
});
const DISTRICTS = words(
  '渝中区 江北区 沙坪坝区 九龙坡区 南岸区 北碚区 渝北区 巴南区 万州区 涪陵区 大渡口区 长寿区 江津区 合川区 永川区 南川区 綦江区 大足区 璧山区 铜梁区',
);
const FORMS = words(
  '信息 登记信息 基本信息 名录 名单 统计数据 监测数据 明细 办理信息 许可信息 处罚信息 备案信息 年度统计 台账 变更信息 查询服务 分布 汇总表',
);
const PURPOSES = words('政务服务办理 行业监管 统计分析 社会治理 公共服务 决策支持 信用体系建设 应急管理');
const CLASS_CODES = words('101 102 103 104 105 201 202 203 204 205 206 207 208 209 210 211 212 3');
const CYCLES = words('realtime daily weekly monthly quarterly half_yearly yearly other');
const FORMATS = words('CSV XLSX JSON XML PDF GEOJSON');

/** Typical staff queries: one or two words, subjects, departments, places, years. */
export const QUERIES = [
  ...words(
    '公安 户籍 营业执照 低保 社会保障卡 空气质量 公交线路 网约车 不动产登记 医疗机构 执业医师 公积金 特困人员 残疾人 婚姻登记 水质 学籍 纳税信用 行政处罚 排污许可 充电桩 养老机构 预防接种 出租汽车 统一社会信用代码 公民身份号码 旅游景区 天气预报 危险化学品 地区生产总值 律师事务所 失业保险 土地出让 商品房 停车场 幼儿园 家庭农场 法律援助 生活垃圾 政府采购 退役军人',
  ),
  ...'渝北区 低保|渝中区 公交|企业 年报|食品 许可|医保 结算|公积金 贷款|交通 事故|消防 安全|2024年 空气质量'.split(
    '|',
  ),
];

// A small deterministic generator, so every run searches the same catalog.
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number): T[] =>
    [...list].sort(() => next() - 0.5).slice(0, min + Math.floor(next() * (max - min + 1)));
  return { next, pick, some };
}

const context: RequestContext = {
  actor: {
    type: 'user',
    id: '00000000-0000-4000-8000-000000000002',
    name: 'bench.staff',
    displayName: '压测用户',
    role: 'department_officer',
    departmentId: null,
    regionId: null,
    regionScope: [],
    locale: 'zh-CN',
    identityVerified: false,
  },
  requestId: 'bench',
  ip: '127.0.0.1',
};

/** Generates the catalog: regions, departments, and `ENTRIES` published resources in batches. */
export async function generateCatalog(db: Kysely<DB>) {
  const city = await db
    .insertInto('regions')
    .values({ name: '重庆市', code: '500000', level: 'city' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const districts = await db
    .insertInto('regions')
    .values(
      DISTRICTS.map((name, i) => ({
        name,
        code: String(500101 + i),
        level: 'district' as const,
        parent_id: city.id,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const places = [{ id: city.id, name: '市' }, ...districts];
  const departments = await db
    .insertInto('departments')
    .values(
      places.flatMap((place) =>
        DEPARTMENTS.map(({ name }) => ({
          name: `${place.name}${name}`,
          credit_code: makeCreditCode(),
          region_id: place.id,
          kind: 'department' as const,
        })),
      ),
    )
    .returning(['id', 'name', 'region_id'])
    .execute();
  const classes = new Map(
    (await db.selectFrom('catalog_classes').select(['id', 'code', 'kind']).execute()).map((c) => [c.code, c]),
  );
  const rnd = random(20260101);
  for (let start = 0; start < ENTRIES; start += BATCH) {
    const specs = Array.from({ length: Math.min(BATCH, ENTRIES - start) }, (_, i) => {
      const index = start + i;
      const d = Math.floor(rnd.next() * departments.length);
      const department = departments[d]!;
      const { subjects, items } = DEPARTMENTS[d % DEPARTMENTS.length]!;
      const subject = rnd.pick(subjects);
      const form = rnd.pick(FORMS);
      const year = rnd.next() < 0.3 ? `${2019 + Math.floor(rnd.next() * 7)}年` : '';
      const place = rnd.next() < 0.4 ? (places.find((p) => p.id === department.region_id)?.name ?? '') : '';
      const itemNames = rnd.some(items, 4, 10);
      const cls = classes.get(rnd.pick(CLASS_CODES))!;
      const name = `${place === '市' ? '' : place}${year}${subject}${form}`;
      return {
        index,
        department,
        cls,
        name,
        abstract: `${department.name}掌握的${subject}${form}，包括${itemNames.join('、')}等，用于${rnd.pick(PURPOSES)}。`,
        items: itemNames,
        keywords: [subject, form],
        share: rnd.next() < 0.7 ? 'unconditional' : rnd.next() < 0.8 ? 'conditional' : 'none',
        open: rnd.next() < 0.3 ? 'unconditional' : rnd.next() < 0.4 ? 'conditional' : 'none',
        formats: rnd.some(FORMATS, 1, 3),
        cycle: rnd.pick(CYCLES),
        quality: 40 + Math.floor(rnd.next() * 61),
        modified: new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd.next() * 730 * 86_400_000)),
      } as const;
    });
    const resources = await db
      .insertInto('catalog_resources')
      .values(
        specs.map((s) => ({
          code: `${s.cls.code}/${String(s.index + 1).padStart(6, '0')}`,
          department_id: s.department.id,
          region_id: s.department.region_id,
          status: 'published',
        })),
      )
      .returning(['id', 'code'])
      .execute();
    const revisions = await db
      .insertInto('catalog_revisions')
      .values(
        specs.map((s, i) => ({
          resource_id: resources[i]!.id,
          number: 1,
          state: 'published' as const,
          class_id: s.cls.id,
          name: s.name,
          abstract: s.abstract,
          keywords: [...s.keywords],
          format_type: 'spreadsheet',
          formats: [...s.formats],
          share_type: s.share,
          open_type: s.open,
          share_methods: ['api'],
          open_methods: [],
          related_codes: [],
          security_level: 'general',
          update_cycle: s.cycle,
        })),
      )
      .returning('id')
      .execute();
    const entries: EntryInput[] = specs.map((s, i) => ({
      resource_id: resources[i]!.id,
      revision_id: revisions[i]!.id,
      code: resources[i]!.code,
      name: s.name,
      abstract: s.abstract,
      department_id: s.department.id,
      region_id: s.department.region_id,
      class_id: s.cls.id,
      class_kind: s.cls.kind,
      class_code: s.cls.code,
      share_type: s.share,
      open_type: s.open,
      format_type: 'spreadsheet',
      formats: [...s.formats],
      update_cycle: s.cycle,
      security_level: 'general',
      keywords: [...s.keywords],
      published_at: s.modified,
      modified_at: s.modified,
      version_number: 1,
      qualityScore: s.quality,
      searchParts: {
        name: s.name,
        keywords: [...s.keywords],
        abstract: s.abstract,
        items: s.items,
        provider: s.department.name,
        code: resources[i]!.code,
      },
    }));
    await upsertEntries(db, entries);
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** Runs `work` over the queries in turn for `seconds`; returns latencies in ms. */
async function latencies(seconds: number, work: (index: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < deadline; i++) {
    const started = performance.now();
    await work(i % QUERIES.length);
    times.push(performance.now() - started);
  }
  return times;
}

/** The baseline statement of a query: the same tsquery, a bare ranked SELECT of the top 20. */
function baselineSql(tsquery: string): string {
  const literal = `'${tsquery.replace(/'/g, "''")}'::tsquery`;
  return `SELECT resource_id, code, name FROM catalog_entries WHERE search_vector @@ ${literal} ORDER BY ts_rank(search_vector, ${literal}) DESC LIMIT 20;\n`;
}

/** pgbench over the query files (one client, a file chosen at random per run); latencies in ms. */
function pgbench(url: string, files: string[], seconds: number): number[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-search-log-'));
  try {
    const args = ['-n', '-c', '1', '-T', String(seconds), '-l', `--log-prefix=${path.join(dir, 'log')}`];
    execFileSync('pgbench', [...args, ...files.flatMap((file) => ['-f', file]), url], { stdio: 'pipe' });
    // Log lines: client, transaction, latency in µs, script, epoch, µs.
    return fs
      .readdirSync(dir)
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function hasPgbench(): boolean {
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Search at scale: `ENTRIES` generated published entries; p50/p95 of the share catalog search
 * service (segmentation, page query, facet query, audit insert) over 50 typical queries, against the
 * bare ranked SELECT of the same tsquery, run by pgbench on PostgreSQL (by the same client on
 * PGlite). The two alternate in rounds, so load from elsewhere falls on both alike.
 */
export async function benchCatalogSearch(): Promise<Measurement[]> {
  const database = await openTestDatabase();
  const db = database.db;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-search-bench-'));
  try {
    const started = performance.now();
    await generateCatalog(db);
    await sql`VACUUM ANALYZE catalog_entries`.execute(db);
    const generatedIn = (performance.now() - started) / 1000;

    const who: SearchContext = { context, locale: 'zh-CN', profile: loadProfile('cq19') };
    const search = (i: number) => searchShareCatalog(db, who, { q: QUERIES[i]!, pageSize: 20 });
    const statements: string[] = [];
    const matches: number[] = [];
    for (const [i, q] of QUERIES.entries()) {
      const tsquery = await sql<{ text: string }>`SELECT ${tsQuery(queryWords(q))}::text AS text`.execute(db);
      statements.push(baselineSql(tsquery.rows[0]!.text));
      matches.push((await search(i)).total);
    }
    if (process.env.BENCH_VERBOSE) console.log(`  matches per query: ${matches.join(' ')}`);
    const files = statements.map((statement, i) => {
      const file = path.join(dir, `q${i}.sql`);
      fs.writeFileSync(file, statement);
      return file;
    });
    let url: string | undefined;
    if (engineName() === 'postgres' && hasPgbench()) {
      const current = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db);
      const target = new URL(process.env.DATABASE_URL!);
      target.pathname = `/${current.rows[0]!.name}`;
      url = target.toString();
    }
    const baseline = (seconds: number) =>
      url
        ? Promise.resolve(pgbench(url, files, seconds))
        : latencies(seconds, (i) => sql.raw(statements[i]!).execute(db));

    // Warm-up of both (plans, caches), then alternating measured rounds.
    await latencies(1, search);
    await baseline(1);
    const ours: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(...(await latencies(ROUND_S, search)));
      bare.push(...(await baseline(ROUND_S)));
    }
    ours.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    const [ours50, ours95, bare50, bare95] = [
      percentile(ours, 0.5),
      percentile(ours, 0.95),
      percentile(bare, 0.5),
      percentile(bare, 0.95),
    ];
    const median = [...matches].sort((a, b) => a - b)[Math.floor(matches.length / 2)];
    const by = url ? `pgbench -n -c 1, one -f file per query` : 'the same client (no pgbench)';
    const runs = `${ROUNDS}×${ROUND_S} s alternating`;
    return [
      {
        name: 'catalog entries generated',
        value: ENTRIES,
        unit: 'entries',
        note: `in ${generatedIn.toFixed(0)} s; ${QUERIES.length} queries, median ${median} matches`,
      },
      { name: 'search service p50', value: ours50 * 1000, unit: 'µs', note: `${ours.length} runs, ${runs}` },
      {
        name: 'search service p95',
        value: ours95 * 1000,
        unit: 'µs',
        note: `goal ≤ 50 ms: ${ours95 <= 50 ? 'met' : 'NOT met'}; page + facets + audit`,
      },
      {
        name: 'bare tsquery SELECT p50',
        value: bare50 * 1000,
        unit: 'µs',
        note: `${bare.length} runs by ${by}`,
      },
      { name: 'bare tsquery SELECT p95', value: bare95 * 1000, unit: 'µs' },
      { name: 'search p95 ratio bare/service', value: bare95 / ours95, unit: 'ratio', goal: { min: 0.5 } },
      { name: 'search p50 ratio bare/service', value: bare50 / ours50, unit: 'ratio' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}
