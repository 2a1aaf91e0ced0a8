import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Pager } from '../../components/Pager.tsx';
import { Empty, ErrorMessage, Loading } from '../../components/States.tsx';
import { Table } from '../../components/Table.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import {
  isOpenResource,
  isWaiting,
  suggestApi,
  type Suggestion,
  type SuggestionAnswer,
  type SuggestionResource,
} from '../../suggest-api.ts';
import '../../account.css';
import '../../suggest.css';

/** The page of the list in the address (`?suggestions=2`), so that the pager's links are links. */
const PAGE_PARAM = 'suggestions';

/** The answer's due date while the suggestion waits (marked once late); an answer that came late says so. */
function Due({ suggestion }: { suggestion: Suggestion }) {
  const { t, date } = usePortalI18n();
  if (!isWaiting(suggestion))
    return suggestion.overdue ? <span className="pt-warning">{t('mySuggest.late')}</span> : <>—</>;
  if (!suggestion.dueOn) return <span className="pt-muted">{t('mySuggest.noDue')}</span>;
  return (
    <span data-testid="suggestion-due">
      {date(suggestion.dueOn)}
      {suggestion.overdue && <strong className="pt-warning"> {t('mySuggest.overdue')}</strong>}
    </span>
  );
}

/** A resource named in an answer: a link to its page when it is open, else its name as text. */
function Resource({ resource }: { resource: SuggestionResource }) {
  const { t } = usePortalI18n();
  const name = resource.name ?? t('mySuggest.unnamed', { code: resource.code });
  if (isOpenResource(resource))
    return (
      <Link to={`/open/datasets/${encodeURIComponent(resource.id)}`} data-testid="suggestion-dataset">
        {name}
      </Link>
    );
  return <span>{t('mySuggest.notOpen', { name })}</span>;
}

/** One answer: who said what, when, with the reason of a refusal and the resources named. */
function Answer({ answer }: { answer: SuggestionAnswer }) {
  const { t, date } = usePortalI18n();
  const head = t(`mySuggest.answer.${answer.step}`, {
    department: answer.department.name,
    provider: answer.provider?.name ?? '',
  });
  return (
    <li data-testid={`suggestion-answer-${answer.step}`}>
      <p>
        <strong>{head}</strong> <span className="pt-small pt-muted">{date(answer.answeredAt)}</span>
      </p>
      {answer.reason && (
        <p className="pt-pre-line pt-clip" data-testid="suggestion-reason">
          {t('mySuggest.reason', { text: answer.reason })}
        </p>
      )}
      {answer.note && (
        <p className="pt-pre-line pt-clip pt-small">{t('mySuggest.note', { text: answer.note })}</p>
      )}
      {answer.resources.length > 0 && (
        <ul className="pt-suggest-resources">
          {answer.resources.map((resource) => (
            <li key={resource.id}>
              <Resource resource={resource} />
              {resource.departmentName && (
                <span className="pt-small pt-muted"> · {resource.departmentName}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Who must answer now, while the suggestion waits; else the answers in order. */
function Answers({ suggestion }: { suggestion: Suggestion }) {
  const { t } = usePortalI18n();
  const waitingFor = suggestion.state === 'routed' ? suggestion.provider : suggestion.authority;
  return (
    <>
      {suggestion.answers.length > 0 && (
        <ol className="pt-suggest-answers">
          {suggestion.answers.map((answer, index) => (
            <Answer key={index} answer={answer} />
          ))}
        </ol>
      )}
      {isWaiting(suggestion) && waitingFor && (
        <p className="pt-small pt-muted" data-testid="suggestion-waiting">
          {t('mySuggest.waiting', { name: waitingFor.name })}
        </p>
      )}
    </>
  );
}

/**
 * 我的开放建议: the user's suggestions of data to open (CQO §14, CQ17 §22) with the state, the
 * answer's due date (marked once overdue) and the answers — matched open datasets linked to their
 * pages, the department it was routed to, the reason of a refusal. Texts are shown as plain text.
 */
export function MySuggestions() {
  const { t, date } = usePortalI18n();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get(PAGE_PARAM)) || 1);
  const suggestions = useQuery({
    queryKey: ['open', 'my-suggestions', page],
    queryFn: () => suggestApi.mine(page),
    placeholderData: keepPreviousData,
  });
  const data = suggestions.data;
  const hrefOf = (n: number) => {
    const next = new URLSearchParams(params);
    next.set(PAGE_PARAM, String(n));
    return `/open/account?${next.toString()}#suggestions`;
  };
  return (
    <section
      id="suggestions"
      aria-labelledby="suggestions-title"
      className="pt-section"
      data-testid="my-suggestions"
    >
      <h2 id="suggestions-title">{t('mySuggest.title')}</h2>
      <p className="pt-muted">
        {t('mySuggest.lead')} <Link to="/open/suggest">{t('mySuggest.new')}</Link>
      </p>
      {suggestions.isPending && <Loading />}
      {suggestions.isError && <ErrorMessage error={suggestions.error} />}
      {data?.items.length === 0 && <Empty>{t('mySuggest.none')}</Empty>}
      {data && data.items.length > 0 && (
        <>
          <Table
            label={t('mySuggest.title')}
            testId="suggestions-table"
            headers={[
              t('mySuggest.col.title'),
              t('mySuggest.col.filed'),
              t('mySuggest.col.state'),
              t('mySuggest.col.due'),
              t('mySuggest.col.answer'),
            ]}
          >
            {data.items.map((suggestion) => (
              <tr key={suggestion.id} data-testid="suggestion-row">
                <th scope="row">
                  {suggestion.title}
                  <p className="pt-small pt-muted pt-pre-line pt-clip">{suggestion.purpose}</p>
                </th>
                <td>{date(suggestion.createdAt)}</td>
                <td>
                  <span className="pt-status" data-status={suggestion.state} data-testid="suggestion-state">
                    {t(`mySuggest.state.${suggestion.state}`)}
                  </span>
                </td>
                <td>
                  <Due suggestion={suggestion} />
                </td>
                <td>
                  <Answers suggestion={suggestion} />
                </td>
              </tr>
            ))}
          </Table>
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} hrefOf={hrefOf} />
        </>
      )}
    </section>
  );
}
