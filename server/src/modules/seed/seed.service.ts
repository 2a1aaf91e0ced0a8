import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { hashPassword, randomPassword } from '../../platform/auth/secrets.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { creditCodeCheckChar } from '../../platform/identifiers/credit-code.ts';
import { operatorContext, type RequestContext } from '../../platform/policy/actor.ts';
import type { Profile } from '../../platform/profiles/profile.schema.ts';
import { publishInitialCatalog } from '../catalog/catalog.seed.ts';
import { insertDepartment } from '../org/departments.repository.ts';
import { insertRegion } from '../org/regions.repository.ts';
import { insertUser } from '../org/users.repository.ts';
import { DEMO_DEPARTMENT_CLASSES, DEMO_RESOURCES } from './demo-catalog.ts';
import { DEMO_DEPARTMENTS, DEMO_REGIONS, DEMO_USERS } from './demo-data.ts';
import { seedDemoPools } from './demo-pools.ts';
import { seedDemoSharing } from './demo-sharing.ts';

/** Who can sign in after seeding, with the passwords (shown once; only hashes are stored). */
export interface SeedCredentials {
  admin: { username: string; password: string };
  demoPassword: string;
  demoUsers: { username: string; displayName: string; role: string }[];
}

/** A synthetic but valid credit code for a demo government body: 11 + region + MB + number. */
function demoCreditCode(regionCode: string, index: number): string {
  const first17 = `11${regionCode}MB${String(index).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

/** Whether the database holds no regions and no users yet. */
async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await sql<{
    n: number;
  }>`SELECT (SELECT count(*) FROM regions) + (SELECT count(*) FROM users) AS n`.execute(db);
  return Number(row.rows[0]?.n ?? 0) === 0;
}

/** Publishes the demo catalog (department classes and resources) as the first catalog version. */
function seedDemoCatalog(
  trx: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  departmentIds: Map<string, { id: string }>,
) {
  const idOf = (key: string) => {
    const department = departmentIds.get(key);
    if (!department) throw new Error(`demo catalog: unknown department ${key}`);
    return department.id;
  };
  return publishInitialCatalog(trx, context, profile, {
    note: '演示目录（初始发布）',
    // The demo catalog's share and open attributes count as reviewed (保密审查), so the demo portal,
    // CKAN and DCAT show data; each review is recorded and audited like a reviewer's decision.
    reviewedNote: '演示目录：共享、开放属性已通过保密审查（演示数据）',
    classes: DEMO_DEPARTMENT_CLASSES.map(({ code, name }) => ({ code, name, parentCode: '3' })),
    resources: DEMO_RESOURCES.map(({ department, classCode, related, ...input }) => ({
      departmentId: idOf(department),
      classCode,
      related,
      input,
    })),
  });
}

/**
 * Seeds the demo deployment (Chongqing, its districts, the authority, departments, a user of every
 * role and a published catalog) when the database is empty, in one transaction; then loads
 * generated rows into some demo resources' pools and files the demo share requests and dispute.
 * Returns the credentials, or null when there was data already.
 */
export async function seedDemoIfEmpty(
  database: Database,
  passwords: { admin?: string; demo?: string },
  profile: Profile,
): Promise<SeedCredentials | null> {
  const db = database.db;
  if (!(await isEmpty(db))) return null;
  const adminPassword = passwords.admin ?? randomPassword();
  const demoPassword = passwords.demo ?? randomPassword();
  const [adminHash, demoHash] = await Promise.all([hashPassword(adminPassword), hashPassword(demoPassword)]);
  const context = operatorContext('seed');

  const seeded = await db.transaction().execute(async (trx) => {
    // Another instance may have seeded meanwhile; the lock makes the check and the seed one step.
    await sql`SELECT pg_advisory_xact_lock(hashtext('zhengshu.seed'))`.execute(trx);
    if (!(await isEmpty(trx))) return false;
    const regionIds = new Map<string, string>();
    for (const region of DEMO_REGIONS) {
      const parentId = region.parent ? regionIds.get(region.parent)! : null;
      regionIds.set(
        region.code,
        await insertRegion(trx, { code: region.code, name: region.name, level: region.level, parentId }),
      );
    }
    const departmentIds = new Map<string, { id: string; regionId: string }>();
    for (const [index, department] of DEMO_DEPARTMENTS.entries()) {
      const regionId = regionIds.get(department.region)!;
      const id = await insertDepartment(trx, {
        name: department.name,
        shortName: department.shortName ?? null,
        creditCode: demoCreditCode(department.region, index + 1),
        regionId,
        parentId: null,
        kind: department.kind,
      });
      departmentIds.set(department.key, { id, regionId });
    }
    const base = { email: null, phone: null, personType: null, identityNumber: null } as const;
    await insertUser(trx, {
      ...base,
      username: 'admin',
      displayName: '平台管理员',
      role: 'platform_admin',
      regionId: null,
      departmentId: null,
      passwordHash: adminHash,
    });
    for (const user of DEMO_USERS) {
      const department = user.department ? departmentIds.get(user.department)! : undefined;
      await insertUser(trx, {
        ...base,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        departmentId: department?.id ?? null,
        regionId: department?.regionId ?? (user.region ? regionIds.get(user.region)! : null),
        passwordHash: demoHash,
      });
    }
    const catalog = await seedDemoCatalog(trx, context, profile, departmentIds);
    await recordAudit(trx, context, {
      action: 'system.seed_demo',
      detail: {
        regions: DEMO_REGIONS.length,
        departments: DEMO_DEPARTMENTS.length,
        users: DEMO_USERS.length + 1,
        catalogResources: catalog.added,
      },
    });
    return true;
  });
  if (!seeded) return null;
  // Loading takes its own transactions (COPY, one batch per resource), after the catalog that made
  // the tables is committed; a seed cut short here leaves empty pools, which a load fills later.
  await seedDemoPools(database, context);
  // Then the sharing flow's examples (requests, a refusal, a dispute) through the real services.
  await seedDemoSharing(database, profile);
  return {
    admin: { username: 'admin', password: adminPassword },
    demoPassword,
    demoUsers: DEMO_USERS.map(({ username, displayName, role }) => ({ username, displayName, role })),
  };
}
