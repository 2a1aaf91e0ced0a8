import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import {
  accountApi,
  isWebAddress,
  problemsByField,
  SHOWCASE_KINDS,
  type ResourceRef,
  type ShowcaseKind,
} from '../../account-api.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { ErrorMessage } from '../../components/States.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';

const FIELDS = ['name', 'description', 'url', 'kind', 'citation', 'resourceIds'] as const;
type FieldName = (typeof FIELDS)[number];
const MAX_DATASETS = 20;

/** Choosing the open datasets used: a search of the open catalog and the chosen ones as removable chips. */
function DatasetPicker({
  chosen,
  onChange,
  error,
}: {
  chosen: ResourceRef[];
  onChange(next: ResourceRef[]): void;
  error?: string | undefined;
}) {
  const { t } = usePortalI18n();
  const id = useId();
  const [words, setWords] = useState('');
  const [asked, setAsked] = useState('');
  const hits = useQuery({
    queryKey: ['open', 'showcase-search', asked],
    queryFn: () => accountApi.searchCatalog(asked),
    enabled: asked !== '',
  });
  const search = () => setAsked(words.trim());
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={error ? 'pt-field pt-choices pt-field-invalid' : 'pt-field pt-choices'}
      data-field="resourceIds"
      data-testid="field-resourceIds"
      aria-describedby={describedBy}
    >
      <legend>
        {t('acct.show.datasets')}
        <span className="pt-required" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      <div className="pt-account-search">
        <label htmlFor={`${id}-q`} className="pt-visually-hidden">
          {t('acct.show.datasetSearch')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={words}
          placeholder={t('acct.show.datasetSearch')}
          data-testid="showcase-dataset-search"
          onChange={(event) => setWords(event.target.value)}
          // Enter searches instead of sending the whole form.
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              search();
            }
          }}
        />
        <button type="button" className="pt-button pt-button-small pt-button-quiet" onClick={search}>
          {t('acct.show.datasetSearchButton')}
        </button>
      </div>
      {hits.isError && <ErrorMessage error={hits.error} />}
      {hits.data?.length === 0 && <p className="pt-muted">{t('acct.show.noHits')}</p>}
      {hits.data && hits.data.length > 0 && (
        <ul className="pt-account-hits" aria-live="polite" data-testid="showcase-hits">
          {hits.data.map((hit) => {
            const taken = chosen.some((item) => item.id === hit.resourceId);
            return (
              <li key={hit.resourceId}>
                <span>
                  {hit.name} <span className="pt-muted pt-small">{hit.departmentName}</span>
                </span>
                <button
                  type="button"
                  className="pt-link-button"
                  disabled={taken || chosen.length >= MAX_DATASETS}
                  data-testid="showcase-hit-add"
                  onClick={() =>
                    onChange([...chosen, { id: hit.resourceId, code: hit.code, name: hit.name }])
                  }
                >
                  {t('acct.show.add')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="pt-small">{t('acct.show.chosen', { count: chosen.length })}</p>
      {chosen.length > 0 && (
        <ul className="pt-account-chosen" data-testid="showcase-chosen">
          {chosen.map((item) => (
            <li key={item.id}>
              {item.name}
              <button
                type="button"
                className="pt-link-button"
                aria-label={t('acct.show.remove', { name: item.name })}
                onClick={() => onChange(chosen.filter((other) => other.id !== item.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <p id={`${id}-hint`} className="pt-field-hint">
        {t('acct.show.datasetsHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="pt-field-error" data-testid="error-resourceIds">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The form of a new showcase entry: name, description, http(s) address, kind, citation of sources
 * and the open datasets used. Checked here first; the server's field problems (spam, an address
 * that is not http or https, a dataset not open) land beside the same fields.
 */
export function ShowcaseForm() {
  const { t } = usePortalI18n();
  const queryClient = useQueryClient();
  const kindId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ name: '', description: '', url: '', citation: '' });
  const [kind, setKind] = useState<ShowcaseKind>('app');
  const [datasets, setDatasets] = useState<ResourceRef[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [sent, setSent] = useState(false);
  const submit = useMutation({
    mutationFn: () =>
      accountApi.submitShowcase({
        ...values,
        kind,
        resourceIds: datasets.map((dataset) => dataset.id),
      }),
    onSuccess: () => {
      setSent(true);
      setValues({ name: '', description: '', url: '', citation: '' });
      setDatasets([]);
      void queryClient.invalidateQueries({ queryKey: ['open', 'my-showcase'] });
    },
    onError: (error) => {
      setErrors(problemsByField(error, FIELDS).byField);
      focusFirstError();
    },
  });
  const rest = problemsByField(submit.error, FIELDS).rest;
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .pt-field-invalid input')?.focus(),
    );
  const set = (name: keyof typeof values) => (value: string) => {
    setValues((old) => ({ ...old, [name]: value }));
    setErrors((old) => ({ ...old, [name]: undefined }));
    setSent(false);
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    const required = t('register.error.required');
    if (!values.name.trim()) found.name = required;
    if (!values.description.trim()) found.description = required;
    if (!values.citation.trim()) found.citation = required;
    if (!values.url.trim()) found.url = required;
    else if (!isWebAddress(values.url.trim())) found.url = t('acct.show.urlInvalid');
    if (datasets.length === 0) found.resourceIds = t('acct.show.pickOne');
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstError();
    submit.mutate();
  };
  return (
    <form ref={form} noValidate onSubmit={check} className="pt-form" data-testid="showcase-form">
      <h3>{t('acct.show.formTitle')}</h3>
      <Field
        name="name"
        label={t('acct.show.name')}
        required
        maxLength={100}
        value={values.name}
        error={errors.name}
        onChange={(event) => set('name')(event.target.value)}
      />
      <TextAreaField
        name="description"
        label={t('acct.show.description')}
        hint={t('acct.show.descriptionHint')}
        required
        maxLength={2000}
        value={values.description}
        error={errors.description}
        onChange={(event) => set('description')(event.target.value)}
      />
      <div className="pt-field-row">
        <Field
          name="url"
          type="url"
          inputMode="url"
          label={t('acct.show.url')}
          hint={t('acct.show.urlHint')}
          required
          maxLength={500}
          value={values.url}
          error={errors.url}
          onChange={(event) => set('url')(event.target.value)}
        />
        <div className="pt-field" data-field="kind">
          <label htmlFor={kindId}>{t('acct.show.kind')}</label>
          <select
            id={kindId}
            value={kind}
            data-testid="field-kind"
            onChange={(event) => setKind(event.target.value as ShowcaseKind)}
          >
            {SHOWCASE_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`acct.show.kind.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Field
        name="citation"
        label={t('acct.show.citation')}
        hint={t('acct.show.citationHint')}
        required
        maxLength={1000}
        value={values.citation}
        error={errors.citation}
        onChange={(event) => set('citation')(event.target.value)}
      />
      <DatasetPicker
        chosen={datasets}
        error={errors.resourceIds}
        onChange={(next) => {
          setDatasets(next);
          setErrors((old) => ({ ...old, resourceIds: undefined }));
        }}
      />
      {rest.length > 0 && (
        <div className="pt-alert pt-alert-error" role="alert">
          {rest.join('；')}
        </div>
      )}
      {submit.isError && rest.length === 0 && Object.keys(errors).length === 0 && (
        <ErrorMessage error={submit.error} />
      )}
      {sent && (
        <p className="pt-alert pt-alert-success" role="status" data-testid="showcase-sent">
          {t('acct.show.sent')}
        </p>
      )}
      <button type="submit" className="pt-button" disabled={submit.isPending} data-testid="showcase-submit">
        {t('acct.show.submit')}
      </button>
    </form>
  );
}
