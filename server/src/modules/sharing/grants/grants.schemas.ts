import { Type } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import {
  DepartmentRef,
  LevelFields,
  MaskingMap,
  Nullable,
  ResourceRef,
  RowConditionsOut,
} from '../sharing-views.ts';

/** Where a grant stands now. */
export const GrantStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('not_started'),
  Type.Literal('expired'),
  Type.Literal('revoked'),
]);

/** A grant as the API shows it: exactly what one application of one department may read. */
export const Grant = Type.Object({
  id: Type.String(),
  requestId: Nullable(Type.String()),
  basis: Type.Union([Type.Literal('unconditional'), Type.Literal('conditional')]),
  resource: ResourceRef,
  ...LevelFields,
  provider: DepartmentRef,
  consumer: DepartmentRef,
  application: Type.String(),
  purpose: Type.String(),
  fields: Type.Array(Type.String()),
  rowFilter: RowConditionsOut,
  masking: MaskingMap,
  startsAt: Type.String(),
  endsAt: Type.String(),
  /** In force now: started, not ended, not revoked. */
  active: Type.Boolean(),
  status: GrantStatus,
  revokedAt: Nullable(Type.String()),
  revokedByName: Nullable(Type.String()),
  revokeReason: Nullable(Type.String()),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
});

/** Which grants a list shows: the own department's, those on its resources, or the region's. */
export const GrantSide = Type.Union([
  Type.Literal('consumer'),
  Type.Literal('provider'),
  Type.Literal('region'),
]);

/** Filters and paging of the grant lists. */
export const GrantListQuery = Type.Object(
  {
    page: PageQuery.properties.page,
    pageSize: PageQuery.properties.pageSize,
    /** Default: `region` for the authority, auditors and the administrator, else `consumer`. */
    side: Type.Optional(GrantSide),
    active: Type.Optional(Type.Boolean()),
    status: Type.Optional(GrantStatus),
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
    application: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

/** A revocation says why. */
export const RevokeBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
