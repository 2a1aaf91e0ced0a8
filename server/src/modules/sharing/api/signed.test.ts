import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, prepareCliDatabase } from '../../../../../cli/cli-test-support.ts';
import { activateSigningKey } from '../../../platform/crypto/signing-keys.repository.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { api, apiWorld, call } from './api.fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof apiWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await apiWorld(t, 4);
}, 180_000); // publishing, loading and granting take a while on a loaded machine
afterAll(() => t.close());

const verify = (envelope: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/security/signatures/verify', payload: envelope as object });

describe('legal equivalence (CQ19 §28): signed records', () => {
  it('answers the SM2-signed envelope of the record that the verify endpoint accepts', async () => {
    const company = world.companies[1]!;
    const url = api(world.licence.code, `/records/${company.tyshxydm}`);
    const signed = await call(t, world.key, `${url}?signed=true`);
    expect(signed.statusCode).toBe(200);
    expect(signed.headers['content-type']).toContain('application/vnd.zhengshu.signed+json');
    const envelope = signed.json();
    expect(envelope).toMatchObject({
      format: 'zhengshu-signed/1',
      alg: 'SM2-SM3',
      keyId: t.app.platform.signer.key.keyId,
      payload: {
        resourceCode: world.licence.code,
        grantId: world.licenceGrant.id,
        key: { tyshxydm: company.tyshxydm },
        record: { tyshxydm: company.tyshxydm, qymc: company.qymc, clrq: company.clrq },
        disputed: false,
      },
    });
    // What is signed is what an unsigned lookup serves (but the time it was served).
    const plain = (await call(t, world.key, url)).json();
    expect({ ...envelope.payload, servedAt: plain.servedAt }).toEqual(plain);
    const verdict = await verify(envelope);
    expect(verdict.statusCode).toBe(200);
    expect(verdict.json()).toMatchObject({ valid: true, alg: 'SM2-SM3', keyStatus: 'current' });
    // Altered data no longer verifies.
    const altered = {
      ...envelope,
      payload: { ...envelope.payload, record: { ...envelope.payload.record, qymc: '别的公司' } },
    };
    const refused = await verify(altered);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'signing.bad_signature' });
  });

  it('signs on Accept: application/vnd.zhengshu.signed+json too, and `zhengshu verify` accepts the file', async () => {
    const company = world.companies[2]!;
    const response = await call(
      t,
      world.key,
      api(world.licence.code, `/records/${company.tyshxydm}`),
      undefined,
      {
        accept: 'application/vnd.zhengshu.signed+json',
      },
    );
    expect(response.statusCode).toBe(200);
    const envelope = response.json();
    expect(envelope.signature).toEqual(expect.any(String));
    // The command line checks against the keys published in its database: publish ours there.
    const target = await prepareCliDatabase('share-signed');
    try {
      const database = await target.open();
      await activateSigningKey(database.db, t.app.platform.signer.key);
      await database.close();
      const file = path.join(target.dir, 'record.json');
      fs.writeFileSync(file, response.body);
      const valid = await cli(['verify', file]);
      expect(valid.code).toBe(0);
      expect(valid.out).toContain('signature valid: SM2-SM3');
      fs.writeFileSync(file, response.body.replace(company.qymc, '别的公司'));
      expect((await cli(['verify', file])).code).toBe(1);
    } finally {
      await target.dispose();
    }
  }, 120_000);
});
