import { Type } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { Nullable, ResourceRef } from '../../sharing/sharing-views.ts';

const Paging = { page: PageQuery.properties.page, pageSize: PageQuery.properties.pageSize };

/** What a showcase entry is. */
export const ShowcaseKind = Type.Union([
  Type.Literal('app'),
  Type.Literal('website'),
  Type.Literal('paper'),
  Type.Literal('report'),
  Type.Literal('other'),
]);

/** Where an entry stands. */
export const ShowcaseState = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
]);

/** A showcase entry as submitted (应用展示, CQO §30). */
export const ShowcaseBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    /** http or https only. */
    url: Type.String({ minLength: 1, maxLength: 500 }),
    kind: ShowcaseKind,
    /** The open datasets it uses (at least one; each must be in the open catalog). */
    resourceIds: Type.Array(Type.String({ maxLength: 100 }), {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
    }),
    /** How the product cites its sources (CQO §25(2): results state where the data came from). */
    citation: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

/** The authority's review: a rejection needs its reason. */
export const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

/** Filters and paging of the public list. */
export const PublicShowcaseQuery = Type.Object(
  {
    ...Paging,
    /** Only entries using this dataset (the dataset page's "showcased applications"). */
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
    kind: Type.Optional(ShowcaseKind),
  },
  { additionalProperties: false },
);

/** Filters and paging of the submitter's own list. */
export const OwnShowcaseQuery = Type.Object(
  { ...Paging, state: Type.Optional(ShowcaseState) },
  { additionalProperties: false },
);

/** Filters and paging of the authority's list (default: waiting for review). */
export const ReviewShowcaseQuery = Type.Object(
  {
    ...Paging,
    state: Type.Optional(Type.Union([ShowcaseState, Type.Literal('all')])),
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

/** A showcase entry. The texts are plain text: escape them; link only to `url` (http or https). */
export const ShowcaseEntry = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  url: Type.String(),
  kind: ShowcaseKind,
  citation: Type.String(),
  /** The datasets it uses (on the public list: those still open). */
  datasets: Type.Array(ResourceRef),
  /** The public sees the name only (a natural person's masked); the reviewer sees who. */
  submitter: Type.Object({ id: Nullable(Type.String()), name: Type.String() }),
  state: ShowcaseState,
  /** The reason of a rejection (never on the public list). */
  reviewReason: Nullable(Type.String()),
  /** Who reviewed (the reviewer's list only). */
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
