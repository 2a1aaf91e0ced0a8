import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import {
  approvedApplication,
  call,
  conditionalWorld,
  createOpenTestApp,
  verifiedApplicant,
  type ConditionalWorld,
} from '../applications/applications.fixtures.ts';
import { sign, signBoth } from './agreements.fixtures.ts';

// What the profile decides about agreements: under cq18 no agreement is signed (CQ18 §24: the
// record of terms is in force at once); under sc both sides sign but the authority does not review.

describe('under cq18 (no signatures: the agreement is a record of terms, in force at once)', () => {
  let t: TestApp;
  let w: ConditionalWorld;
  beforeAll(async () => {
    t = await createOpenTestApp('cq18');
    w = await conditionalWorld(t);
  });
  afterAll(() => t.close());

  it('is active on approval, takes no signature, and opens the agreed data', async () => {
    const user = await verifiedApplicant(t);
    const approved = await approvedApplication(t, w, user.session);
    expect(approved.agreementState).toBe('active');
    const shown = await call(t, user.session, 'GET', `/open/agreements/${approved.agreementId}`);
    expect(shown.body).toMatchObject({
      status: 'active',
      signaturesRequired: false,
      reviewRequired: false,
      signatures: [],
      awaitingSignatureOf: [],
      feedback: { overdue: false },
    });
    const signed = await sign(t, user.session, approved.agreementId);
    expect([signed.status, signed.body.code]).toEqual([409, 'open.agreement.not_signable']);
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/open/datasets/${w.dataset.id}/download`,
      headers: user.session.read,
    });
    expect(download.statusCode, download.body).toBe(200);
    expect(download.body.split('\n')[0]).toBe('xlbh,ssqx');
  });

  it('its package verifies as registered, valid and without signatures', async () => {
    const user = await verifiedApplicant(t);
    const { agreementId } = await approvedApplication(t, w, user.session);
    const pkg = await call(t, user.session, 'GET', `/open/agreements/${agreementId}/signed`);
    const checked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open/agreements/verify',
      payload: pkg.body,
    });
    expect(checked.json()).toMatchObject({ registered: true, valid: true, complete: false, signatures: [] });
  });
});

describe('under sc (both sides sign; no review by the authority)', () => {
  let t: TestApp;
  let w: ConditionalWorld;
  beforeAll(async () => {
    t = await createOpenTestApp('sc');
    w = await conditionalWorld(t);
  });
  afterAll(() => t.close());

  it('is in force once both sides signed, and there is nothing to review', async () => {
    const user = await verifiedApplicant(t);
    const { agreementId } = await approvedApplication(t, w, user.session);
    const signed = await signBoth(t, w, user.session, agreementId);
    expect(signed.body).toMatchObject({ status: 'active', reviewRequired: false, review: null });
    const review = await call(t, w.sessions.authority, 'POST', `/open/agreements/${agreementId}/review`, {
      decision: 'approve',
    });
    expect([review.status, review.body.code]).toEqual([409, 'open.agreement.not_reviewable']);
  });
});
