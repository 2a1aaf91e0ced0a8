import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client.ts';
import { TextAreaField } from '../../components/Field.tsx';
import { ErrorMessage, problemText } from '../../components/States.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import { fieldProblems } from '../../conditional.ts';
import { participationApi, type Feedback, type PublicComment } from '../../participation.ts';

/** The longest comment the server takes. */
const COMMENT_LIMIT = 1000;

/** One comment: who, when, the text as typed (React escapes it), and deleting one's own. */
function CommentItem({ comment, datasetId }: { comment: PublicComment; datasetId: string }) {
  const { t, date } = usePortalI18n();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const remove = useMutation({
    mutationFn: () => participationApi.deleteComment(comment.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['open', 'feedback', datasetId] }),
  });
  return (
    <li className="pt-comment" data-testid="comment" data-mine={comment.mine || undefined}>
      <p className="pt-comment-meta pt-small">
        <span className="pt-comment-author">{comment.author.name}</span>
        <span className="pt-muted"> · {date(comment.createdAt, true)}</span>
        {comment.mine && <span className="pt-status"> {t('feedback.mine')}</span>}
      </p>
      <p className="pt-comment-text" data-testid="comment-text">
        {comment.text}
      </p>
      {comment.mine && (
        <div className="pt-button-row">
          {asking ? (
            <>
              <span role="alert">{t('feedback.deleteConfirm')}</span>
              <button
                type="button"
                className="pt-button pt-button-small pt-button-danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate()}
                data-testid="comment-delete-yes"
              >
                {t('feedback.deleteYes')}
              </button>
              <button
                type="button"
                className="pt-button pt-button-small pt-button-quiet"
                onClick={() => setAsking(false)}
              >
                {t('feedback.deleteNo')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="pt-button pt-button-small pt-button-quiet"
              onClick={() => setAsking(true)}
              data-testid="comment-delete"
            >
              {t('feedback.delete')}
            </button>
          )}
        </div>
      )}
      {remove.isError && <ErrorMessage error={remove.error} />}
    </li>
  );
}

/** The visible comments of a page, newest first, with previous and next pages. */
export function CommentList({
  datasetId,
  comments,
  onPage,
}: {
  datasetId: string;
  comments: Feedback['comments'];
  onPage(page: number): void;
}) {
  const { t, num } = usePortalI18n();
  const last = Math.max(1, Math.ceil(comments.total / comments.pageSize));
  return (
    <div className="pt-stack-tight" data-testid="comments">
      <h3>{t('feedback.comments', { count: num(comments.total) })}</h3>
      {comments.items.length === 0 ? (
        <p className="pt-muted" data-testid="comments-none">
          {t('feedback.noComments')}
        </p>
      ) : (
        <ul className="pt-comments">
          {comments.items.map((comment) => (
            <CommentItem key={comment.id} comment={comment} datasetId={datasetId} />
          ))}
        </ul>
      )}
      {last > 1 && (
        <nav className="pt-pager" aria-label={t('feedback.pager')} data-testid="comments-pager">
          <button
            type="button"
            className="pt-button pt-button-small pt-button-quiet"
            disabled={comments.page <= 1}
            onClick={() => onPage(comments.page - 1)}
          >
            {t('feedback.previous')}
          </button>
          <span aria-live="polite">{t('feedback.page', { page: comments.page, last })}</span>
          <button
            type="button"
            className="pt-button pt-button-small pt-button-quiet"
            disabled={comments.page >= last}
            onClick={() => onPage(comments.page + 1)}
            data-testid="comments-next"
          >
            {t('feedback.next')}
          </button>
        </nav>
      )}
    </div>
  );
}

/**
 * Writing a comment: plain text up to 1000 characters. What the server refuses — blank, mostly
 * links or repeats, the same comment again (422), past the hourly limit (429, its message saying
 * when to try again) — shows under the text area, which keeps what was typed.
 */
export function CommentForm({ datasetId, onPosted }: { datasetId: string; onPosted(): void }) {
  const { t } = usePortalI18n();
  const queryClient = useQueryClient();
  const area = useRef<HTMLFormElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [posted, setPosted] = useState(false);
  const post = useMutation({
    mutationFn: (body: string) => participationApi.comment(datasetId, body),
    onSuccess: () => {
      setText('');
      setPosted(true);
      onPosted();
      void queryClient.invalidateQueries({ queryKey: ['open', 'feedback', datasetId] });
    },
    onError: (failure) => {
      const { byField, rest } = fieldProblems(failure, ['text']);
      // A 429 carries the server's own sentence with the minutes to wait; it belongs to the text too.
      const limited = failure instanceof ApiError && failure.status === 429 && failure.detail;
      setError(byField.text ?? (limited || rest[0] || problemText(failure, t)));
      area.current?.querySelector<HTMLElement>('[name="text"]')?.focus();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPosted(false);
    if (!text.trim()) {
      setError(t('participation.required'));
      area.current?.querySelector<HTMLElement>('[name="text"]')?.focus();
      return;
    }
    setError(undefined);
    post.mutate(text);
  };
  return (
    <form ref={area} noValidate className="pt-form" onSubmit={submit} data-testid="comment-form">
      <TextAreaField
        name="text"
        label={t('feedback.write')}
        hint={t('feedback.textHint')}
        required
        maxLength={COMMENT_LIMIT}
        value={text}
        error={error}
        onChange={(event) => {
          setText(event.target.value);
          if (error && event.target.value.trim()) setError(undefined);
        }}
      />
      {posted && (
        <p className="pt-alert pt-alert-success" role="status" data-testid="comment-posted">
          {t('feedback.posted')}
        </p>
      )}
      <button type="submit" className="pt-button" disabled={post.isPending} data-testid="comment-submit">
        {post.isPending ? t('feedback.posting') : t('feedback.post')}
      </button>
    </form>
  );
}
