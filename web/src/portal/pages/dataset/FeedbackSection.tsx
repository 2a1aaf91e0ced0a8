import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../../auth/session.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import { participationApi, useParticipant, type Participant } from '../../participation.ts';
import { useSignInHref } from './DatasetData.tsx';
import { CommentForm, CommentList } from './Comments.tsx';
import { RatingSummary, StarInput } from './Ratings.tsx';
import '../../conditional.css';
import '../../participation.css';

/** Comments per page. */
const PAGE_SIZE = 10;

/**
 * Why a viewer who is not a verified public user sees no form: a way to sign in (back to this
 * page) or register, or a sentence saying why not. `testId` names the part it stands in for.
 */
export function ParticipantGate({
  participant,
  signInText,
  testId,
}: {
  participant: Exclude<Participant, 'verified'>;
  signInText: string;
  testId: string;
}) {
  const { t } = usePortalI18n();
  const signIn = useSignInHref();
  if (participant === 'loading') return <Loading />;
  if (participant === 'anonymous')
    return (
      <p className="pt-button-row" data-testid={`${testId}-sign-in`}>
        <Link to={signIn} className="pt-button">
          {signInText}
        </Link>
        <Link to="/open/register" className="pt-button pt-button-quiet">
          {t('participation.register')}
        </Link>
      </p>
    );
  return (
    <p className="pt-alert pt-alert-info" data-testid={`${testId}-${participant}`}>
      {t(participant === 'staff' ? 'participation.staff' : 'participation.unverified')}
    </p>
  );
}

/**
 * 评价与评论 of a dataset: the rating summary and the visible comments for everyone; the user's
 * own stars and the comment form for identity-verified public users.
 */
export function FeedbackSection({ datasetId }: { datasetId: string }) {
  const { t } = usePortalI18n();
  const session = useSession();
  const participant = useParticipant();
  const [page, setPage] = useState(1);
  // The signed-in user is part of the key: myRating and `mine` differ per person.
  const feedback = useQuery({
    queryKey: ['open', 'feedback', datasetId, page, session.info?.user.id ?? null],
    queryFn: () => participationApi.feedback(datasetId, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  if (feedback.isPending) return <Loading />;
  if (feedback.isError) return <ErrorMessage error={feedback.error} testId="feedback-error" />;
  const { rating, myRating, comments } = feedback.data;
  return (
    <div className="pt-stack" data-testid="feedback">
      <div className="pt-feedback-top">
        <RatingSummary rating={rating} />
        {participant === 'verified' ? (
          // Mounted once the feedback (with the stored rating) has loaded, so it starts from it.
          <StarInput datasetId={datasetId} mine={myRating} />
        ) : (
          <ParticipantGate participant={participant} signInText={t('feedback.signIn')} testId="feedback" />
        )}
      </div>
      <CommentList datasetId={datasetId} comments={comments} onPage={setPage} />
      {participant === 'verified' && <CommentForm datasetId={datasetId} onPosted={() => setPage(1)} />}
    </div>
  );
}
