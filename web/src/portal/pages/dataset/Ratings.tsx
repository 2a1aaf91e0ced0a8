import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/States.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import { participationApi, type Feedback } from '../../participation.ts';

const STARS = [1, 2, 3, 4, 5] as const;

/**
 * The rating summary: the average out of 5 with the number of ratings, and how many gave each
 * number of stars as bars of plain HTML (the figures are in the text, the bars only show them).
 */
export function RatingSummary({ rating }: { rating: Feedback['rating'] }) {
  const { t, num } = usePortalI18n();
  if (rating.count === 0 || rating.average === null)
    return (
      <p className="pt-muted" data-testid="rating-none">
        {t('feedback.noRatings')}
      </p>
    );
  const countOf = (stars: number) => rating.distribution.find((row) => row.stars === stars)?.count ?? 0;
  return (
    <div className="pt-rating" data-testid="rating-summary">
      <p className="pt-rating-average">
        <span className="pt-rating-number" data-testid="rating-average">
          {t('feedback.average', { average: rating.average.toFixed(1) })}
        </span>{' '}
        <span className="pt-muted" data-testid="rating-count">
          {t('feedback.averageOf', { count: num(rating.count) })}
        </span>
      </p>
      <ul className="pt-rating-bars" aria-label={t('feedback.distribution')}>
        {[...STARS].reverse().map((stars) => {
          const count = countOf(stars);
          const percent = Math.round((count / rating.count) * 100);
          return (
            <li key={stars} data-testid={`rating-bar-${stars}`}>
              <span className="pt-visually-hidden">
                {t('feedback.barLabel', { stars, count: num(count), percent })}
              </span>
              <span aria-hidden="true" className="pt-rating-label">
                {t('feedback.stars', { stars })}
              </span>
              <span aria-hidden="true" className="pt-rating-track">
                <span className="pt-rating-fill" style={{ width: `${percent}%` }} />
              </span>
              <span aria-hidden="true" className="pt-rating-tally">
                {num(count)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The user's own stars: five radio buttons in a fieldset (arrow keys move between them, as in every
 * radio group), drawn as stars, and a button that saves the choice. Saving on the button rather
 * than on each change keeps arrow-key browsing from sending a rating per step.
 */
export function StarInput({ datasetId, mine }: { datasetId: string; mine: number | null }) {
  const { t } = usePortalI18n();
  const name = useId();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<number | null>(mine);
  const [saved, setSaved] = useState<number | null>(null);
  const rate = useMutation({
    mutationFn: (stars: number) => participationApi.rate(datasetId, stars),
    onSuccess: (_feedback, stars) => {
      setSaved(stars);
      void queryClient.invalidateQueries({ queryKey: ['open', 'feedback', datasetId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen !== null) rate.mutate(chosen);
  };
  return (
    <form className="pt-form pt-form-compact" onSubmit={submit} data-testid="rating-form">
      <fieldset className="pt-stars" aria-describedby={`${name}-hint`}>
        <legend>{t('feedback.myRating')}</legend>
        <div className="pt-stars-row">
          {STARS.map((stars) => (
            <span key={stars} className="pt-star">
              <input
                type="radio"
                id={`${name}-${stars}`}
                name="stars"
                value={stars}
                className="pt-visually-hidden"
                checked={chosen === stars}
                onChange={() => {
                  setChosen(stars);
                  setSaved(null);
                }}
                data-testid={`rating-star-${stars}`}
              />
              <label
                htmlFor={`${name}-${stars}`}
                className={chosen !== null && stars <= chosen ? 'pt-star-on' : undefined}
              >
                <span aria-hidden="true">★</span>
                <span className="pt-visually-hidden">{t('feedback.stars', { stars })}</span>
              </label>
            </span>
          ))}
          <button
            type="submit"
            className="pt-button pt-button-small"
            disabled={chosen === null || rate.isPending || chosen === saved}
            data-testid="rating-save"
          >
            {rate.isPending ? t('participation.sending') : t('feedback.rate')}
          </button>
        </div>
        <p id={`${name}-hint`} className="pt-field-hint">
          {t('feedback.myRatingHint')}
        </p>
      </fieldset>
      {saved !== null && (
        <p className="pt-alert pt-alert-success" role="status" data-testid="rating-saved">
          {t('feedback.rated', { stars: saved })}
        </p>
      )}
      {rate.isError && <ErrorMessage error={rate.error} testId="rating-error" />}
    </form>
  );
}
