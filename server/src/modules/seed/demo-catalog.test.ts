import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../platform/profiles/profiles.ts';
import { checkResource, type RuleContext } from '../catalog/catalog.rules.ts';
import { ResourceInput, type ClassRef } from '../catalog/catalog.schemas.ts';
import {
  DEMO_DEPARTMENT_CLASSES,
  DEMO_RESOURCES,
  toResourceInput,
  type DemoResource,
} from './demo-catalog.ts';
import { DEMO_DEPARTMENTS } from './demo-data.ts';

const BASE = ['101', '102', '103', '104', '105'];
const THEMES = Array.from({ length: 12 }, (_, index) => String(201 + index));

// The classification as the seed finds it in the database: the migration's 项 plus the demo's.
const classes = new Map<string, ClassRef>();
function addClass(code: string, name: string, kind: ClassRef['kind'], top: string) {
  const id = `00000000-0000-4000-8000-${code.padStart(12, '0')}`;
  classes.set(code, { id, code, name, kind, path: [top, name], baseDatabase: null });
}
BASE.forEach((code) => addClass(code, `基础 ${code}`, 'base', '基础信息资源'));
THEMES.forEach((code) => addClass(code, `主题 ${code}`, 'theme', '主题信息资源'));
DEMO_DEPARTMENT_CLASSES.forEach((cls) => addClass(cls.code, cls.name, 'department', '部门信息资源'));

const profile = loadProfile('cq19');
const context: RuleContext = {
  profile,
  classOf: (id) => [...classes.values()].find((cls) => cls.id === id),
};

function inputOf(resource: DemoResource): ResourceInput {
  const classId = classes.get(resource.classCode)?.id ?? '00000000-0000-4000-8000-ffffffffffff';
  return toResourceInput(
    resource,
    classId,
    (resource.related ?? []).map((_, index) => `${resource.classCode}/${String(index + 1).padStart(6, '0')}`),
  );
}

const byName = new Map(DEMO_RESOURCES.map((resource) => [resource.name, resource]));
const count = (test: (resource: DemoResource) => boolean) => DEMO_RESOURCES.filter(test).length;

describe('demo catalog', () => {
  it('fits the API schema of a resource, field by field', () => {
    const failures = DEMO_RESOURCES.flatMap((resource) =>
      [...Value.Errors(ResourceInput, inputOf(resource))].map(
        (error) => `${resource.name} ${error.instancePath}: ${error.message}`,
      ),
    );
    expect(failures).toEqual([]);
    expect(DEMO_RESOURCES.every((resource) => Value.Check(ResourceInput, inputOf(resource)))).toBe(true);
  });

  it('passes the catalog rules of the cq19 profile, which do catch a broken copy', () => {
    const problems = DEMO_RESOURCES.flatMap((resource) =>
      checkResource(context, inputOf(resource)).map(
        (problem) => `${resource.name} ${problem.path}: ${problem.code}`,
      ),
    );
    expect(problems).toEqual([]);

    // The harness is not vacuous: a base resource shared on conditions without a basis is refused.
    const base = DEMO_RESOURCES.find((resource) => resource.classCode === '101');
    expect(base).toBeDefined();
    const broken = { ...inputOf(base as DemoResource), shareType: 'conditional' as const, shareBasis: null };
    const codes = checkResource(context, broken).map((problem) => problem.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'catalog.legal_basis_required',
        'catalog.share_condition_required',
        'catalog.base_must_be_unconditional',
      ]),
    );
  });

  it('has at least 64 resources with unique names and well-formed information items', () => {
    expect(DEMO_RESOURCES.length).toBeGreaterThanOrEqual(64);
    expect(byName.size).toBe(DEMO_RESOURCES.length);
    for (const resource of DEMO_RESOURCES) {
      const fields = resource.items.map((item) => item.fieldName);
      expect(new Set(fields).size, resource.name).toBe(fields.length);
      expect(resource.items.length, resource.name).toBeGreaterThanOrEqual(4);
      expect(resource.items.length, resource.name).toBeLessThanOrEqual(15);
      const keys = resource.items.filter((item) => item.isKey);
      expect(keys.length, resource.name).toBeLessThanOrEqual(1);
      expect(
        keys.every((item) => item.required),
        resource.name,
      ).toBe(true);
      for (const item of resource.items) {
        expect(item.fieldName, resource.name).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
        expect(item.description, `${resource.name}.${item.fieldName}`).toBeTruthy();
        if (item.dataType === 'C' || item.dataType === 'N') {
          expect(item.length, `${resource.name}.${item.fieldName}`).toBeGreaterThan(0);
        }
        if (item.dataType === 'N') expect(item.scale, `${resource.name}.${item.fieldName}`).toBeDefined();
      }
    }
  });

  it('marks citizen ID numbers and names as personal data', () => {
    const ids = DEMO_RESOURCES.flatMap((resource) =>
      resource.items.filter((item) => item.fieldName === 'gmsfhm'),
    );
    expect(ids.length).toBeGreaterThan(10);
    expect(
      ids.every((item) => item.dataType === 'C' && item.length === 18 && item.sensitivity === 'personal'),
    ).toBe(true);
    const names = DEMO_RESOURCES.flatMap((resource) =>
      resource.items.filter((item) => item.fieldName === 'xm'),
    );
    expect(names.every((item) => item.sensitivity === 'personal' && item.length === 50)).toBe(true);
    const creditCodes = DEMO_RESOURCES.flatMap((resource) =>
      resource.items.filter((item) => item.fieldName === 'tyshxydm'),
    );
    expect(creditCodes.every((item) => item.length === 18 && item.sensitivity === 'general')).toBe(true);
  });

  it('describes each resource well enough to be found: abstract, keywords, contact, coverage', () => {
    for (const resource of DEMO_RESOURCES) {
      expect(resource.abstract.length, resource.name).toBeGreaterThanOrEqual(50);
      expect(resource.abstract.split('。').filter(Boolean).length, resource.name).toBeLessThanOrEqual(3);
      expect(resource.keywords?.length ?? 0, resource.name).toBeGreaterThanOrEqual(3);
      expect(resource.keywords?.length ?? 0, resource.name).toBeLessThanOrEqual(6);
      expect(resource.contactName, resource.name).toBeTruthy();
      expect(resource.contactPhone, resource.name).toMatch(/^023-\d{8}$/);
      expect(resource.usageRequirements, resource.name).toBeTruthy();
      expect(resource.temporalStart, resource.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('covers every classification kind, share type and open type', () => {
    for (const code of BASE)
      expect(
        count((r) => r.classCode === code),
        code,
      ).toBeGreaterThanOrEqual(1);
    const themes = new Set(DEMO_RESOURCES.map((r) => r.classCode).filter((code) => THEMES.includes(code)));
    expect(themes.size).toBeGreaterThanOrEqual(8);
    for (const cls of DEMO_DEPARTMENT_CLASSES) {
      expect(
        count((r) => r.classCode === cls.code),
        cls.code,
      ).toBeGreaterThanOrEqual(1);
    }
    for (const type of ['unconditional', 'conditional', 'none'] as const) {
      expect(
        count((r) => r.shareType === type),
        `share ${type}`,
      ).toBeGreaterThanOrEqual(1);
      expect(
        count((r) => r.openType === type),
        `open ${type}`,
      ).toBeGreaterThanOrEqual(1);
    }
    expect(count((r) => r.openType === 'unconditional')).toBeGreaterThanOrEqual(18);
    expect(count((r) => r.openType === 'conditional')).toBeGreaterThanOrEqual(8);
    expect(count((r) => r.department === 'yuzhong.market')).toBeGreaterThanOrEqual(3);
  });

  it('shares every base resource unconditionally (CQ19 §25(2))', () => {
    const base = DEMO_RESOURCES.filter((r) => BASE.includes(r.classCode));
    expect(base.length).toBeGreaterThanOrEqual(5);
    expect(base.filter((r) => r.shareType !== 'unconditional').map((r) => r.name)).toEqual([]);
  });

  it('gives a legal basis to every restricted type, a condition to every conditional one, and fitting methods', () => {
    for (const r of DEMO_RESOURCES) {
      const restrictedShare = r.shareType !== 'unconditional';
      const restrictedOpen = r.openType !== 'unconditional';
      expect(!!r.shareBasis?.trim(), `${r.name} shareBasis`).toBe(restrictedShare);
      expect(!!r.openBasis?.trim(), `${r.name} openBasis`).toBe(restrictedOpen);
      expect(!!r.shareCondition?.trim(), `${r.name} shareCondition`).toBe(r.shareType === 'conditional');
      expect(!!r.openCondition?.trim(), `${r.name} openCondition`).toBe(r.openType === 'conditional');
      expect(r.shareMethods.length > 0, `${r.name} shareMethods`).toBe(r.shareType !== 'none');
      expect((r.openMethods ?? []).length > 0, `${r.name} openMethods`).toBe(r.openType !== 'none');
    }
    // Sensitive data open on conditions may be offered only as algorithm-model results.
    const health = byName.get('门诊和住院诊疗信息');
    expect(health?.openMethods).toEqual(['model']);
  });

  it('keeps personal and sensitive data out of the unconditionally open catalog and rates it by security level', () => {
    const levels = profile.catalog.securityLevels.map((level) => level.code);
    for (const r of DEMO_RESOURCES) {
      expect(levels, r.name).toContain(r.securityLevel);
      const sensitive = r.items.some((item) => item.sensitivity === 'sensitive');
      if (sensitive) expect(r.securityLevel, r.name).not.toBe('general');
      if (r.openType === 'unconditional') {
        expect(r.securityLevel, r.name).toBe('general');
        expect(sensitive, r.name).toBe(false);
        expect(
          r.items.some((item) => item.fieldName === 'gmsfhm'),
          r.name,
        ).toBe(false);
      }
    }
    expect(count((r) => r.securityLevel === 'core')).toBeGreaterThanOrEqual(1);
    expect(count((r) => r.securityLevel === 'core')).toBeLessThanOrEqual(5);
  });

  it('links related resources by name, both ways for the main pairs', () => {
    const links = DEMO_RESOURCES.flatMap((r) => (r.related ?? []).map((name) => [r.name, name] as const));
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const [from, to] of links) {
      expect(byName.has(to), `${from} → ${to}`).toBe(true);
      expect(to, from).not.toBe(from);
    }
    expect(byName.get('企业登记注册信息')?.related).toContain('营业执照电子证照');
    expect(byName.get('营业执照电子证照')?.related).toContain('企业登记注册信息');
    expect(byName.get('公交线路信息')?.related).toContain('公交站点信息');
    expect(byName.get('公交站点信息')?.related).toContain('公交线路信息');
  });

  it('names providers and classes that the seed knows', () => {
    const departments = new Map(DEMO_DEPARTMENTS.map((dep) => [dep.key, dep]));
    for (const r of DEMO_RESOURCES) {
      expect(departments.get(r.department)?.kind, `${r.name} ${r.department}`).toMatch(
        /^(department|enterprise)$/,
      );
      expect(classes.has(r.classCode), `${r.name} ${r.classCode}`).toBe(true);
    }
    const codes = DEMO_DEPARTMENT_CLASSES.map((cls) => cls.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => /^3\d{2}$/.test(code))).toBe(true);
    for (const cls of DEMO_DEPARTMENT_CLASSES) {
      expect(departments.get(cls.department)?.kind, cls.code).toMatch(/^(department|enterprise)$/);
    }
    // A department files its department-class resources under its own 项.
    const own = new Map(DEMO_DEPARTMENT_CLASSES.map((cls) => [cls.code, cls.department]));
    for (const r of DEMO_RESOURCES.filter((resource) => own.has(resource.classCode))) {
      expect(own.get(r.classCode), r.name).toBe(r.department);
    }
  });

  it('turns a demo resource into the input the catalog service takes', () => {
    const resource = byName.get('企业登记注册信息') as DemoResource;
    const input = toResourceInput(resource, classes.get('102')?.id ?? '', ['105/000001']);
    expect(input).not.toHaveProperty('department');
    expect(input).not.toHaveProperty('classCode');
    expect(input).not.toHaveProperty('related');
    expect(input.relatedCodes).toEqual(['105/000001']);
    expect(input.name).toBe('企业登记注册信息');
  });
});
