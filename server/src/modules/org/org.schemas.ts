import { Type, type Static } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import type { ROLES } from '../../platform/policy/permissions.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

/** A level of the administrative hierarchy. */
export const RegionLevel = Type.Union([
  Type.Literal('province'),
  Type.Literal('city'),
  Type.Literal('district'),
]);

/** A region as the API presents it. */
export const Region = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  parentId: Nullable(Type.String()),
  parentName: Nullable(Type.String()),
});
/** A region. */
export type Region = Static<typeof Region>;

/** Filters of the region list. */
export const RegionQuery = Type.Object(
  {
    ...PageQuery.properties,
    parentId: Type.Optional(Uuid),
    level: Type.Optional(RegionLevel),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

/** New region. */
export const CreateRegionBody = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{6}$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    level: RegionLevel,
    parentId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

/** Region changes. */
export const UpdateRegionBody = Type.Object(
  {
    code: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Kinds of department. */
export const DepartmentKind = Type.Union([
  Type.Literal('authority'),
  Type.Literal('department'),
  Type.Literal('enterprise'),
]);

/** A department as the API presents it. */
export const Department = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  creditCode: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  parentId: Nullable(Type.String()),
  parentName: Nullable(Type.String()),
  kind: DepartmentKind,
  createdAt: Type.String({ format: 'date-time' }),
});
/** A department. */
export type Department = Static<typeof Department>;

/** Filters of the department list. */
export const DepartmentQuery = Type.Object(
  {
    ...PageQuery.properties,
    regionId: Type.Optional(Uuid),
    kind: Type.Optional(DepartmentKind),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

/** New department. */
export const CreateDepartmentBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    shortName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    creditCode: Type.String({ minLength: 1, maxLength: 18 }),
    regionId: Uuid,
    parentId: Type.Optional(Nullable(Uuid)),
    kind: DepartmentKind,
  },
  { additionalProperties: false },
);

/** Department changes. */
export const UpdateDepartmentBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    shortName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    parentId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** A role a person can hold. */
export const UserRole = Type.Union([
  Type.Literal('platform_admin'),
  Type.Literal('authority_officer'),
  Type.Literal('department_officer'),
  Type.Literal('department_head'),
  Type.Literal('security_officer'),
  Type.Literal('auditor'),
  Type.Literal('expert'),
  Type.Literal('public_user'),
]);
// The schema above must list exactly the roles of the policy module.
const _sameRoles: (typeof ROLES)[number] extends Static<typeof UserRole> ? true : never = true;

/** A user as the API presents it (never with secrets). */
export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: UserRole,
  regionId: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  lastLoginAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  personType: Nullable(Type.String()),
});
/** A user. */
export type User = Static<typeof User>;

/** Filters of the user list. */
export const UserQuery = Type.Object(
  {
    ...PageQuery.properties,
    role: Type.Optional(UserRole),
    departmentId: Type.Optional(Uuid),
    regionId: Type.Optional(Uuid),
    disabled: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

/** New user. Without a password, one is generated and returned once. */
export const CreateUserBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    role: UserRole,
    regionId: Type.Optional(Nullable(Uuid)),
    departmentId: Type.Optional(Nullable(Uuid)),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+\\- ]{5,20}$' }))),
    personType: Type.Optional(
      Nullable(Type.Union([Type.Literal('natural'), Type.Literal('legal'), Type.Literal('other')])),
    ),
    identityNumber: Type.Optional(Nullable(Type.String({ maxLength: 18 }))),
  },
  { additionalProperties: false },
);
/** New user. */
export type CreateUserBody = Static<typeof CreateUserBody>;

/** User changes. */
export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    role: Type.Optional(UserRole),
    regionId: Type.Optional(Nullable(Uuid)),
    departmentId: Type.Optional(Nullable(Uuid)),
    disabled: Type.Optional(Type.Boolean()),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+\\- ]{5,20}$' }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
/** User changes. */
export type UpdateUserBody = Static<typeof UpdateUserBody>;

/** Path parameter `:id`. */
export const IdParams = Type.Object({ id: Uuid });
