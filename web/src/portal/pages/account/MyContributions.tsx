import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { accountApi, problemsByField } from '../../account-api.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { Empty, ErrorMessage, Loading } from '../../components/States.tsx';
import { Table } from '../../components/Table.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import '../../account.css';

const TEXTS = ['name', 'description', 'keywords', 'licence', 'updateCycle', 'sourceNote'] as const;
const FIELDS = [...TEXTS, 'csv'] as const;
type FieldName = (typeof FIELDS)[number];
const EMPTY: Record<(typeof TEXTS)[number], string> = {
  name: '',
  description: '',
  keywords: '',
  licence: '',
  updateCycle: '',
  sourceNote: '',
};

/**
 * A new dataset of the organisation: its description and the CSV file, read in the browser and
 * sent as text. The file's row problems the server finds (`/csv/<row>`) are listed under the file.
 */
function ContributionForm() {
  const { t } = usePortalI18n();
  const queryClient = useQueryClient();
  const fileId = useId();
  const form = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [sent, setSent] = useState(false);
  const focusFirstError = () =>
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  const submit = useMutation({
    mutationFn: async (file: File) =>
      accountApi.submitContribution({
        name: values.name.trim(),
        description: values.description.trim(),
        keywords: values.keywords.split(/[,，、\s]+/).filter(Boolean),
        licence: values.licence.trim(),
        updateCycle: values.updateCycle.trim(),
        sourceNote: values.sourceNote.trim(),
        csv: await file.text(),
      }),
    onSuccess: () => {
      setSent(true);
      setValues(EMPTY);
      if (fileInput.current) fileInput.current.value = '';
      void queryClient.invalidateQueries({ queryKey: ['open', 'my-contributions'] });
    },
    onError: (error) => {
      setErrors(problemsByField(error, FIELDS).byField);
      focusFirstError();
    },
  });
  const rest = problemsByField(submit.error, FIELDS).rest;
  const check = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const found: Partial<Record<FieldName, string>> = {};
    for (const name of ['name', 'description', 'licence', 'updateCycle', 'sourceNote'] as const)
      if (!values[name].trim()) found[name] = t('register.error.required');
    const file = fileInput.current?.files?.[0];
    if (!file) found.csv = t('acct.contrib.filePick');
    else if (!/\.csv$/i.test(file.name)) found.csv = t('acct.contrib.fileType');
    setErrors(found);
    if (Object.keys(found).length > 0 || !file) return focusFirstError();
    submit.mutate(file);
  };
  const field = (name: (typeof TEXTS)[number], max: number, hint?: string, required = true) => ({
    name,
    label: t(`acct.contrib.${name}`),
    hint,
    required,
    maxLength: max,
    value: values[name],
    error: errors[name],
    onChange: (event: { target: { value: string } }) => {
      setValues((old) => ({ ...old, [name]: event.target.value }));
      setErrors((old) => ({ ...old, [name]: undefined }));
    },
  });
  const fileError = errors.csv;
  return (
    <form ref={form} noValidate onSubmit={check} className="pt-form" data-testid="contribution-form">
      <h3>{t('acct.contrib.formTitle')}</h3>
      <Field {...field('name', 200)} />
      <TextAreaField {...field('description', 4000)} />
      <Field {...field('keywords', 400, t('acct.contrib.keywordsHint'), false)} />
      <div className="pt-field-row">
        <Field {...field('licence', 200, t('acct.contrib.licenceHint'))} />
        <Field {...field('updateCycle', 100, t('acct.contrib.updateCycleHint'))} />
      </div>
      <TextAreaField {...field('sourceNote', 2000, t('acct.contrib.sourceNoteHint'))} />
      <div className={fileError ? 'pt-field pt-field-invalid' : 'pt-field'} data-field="csv">
        <label htmlFor={fileId}>
          {t('acct.contrib.file')}
          <span className="pt-required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <input
          id={fileId}
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={[`${fileId}-hint`, fileError ? `${fileId}-error` : ''].filter(Boolean).join(' ')}
          data-testid="field-csv"
          onChange={() => setErrors((old) => ({ ...old, csv: undefined }))}
        />
        <p id={`${fileId}-hint`} className="pt-field-hint">
          {t('acct.contrib.fileHint')}
        </p>
        {fileError && (
          <p id={`${fileId}-error`} className="pt-field-error" data-testid="error-csv">
            {fileError}
          </p>
        )}
      </div>
      {rest.length > 0 && (
        <div className="pt-alert pt-alert-error" role="alert">
          {rest.join('；')}
        </div>
      )}
      {submit.isError && rest.length === 0 && Object.keys(errors).length === 0 && (
        <ErrorMessage error={submit.error} />
      )}
      {sent && (
        <p className="pt-alert pt-alert-success" role="status" data-testid="contribution-sent">
          {t('acct.contrib.sent')}
        </p>
      )}
      <button
        type="submit"
        className="pt-button"
        disabled={submit.isPending}
        data-testid="contribution-submit"
      >
        {t('acct.contrib.submit')}
      </button>
    </form>
  );
}

/** 我发布的数据 (CQO §31, organisation accounts only): the own datasets with their review, and the form. */
export function MyContributions() {
  const { t, date, num } = usePortalI18n();
  const mine = useQuery({ queryKey: ['open', 'my-contributions'], queryFn: accountApi.myContributions });
  return (
    <section
      id="contributions"
      aria-labelledby="contributions-title"
      className="pt-section"
      data-testid="my-contributions"
    >
      <h2 id="contributions-title">{t('acct.contrib.mine')}</h2>
      <p className="pt-muted">{t('acct.contrib.mineLead')}</p>
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorMessage error={mine.error} />}
      {mine.data?.length === 0 && <Empty>{t('acct.contrib.none')}</Empty>}
      {mine.data && mine.data.length > 0 && (
        <Table
          label={t('acct.contrib.mine')}
          testId="contributions-table"
          headers={[
            t('acct.contrib.col.name'),
            t('acct.contrib.col.rows'),
            t('acct.contrib.col.submitted'),
            t('acct.contrib.col.state'),
          ]}
        >
          {mine.data.map((item) => (
            <tr key={item.id} data-testid="contribution-row">
              <th scope="row">
                {item.state === 'approved' ? (
                  <Link to={`/open/contributions/${item.id}`}>{item.name}</Link>
                ) : (
                  item.name
                )}
              </th>
              <td>{num(item.rows)}</td>
              <td>{date(item.createdAt)}</td>
              <td>
                <span className="pt-status" data-status={item.state} data-testid="contribution-state">
                  {t(`acct.contrib.state.${item.state}`)}
                </span>
                {item.state === 'rejected' && item.reviewReason && (
                  <p className="pt-small pt-pre-line">
                    {t('acct.show.rejectedBecause', { reason: item.reviewReason })}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ContributionForm />
    </section>
  );
}
