import { Type, type Static } from 'typebox';

/** Sign-in form. */
export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

/** Password change form. */
export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

/** The signed-in user as the console sees them. */
export const Me = Type.Object({
  id: Type.String(),
  type: Type.Union([Type.Literal('user'), Type.Literal('application')]),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  locale: Type.String(),
  departmentId: Type.Union([Type.String(), Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  regionId: Type.Union([Type.String(), Type.Null()]),
  regionName: Type.Union([Type.String(), Type.Null()]),
  passwordChangedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
/** The signed-in user. */
export type Me = Static<typeof Me>;

/** Answer of sign-in and of "who am I". */
export const SessionInfo = Type.Object({
  user: Me,
  /** Send back as the `x-csrf-token` header on every write made with the session cookie. */
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  permissions: Type.Array(Type.String()),
  /** Roles this user may give to accounts (empty for most). */
  grantableRoles: Type.Array(Type.String()),
});
