// Shapes of the API (/api/v1) as the console uses them.

/** Every list answer. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type UserRole =
  | 'platform_admin'
  | 'authority_officer'
  | 'department_officer'
  | 'department_head'
  | 'security_officer'
  | 'auditor'
  | 'expert'
  | 'public_user';

export const USER_ROLES: readonly UserRole[] = [
  'platform_admin',
  'authority_officer',
  'department_officer',
  'department_head',
  'security_officer',
  'auditor',
  'expert',
  'public_user',
];

/** Roles that must belong to a department. */
export const ROLES_NEEDING_DEPARTMENT: readonly UserRole[] = [
  'department_officer',
  'department_head',
  'security_officer',
  'authority_officer',
];
/** Roles that must belong to a region. */
export const ROLES_NEEDING_REGION: readonly UserRole[] = ['authority_officer', 'auditor'];

export interface Me {
  id: string;
  type: 'user' | 'application';
  username: string;
  displayName: string;
  role: string;
  locale: string;
  departmentId: string | null;
  departmentName: string | null;
  regionId: string | null;
  regionName: string | null;
  passwordChangedAt: string | null;
}

export interface SessionInfo {
  user: Me;
  csrfToken: string | null;
  permissions: string[];
  /** Roles this user may give to accounts, decided by the server. */
  grantableRoles: UserRole[];
}

export type RegionLevel = 'province' | 'city' | 'district';
export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'city', 'district'];

export interface Region {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  parentName: string | null;
}

export type DepartmentKind = 'authority' | 'department' | 'enterprise';
export const DEPARTMENT_KINDS: readonly DepartmentKind[] = ['department', 'authority', 'enterprise'];

export interface Department {
  id: string;
  name: string;
  shortName: string | null;
  creditCode: string;
  regionId: string;
  regionName: string | null;
  parentId: string | null;
  parentName: string | null;
  kind: DepartmentKind;
  createdAt: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  regionId: string | null;
  regionName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  disabled: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  email: string | null;
  phone: string | null;
}

export interface ApiKey {
  id: string;
  departmentId: string;
  departmentName: string | null;
  application: string;
  tokenPrefix: string;
  createdAt: string;
  createdByName: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'denied', 'failure'];

export interface AuditEvent {
  id: string | number;
  seq: string | number | null;
  occurredAt: string;
  actorType: 'user' | 'application' | 'system' | 'anonymous';
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  departmentId: string | null;
  departmentName: string | null;
  action: string;
  outcome: AuditOutcome;
  targetType: string | null;
  targetId: string | null;
  purpose: string | null;
  requestId: string | null;
  ip: string | null;
  detail: unknown;
}
