import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestApp, testConfig } from '../../test/test-app.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { DEADLINE_KEYS } from './profile.schema.ts';
import { loadProfile, PROFILES_DIR, ProfileError, validateProfile } from './profiles.ts';

const shipped = ['cq19', 'cq18', 'sc'];
const read = (id: string) => JSON.parse(fs.readFileSync(path.join(PROFILES_DIR, `${id}.json`), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-profiles-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function messageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    return (error as Error).message;
  }
  throw new Error('expected a ProfileError');
}

describe('shipped profiles', () => {
  it.each(shipped)('%s validates and defines every deadline key (a rule or null, never 0)', (id) => {
    const profile = loadProfile(id);
    expect(profile.id).toBe(id);
    for (const key of DEADLINE_KEYS) {
      const rule = profile.deadlines[key];
      expect(rule === null || rule.workdays > 0).toBe(true);
    }
  });

  it('carries the numbers of REQUIREMENTS §1 with their articles', () => {
    const cq19 = loadProfile('cq19');
    expect(cq19.deadlines.catalogUpdateRequest).toMatchObject({ workdays: 10, article: 'CQ19 §14' });
    expect(cq19.deadlines.catalogUpdateReview).toMatchObject({ workdays: 5, article: 'CQ19 §14' });
    expect(cq19.deadlines.correctionReply).toEqual({
      workdays: 10,
      article: 'CQ19 §19',
      extension: { workdays: 10, approver: 'department_head', article: 'CQ19 §19' },
    });
    expect(cq19.deadlines.openCatalogCorrectionReply?.extension?.workdays).toBe(10);
    expect(cq19.deadlines.conditionalOpenReply).toMatchObject({ workdays: 10, article: 'CQ19 §33' });
    expect(cq19.deadlines.conditionalShareReply).toBeNull();
    expect(cq19.deadlines.catalogReport).toBeNull();
    expect(cq19.procedures.openAgreementAuthorityReview).toEqual({ required: true, article: 'CQO §24' });
    expect(cq19.annualReports.authority).toEqual({ byEndOfMonth: 2, article: 'CQ19 §47' });

    const cq18 = loadProfile('cq18');
    expect(cq18.deadlines.catalogUpdateRequest).toMatchObject({ workdays: 15, article: 'CQ18 §9' });
    expect(cq18.deadlines.catalogReport).toMatchObject({ workdays: 10, article: 'CQ18 §10' });
    expect(cq18.deadlines.correctionReply?.extension).toMatchObject({ workdays: 15, article: 'CQ18 §20' });
    expect(cq18.deadlines.conditionalShareReply).toMatchObject({ workdays: 10, article: 'CQ18 §19' });
    expect(cq18.deadlines.conditionalOpenReply).toMatchObject({
      workdays: 15,
      extension: { workdays: 15 },
    });
    expect(cq18.procedures.openAgreementAuthorityReview.required).toBe(false);

    const sc = loadProfile('sc');
    expect(Object.values(sc.deadlines).every((rule) => rule === null)).toBe(true);
    expect(sc.procedures.conditionalShareAuthorityGrant).toEqual({ required: true, article: 'SC §25' });
    expect(sc.procedures.openAgreement).toEqual({ required: true, article: 'SC §33' });
    expect(sc.categories.share.conditional['zh-CN']).toBe('有条件共享');
  });
});

describe('catalog rules per profile', () => {
  it('asks for a legal basis where each regulation does, and allows supplementary catalogs only in sc', () => {
    const cq19 = loadProfile('cq19').catalog;
    expect(cq19.legalBasis.share).toEqual({ types: ['conditional', 'none'], article: 'CQ19 §25' });
    expect(cq19.legalBasis.open).toEqual({ types: ['conditional', 'none'], article: 'CQ19 §31' });
    expect(cq19.baseResourcesUnconditionallyShared).toEqual({ required: true, article: 'CQ19 §25' });
    expect(cq19.supplementaryCatalogs.required).toBe(false);
    const cq18 = loadProfile('cq18').catalog;
    expect(cq18.legalBasis.share.article).toBe('CQ18 §17');
    expect(cq18.legalBasis.open.types).toEqual([]);
    expect(cq18.projectCatalog).toEqual({ required: true, article: 'CQ18 §38' });
    const sc = loadProfile('sc').catalog;
    expect(sc.legalBasis.share).toEqual({ types: ['none'], article: 'SC §23' });
    expect(sc.supplementaryCatalogs).toEqual({ required: true, article: 'SC §9' });
    for (const id of shipped) {
      const rule = loadProfile(id).catalog.resourceCode;
      expect(new RegExp(rule.pattern).test(rule.example)).toBe(true);
    }
  });

  it('marks a deadline the deployment chose where the article fixes none', () => {
    expect(loadProfile('cq19').deadlines.demandReply).toMatchObject({
      workdays: 10,
      article: 'CQ19 §12',
      policy: true,
    });
    expect(loadProfile('cq18').deadlines.demandReply).toBeNull();
  });
});

describe('broken profiles', () => {
  it('names the field holding a string where a number goes', () => {
    const broken = read('cq19');
    broken.deadlines.correctionReply.workdays = '10';
    expect(messageOf(() => validateProfile('cq19', broken))).toContain(
      'profile cq19: /deadlines/correctionReply/workdays must be integer',
    );
  });

  it('names a missing field, an unknown field and a zero deadline', () => {
    const missing = read('cq18');
    delete missing.deadlines.catalogReport;
    expect(messageOf(() => validateProfile('cq18', missing))).toContain(
      '/deadlines/catalogReport is required',
    );
    const extra = read('sc');
    extra.deadlines.surprise = null;
    expect(messageOf(() => validateProfile('sc', extra))).toContain(
      '/deadlines/surprise is not a known field',
    );
    const zero = read('cq19');
    zero.deadlines.catalogUpdateReview.extension = {
      workdays: 0,
      approver: 'department_head',
      article: 'CQ19 §14',
    };
    expect(messageOf(() => validateProfile('cq19', zero))).toContain(
      '/deadlines/catalogUpdateReview/extension/workdays',
    );
  });

  it('refuses an unknown profile id and a file whose id differs from its name', () => {
    expect(messageOf(() => loadProfile('nowhere'))).toMatch(/no such profile.*known: .*cq19/);
    expect(messageOf(() => loadProfile('../etc/passwd'))).toContain('profile id');
    fs.writeFileSync(path.join(tmp, 'other.json'), JSON.stringify(read('cq19')));
    expect(messageOf(() => loadProfile('other', tmp))).toContain('/id must be "other"');
    fs.writeFileSync(path.join(tmp, 'bad.json'), '{ not json');
    expect(messageOf(() => loadProfile('bad', tmp))).toContain('not valid JSON');
  });

  it('stops the app from being built on a bad profile', async () => {
    const database = await openTestDatabase();
    try {
      await expect(buildApp({ database, config: testConfig({ profileId: 'nowhere' }) })).rejects.toThrow(
        /profile nowhere/,
      );
    } finally {
      await database.close();
    }
  });
});

describe('GET /api/v1/profile', () => {
  it('shows the active profile to anyone', async () => {
    const t = await createTestApp({ config: { profileId: 'cq18' } });
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/profile' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id: 'cq18',
        deadlines: { catalogUpdateRequest: { workdays: 15 } },
      });
    } finally {
      await t.close();
    }
  });
});
