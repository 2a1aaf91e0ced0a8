/** Roles of people and machines (REQUIREMENTS §0). */
export const ROLES = [
  'platform_admin',
  'authority_officer',
  'department_officer',
  'department_head',
  'security_officer',
  'auditor',
  'expert',
  'public_user',
] as const;
/** A person's role. */
export type UserRole = (typeof ROLES)[number];
/** A department's application calling with an API key acts in this role. */
export type Role = UserRole | 'department_application';

/**
 * Every permission a route can declare. `public` needs no sign-in; `authenticated` needs a
 * signed-in person or application. The rest are granted to roles below, then narrowed by scope
 * (region / department) in the policy functions.
 */
export const PERMISSIONS = [
  'public',
  'authenticated',
  'self.manage', // own password, sessions
  'org.read',
  'org.region.manage',
  'org.department.manage',
  'org.user.manage',
  'apikey.manage',
  'audit.read',
  'calendar.manage',
  'case.read',
  'case.extension.request',
  'case.extension.approve',
  'catalog.read',
  'catalog.compile',
  'catalog.review',
  'catalog.publish',
  'catalog.class.manage',
  'catalog.demand.suggest', // the public suggests data to open (CQO §14)
  'open.data', // an identity-authenticated public user downloads or calls open data (CQ19 §33, CQO §23)
  'open.key.manage', // a public user's own personal API keys for the open-data API
  'open.apply', // apply for conditionally open data, sign the own agreement, file usage feedback (CQO §24–25)
  'open.application.read', // applications and agreements for the own department's data (or the region's)
  'open.application.answer', // answer applications and sign agreements for the own department's data
  'open.agreement.review', // the authority reviews a signed agreement before access opens (CQO §24)
  'open.objection.file', // object that an open dataset infringes privacy or trade secrets, with evidence (CQO §41)
  'open.objection.read', // objections and suspensions of the own department's open data (or the region's)
  'open.agreement.supervise', // suspend a user's agreement for breach, demand rectification, terminate (CQO §39)
  'open.participate', // rate and comment, submit a showcase entry, ask for catalog or data corrections, give opinions (CQ19 §32/§37, CQO §22/§30)
  'open.participation.answer', // answer corrections and error reports on the own department's open data; hide abusive comments on it
  'open.participation.manage', // the authority: review showcase entries, answer opinions and requests to open, moderate comments in its region
  'open.statistics.read', // use of the own department's open data (or the region's): downloads, calls, users, agreements
  'open.emergency.manage', // declare a public emergency, open datasets under it, decide their deletion or retention (CQO §27)
  'open.emergency.read', // emergencies of the region and the own department's datasets opened under them
  'open.publish', // an organisation's account publishes its own dataset on the portal (CQO §31)
  'open.contribution.review', // the authority reviews organisations' datasets before they appear
  'open.suspension.manage', // suspend an open dataset and decide its outcome (provider; the authority in its region)
  'catalog.project.manage', // the authority keeps the IT project list (CQ19 §48)
  'pool.read', // pool tables, batches and reports (no row values)
  'pool.data.read', // row values of the own department's pool
  'pool.load', // load files, push rows, restore versions (own department)
  'pool.migrate', // apply a table change the catalog asks for (own department)
  'pool.correction.report', // report a suspected error on a record of another's pool (CQ19 §19)
  'pool.correction.answer', // accept or reject reports on the own department's pool
  'pool.return', // receive records an upper-level platform sends back (回流; authority of the region)
  'pool.basedb.manage', // base-item sources, base database builds, theme databases (the data authority)
  'security.masking.read', // masking rules, masked previews and k-anonymity checks of the own department
  'security.masking.manage', // set masking (脱敏) rules on the own department's information items
  'security.review.read', // secrecy reviews (保密审查) of the own department / region
  'security.review.decide', // record a secrecy review's outcome (the department's security officer)
  'security.incident.read', // incidents, emergency plans, drills, risk assessments
  'security.incident.manage', // register and update them (own department; the authority for its region)
  'security.assessment.opinion', // give an expert opinion on a risk assessment (CQO §37(4))
  'security.encryption.read', // which columns are encrypted at rest, key versions, rotation progress
  'security.encryption.manage', // encrypt an item's column at rest (own department)
  'security.keys.manage', // rotate the data keys (the platform administrator)
  'share.read', // the share catalog, requests, grants and usage the caller is party to (or its region's)
  'share.request', // ask for a shared resource for an own application; raise a dispute (异议)
  'share.answer', // answer requests for the own department's resources
  'share.grant.revoke', // revoke a grant: on the own department's resources, or (authority) in its region
  'share.grant.open', // open access after the provider's consent where the profile says so (SC §25)
  'share.dispute.coordinate', // coordinate and close disputes between departments (CQ19 §27)
  'share.data', // read shared data through the sharing API under a grant (a department's application)
] as const;
/** A permission a route declares. */
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  platform_admin: [
    'self.manage',
    'org.read',
    'org.region.manage',
    'org.department.manage',
    'org.user.manage',
    'apikey.manage',
    'audit.read',
    'calendar.manage',
    'case.read',
    'catalog.read',
    'catalog.class.manage',
    'pool.read',
    'pool.return',
    'security.incident.read',
    'security.encryption.read',
    'security.keys.manage',
    'share.read',
  ],
  authority_officer: [
    'self.manage',
    'org.read',
    'org.department.manage',
    'org.user.manage',
    'apikey.manage',
    'case.read',
    'case.extension.request',
    'catalog.read',
    'catalog.compile',
    'catalog.review',
    'catalog.publish',
    'catalog.class.manage',
    'catalog.project.manage',
    'pool.read',
    'pool.return',
    'pool.basedb.manage',
    'security.masking.read',
    'security.review.read',
    'security.incident.read',
    'security.incident.manage',
    'security.encryption.read',
    'share.read',
    'share.grant.open',
    'share.grant.revoke',
    'share.dispute.coordinate',
    'open.application.read',
    'open.agreement.review',
    'open.objection.read',
    'open.suspension.manage',
    'open.contribution.review',
    'open.emergency.manage',
    'open.emergency.read',
    'open.statistics.read',
    'open.participation.manage',
    'open.agreement.supervise',
  ],
  department_officer: [
    'self.manage',
    'org.read',
    'apikey.manage',
    'case.read',
    'case.extension.request',
    'catalog.read',
    'catalog.compile',
    'pool.read',
    'pool.data.read',
    'pool.load',
    'pool.migrate',
    'pool.correction.report',
    'pool.correction.answer',
    'security.masking.read',
    'security.masking.manage',
    'security.review.read',
    'security.incident.read',
    'security.incident.manage',
    'security.encryption.read',
    'security.encryption.manage',
    'share.read',
    'share.request',
    'share.answer',
    'share.grant.revoke',
    'open.application.read',
    'open.application.answer',
    'open.objection.read',
    'open.suspension.manage',
    'open.emergency.read',
    'open.statistics.read',
    'open.participation.answer',
    'open.agreement.supervise',
  ],
  // The head is the only one who may approve a deadline extension (CQ19 §19/§32/§33).
  department_head: [
    'self.manage',
    'org.read',
    'apikey.manage',
    'case.read',
    'case.extension.request',
    'case.extension.approve',
    'catalog.read',
    'catalog.compile',
    'pool.read',
    'pool.data.read',
    'pool.load',
    'pool.migrate',
    'pool.correction.report',
    'pool.correction.answer',
    'security.masking.read',
    'security.masking.manage',
    'security.review.read',
    'security.incident.read',
    'security.incident.manage',
    'security.encryption.read',
    'security.encryption.manage',
    'share.read',
    'share.request',
    'share.answer',
    'share.grant.revoke',
    'open.application.read',
    'open.application.answer',
    'open.objection.read',
    'open.suspension.manage',
    'open.emergency.read',
    'open.statistics.read',
    'open.participation.answer',
    'open.agreement.supervise',
  ],
  // A department's (or an authority's) security and secrecy officer (安全保密管理员): records secrecy
  // reviews (CQ19 §41, CQ18 §30), keeps incidents, plans, drills and risk assessments (CQ19 §43–44).
  security_officer: [
    'self.manage',
    'org.read',
    'case.read',
    'case.extension.request',
    'catalog.read',
    'pool.read',
    'security.masking.read',
    'security.masking.manage',
    'security.review.read',
    'security.review.decide',
    'security.incident.read',
    'security.incident.manage',
    'security.encryption.read',
    'security.encryption.manage',
  ],
  auditor: [
    'self.manage',
    'org.read',
    'audit.read',
    'case.read',
    'catalog.read',
    'pool.read',
    'security.review.read',
    'security.incident.read',
    'security.encryption.read',
    'share.read',
    'open.application.read',
    'open.objection.read',
    'open.emergency.read',
    'open.statistics.read',
  ],
  expert: ['self.manage', 'org.read', 'catalog.read', 'security.assessment.opinion'],
  public_user: [
    'self.manage',
    'catalog.demand.suggest',
    'pool.correction.report',
    'open.data',
    'open.key.manage',
    'open.apply',
    'open.objection.file',
    'open.publish',
    'open.participate',
  ],
  // An application may return records (回流) only if its department is an authority (checked in the service).
  department_application: [
    'org.read',
    'case.read',
    'catalog.read',
    'pool.read',
    'pool.data.read',
    'pool.load',
    'pool.correction.report',
    'pool.return',
    'share.data',
  ],
};

/** Whether a role holds a permission (before the scope checks). */
export function roleHas(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Every permission a role holds, for the UI to show and hide what the user can do. */
export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}

/** Whether a string names a known permission. */
export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}
