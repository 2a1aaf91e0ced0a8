-- The security and secrecy officer (安全保密管理员): a department's person who records secrecy
-- reviews (CQ19 §41) and keeps incidents, plans, drills and risk assessments (CQ19 §43–44).
-- Like the other department roles it belongs to a department.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('platform_admin', 'authority_officer',
  'department_officer', 'department_head', 'security_officer', 'auditor', 'expert', 'public_user'));

-- The unnamed "department roles need a department" check of 0001 is found by its text, since
-- its generated name is not part of the schema's contract.
DO $$
DECLARE
  found text;
BEGIN
  SELECT conname INTO found FROM pg_constraint
   WHERE conrelid = 'users'::regclass AND contype = 'c'
     AND pg_get_constraintdef(oid) LIKE '%department_officer%department_id IS NOT NULL%';
  EXECUTE format('ALTER TABLE users DROP CONSTRAINT %I', found);
END $$;
ALTER TABLE users ADD CONSTRAINT users_department_role_needs_department CHECK (
  role NOT IN ('department_officer', 'department_head', 'security_officer', 'authority_officer')
  OR department_id IS NOT NULL);
