-- The request flow of sharing (共享申请, 答复, 开通; 异议). 0020 made the tables; the flow needs a little
-- more of them:
-- * a conditional request's case is the provider's reply (CQ18 §19: 10 working days to answer), so
--   it closes when the provider answers. Where the authority then opens access (SC §25) the request
--   waits in 'awaiting_authority' outside the case, so a late opening is never counted against the
--   provider's deadline. The states 'approved' and 'partially_approved' of 0020 are never entered:
--   an approval leads to a grant or to 'awaiting_authority', and what was approved is in `decision`.
-- * the provider's decision is recorded as such (approve / approve in part / refuse) with the masking
--   per item it set, which the authority's opening starts from;
-- * who opened access and who withdrew, and when;
-- * indexes for the authority's views of its region (requests and grants by region).

ALTER TABLE share_requests DROP CONSTRAINT share_requests_state_check;
ALTER TABLE share_requests ADD CONSTRAINT share_requests_state_check
  CHECK (state IN ('submitted', 'awaiting_authority', 'granted', 'refused', 'withdrawn'));

ALTER TABLE share_requests
  ADD COLUMN decision text CHECK (decision IN ('approve', 'approve_in_part', 'refuse')),
  ADD COLUMN decided_masking jsonb,
  ADD COLUMN opened_by uuid REFERENCES users (id),
  ADD COLUMN opened_at timestamptz,
  ADD COLUMN withdrawn_by uuid REFERENCES users (id),
  ADD COLUMN withdrawn_at timestamptz;
-- A partial approval says why, as a refusal does (CQ18 §19, CQ19 §25).
ALTER TABLE share_requests ADD CONSTRAINT share_requests_partial_reason
  CHECK (decision IS DISTINCT FROM 'approve_in_part' OR decision_reason IS NOT NULL);

CREATE INDEX share_requests_provider_region ON share_requests (provider_region_id, created_at DESC);
CREATE INDEX share_requests_applicant_region ON share_requests (applicant_region_id, created_at DESC);
CREATE INDEX share_grants_provider_region ON share_grants (provider_region_id, created_at DESC);
CREATE INDEX share_grants_consumer_region ON share_grants (consumer_region_id, created_at DESC);
CREATE INDEX share_disputes_provider ON share_disputes (provider_department_id, created_at DESC);
CREATE INDEX share_disputes_case ON share_disputes (case_id);
