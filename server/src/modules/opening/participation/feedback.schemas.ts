import { Type } from 'typebox';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import { Nullable, ResourceRef } from '../../sharing/sharing-views.ts';

/** A dataset in the portal's addresses (a uuid; anything else is a 404, as on the dataset page). */
export const DatasetParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

const Paging = { page: PageQuery.properties.page, pageSize: PageQuery.properties.pageSize };

/** Paging of a dataset's comments. */
export const FeedbackQuery = Type.Object(Paging, { additionalProperties: false });

/** A rating: 1 to 5 stars. */
export const RatingBody = Type.Object(
  { stars: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);

/** A comment: plain text as typed, 1–1000 characters (never HTML: it is shown as text). */
export const CommentBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

/** Why a comment is hidden. */
export const HideBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

/** Filters and paging of the handlers' comment list. */
export const HandledCommentsQuery = Type.Object(
  {
    ...Paging,
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
    /** true: only hidden ones; false: only visible ones. */
    hidden: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A comment as the public sees it. `text` is plain text: escape it when showing it. */
export const PublicComment = Type.Object({
  id: Type.String(),
  text: Type.String(),
  /** The author's public name only (a natural person's masked: 张*). */
  author: Type.Object({ name: Type.String() }),
  createdAt: Type.String(),
  /** Whether the caller wrote it (to offer deleting it). */
  mine: Type.Boolean(),
});

/** A dataset's rating summary. */
export const RatingSummary = Type.Object({
  /** Mean stars to one decimal; null without ratings. */
  average: Nullable(Type.Number()),
  count: Type.Integer(),
  /** Ratings per number of stars, 1 to 5. */
  distribution: Type.Array(Type.Object({ stars: Type.Integer(), count: Type.Integer() })),
});

/** The public feedback of an open dataset. */
export const Feedback = Type.Object({
  resource: ResourceRef,
  rating: RatingSummary,
  /** The caller's own rating (public users signed in), else null. */
  myRating: Nullable(Type.Integer()),
  comments: Page(PublicComment),
});

/** A comment as the provider's staff and the authority see it. */
export const HandledComment = Type.Object({
  id: Type.String(),
  text: Type.String(),
  resource: ResourceRef,
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: Type.String(),
  hidden: Nullable(
    Type.Object({ at: Type.String(), reason: Type.String(), byName: Nullable(Type.String()) }),
  ),
});
