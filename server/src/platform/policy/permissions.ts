/** Roles of people and machines (REQUIREMENTS §0). */
export const ROLES = [
  'platform_admin',
  'authority_officer',
  'department_officer',
  'department_head',
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
  'catalog.project.manage', // the authority keeps the IT project list (CQ19 §48)
  'pool.read', // pool tables, batches and reports (no row values)
  'pool.data.read', // row values of the own department's pool
  'pool.load', // load files, push rows, restore versions (own department)
  'pool.migrate', // apply a table change the catalog asks for (own department)
  'pool.correction.report', // report a suspected error on a record of another's pool (CQ19 §19)
  'pool.correction.answer', // accept or reject reports on the own department's pool
  'pool.return', // receive records an upper-level platform sends back (回流; authority of the region)
  'pool.basedb.manage', // base-item sources, base database builds, theme databases (the data authority)
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
  ],
  auditor: ['self.manage', 'org.read', 'audit.read', 'case.read', 'catalog.read', 'pool.read'],
  expert: ['self.manage', 'org.read', 'catalog.read'],
  public_user: ['self.manage', 'catalog.demand.suggest', 'pool.correction.report'],
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
