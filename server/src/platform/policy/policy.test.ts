import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import type { Role } from './permissions.ts';
import { inDepartmentScope, requireDepartmentScope } from './policy.ts';

const actor = (role: Role, departmentId: string | null, regionScope: string[]): Actor => ({
  type: 'user',
  id: `u-${role}`,
  name: role,
  displayName: role,
  role,
  departmentId,
  regionId: regionScope[0] ?? null,
  regionScope,
  locale: 'zh-CN',
  identityVerified: false,
});

const cityPolice = { id: 'dept-police', regionId: 'city' };
const districtPolice = { id: 'dept-district-police', regionId: 'district' };
const refusal = (who: Actor, department: { id: string; regionId: string }) => {
  try {
    requireDepartmentScope(who, department);
    return null;
  } catch (error) {
    return (error as { status: number; code: string }) ?? null;
  }
};

describe('department scope', () => {
  it('lets an authority reach the departments of its region and those below, nothing else', () => {
    const city = actor('authority_officer', 'dept-authority', ['city', 'district']);
    const district = actor('authority_officer', 'dept-district-authority', ['district']);
    expect(inDepartmentScope(city, districtPolice)).toBe(true);
    expect(inDepartmentScope(district, districtPolice)).toBe(true);
    expect(inDepartmentScope(district, cityPolice)).toBe(false);
  });

  it('names the limit the refused caller has: its region for authorities and auditors, else its department', () => {
    const district = actor('authority_officer', 'dept-district-authority', ['district']);
    expect(refusal(district, cityPolice)).toMatchObject({ status: 403, code: 'policy.out_of_region_scope' });
    const auditor = actor('auditor', null, ['district']);
    expect(refusal(auditor, cityPolice)).toMatchObject({ status: 403, code: 'policy.out_of_region_scope' });
    const officer = actor('department_officer', 'dept-market', ['city']);
    expect(refusal(officer, cityPolice)).toMatchObject({
      status: 403,
      code: 'policy.out_of_department_scope',
    });
    expect(refusal(actor('department_officer', 'dept-police', ['city']), cityPolice)).toBeNull();
  });
});
