// The demo's sharing: after the catalog and pools, the demo departments' staff go through the real
// request flow so that the console has something to show — a granted unconditional request, a
// conditional one waiting for the police, one the police refused with its reason, and a dispute
// about a resource that is not shared. Each act runs as the demo user it stands for, with the
// request id `seed:demo-sharing` in its audit events, so the trail says the seed did it.
// Idempotent: an item whose request (or dispute) is already there is skipped.
import { addDays, todayInChina } from '../../platform/calendar/dates.ts';
import { regionWithDescendants } from '../../platform/auth/auth.repository.ts';
import { loadCalendar } from '../../platform/calendar/calendar.service.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor, RequestContext } from '../../platform/policy/actor.ts';
import type { Role } from '../../platform/policy/permissions.ts';
import type { Profile } from '../../platform/profiles/profile.schema.ts';
import {
  findDemoUser,
  findResourceIdByName,
  hasDisputeOn,
  hasRequestFor,
} from './demo-sharing.repository.ts';
import { raiseDispute } from '../sharing/disputes/disputes.service.ts';
import { decideRequest } from '../sharing/requests/requests.decisions.ts';
import { createRequest } from '../sharing/requests/requests.service.ts';

const MARKET_APP = '市场主体登记系统';

/** A demo request: who asks, for which resource (by name), and how the provider answers. */
interface DemoRequest {
  applicant: string;
  resource: string;
  application: string;
  purpose: string;
  legalBasis?: string;
  fields: string[];
  validDays: number;
  refusal?: { by: string; reason: string };
}

const DEMO_REQUESTS: DemoRequest[] = [
  {
    applicant: 'market.officer',
    resource: '人口基本信息',
    application: MARKET_APP,
    purpose: '企业设立登记时核验法定代表人身份',
    fields: ['gmsfhm', 'xm', 'xb', 'csrq'],
    validDays: 365,
  },
  {
    applicant: 'market.officer',
    resource: '机动车登记信息',
    application: '信用监管系统',
    purpose: '企业名下营运车辆核查（信用分级分类监管）',
    legalBasis: '《企业信息公示暂行条例》第十四条；《重庆市社会信用条例》',
    fields: ['clsbdh', 'hphm', 'syr', 'ccdjrq', 'jdczt'],
    validDays: 180,
  },
  {
    applicant: 'health.officer',
    resource: '户籍迁移信息',
    application: '出生医学证明管理系统',
    purpose: '签发出生医学证明时核验父母户籍',
    legalBasis: '《中华人民共和国母婴保健法》第二十三条',
    fields: ['gmsfhm', 'xm', 'qrdz', 'blrq'],
    validDays: 365,
    refusal: {
      by: 'police.officer',
      reason: '户籍迁移记录不能说明现户籍；核验父母户籍请直接使用无条件共享的「人口基本信息」（户籍地址）',
    },
  },
];

const DEMO_DISPUTE = {
  applicant: 'market.officer',
  resource: '刑事案件立案信息',
  reason:
    '审查企业法定代表人任职资格时须核实其是否因经济犯罪被立案（《中华人民共和国公司法》第一百七十八条），建议以“是否存在在办案件”的结论方式有条件共享',
};

/** The demo user `username` as an actor, with the context the seed acts in. */
async function contextOf(database: Database, username: string): Promise<RequestContext> {
  const user = await findDemoUser(database.db, username);
  const actor: Actor = {
    type: 'user',
    id: user.id,
    name: user.username,
    displayName: user.display_name,
    role: user.role as Role,
    departmentId: user.department_id,
    regionId: user.region_id,
    regionScope: user.region_id ? await regionWithDescendants(database.db, user.region_id) : [],
    locale: 'zh-CN',
    identityVerified: false,
  };
  return { actor, requestId: 'seed:demo-sharing', ip: null };
}

/**
 * Files the demo requests and the demo dispute that are not there yet; returns how many it made.
 * Resources missing from the catalog are skipped (a catalog without them seeds less).
 */
export async function seedDemoSharing(database: Database, profile: Profile): Promise<number> {
  const db = database.db;
  const env = { profile, calendar: await loadCalendar(db) };
  let made = 0;
  for (const demo of DEMO_REQUESTS) {
    const id = await findResourceIdByName(db, demo.resource);
    if (!id || (await hasRequestFor(db, id, demo.purpose))) continue;
    const context = await contextOf(database, demo.applicant);
    const requestId = await createRequest(db, context, env, {
      resourceId: id,
      application: demo.application,
      purpose: demo.purpose,
      legalBasis: demo.legalBasis,
      fields: demo.fields,
      rowScope: [],
      validUntil: addDays(todayInChina(), demo.validDays),
    });
    if (demo.refusal)
      await decideRequest(db, await contextOf(database, demo.refusal.by), env, requestId, {
        decision: 'refuse',
        reason: demo.refusal.reason,
      });
    made += 1;
  }
  const disputed = await findResourceIdByName(db, DEMO_DISPUTE.resource);
  if (disputed && !(await hasDisputeOn(db, disputed))) {
    await raiseDispute(db, await contextOf(database, DEMO_DISPUTE.applicant), env, {
      resourceId: disputed,
      reason: DEMO_DISPUTE.reason,
    });
    made += 1;
  }
  return made;
}
