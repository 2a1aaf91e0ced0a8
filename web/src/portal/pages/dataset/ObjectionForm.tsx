// 异议 (CQO §41): a verified public user objects that the dataset infringes personal privacy or
// trade secrets, with evidence files. The objection is filed first, then each file goes as its own
// request (the server takes one raw file per call); a file refused there is said with its reason.
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { DatasetPage } from '../../api.ts';
import { Field } from '../../components/Field.tsx';
import { problemText } from '../../components/States.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import {
  EVIDENCE_TYPES,
  reportApi,
  type Objection,
  type ObjectionGround,
} from '../../participation-forms.ts';
import {
  ACCOUNT_OBJECTIONS,
  FormProblems,
  SendButton,
  StatementField,
  useFormErrors,
} from './ReportParts.tsx';

const FIELDS = ['ground', 'statement', 'files'] as const;
const GROUNDS: ObjectionGround[] = ['privacy', 'trade_secret'];

/** The outcome of one evidence file. */
type FileOutcome = { name: string; error?: string };

/** What was filed: the objection and each file's upload. */
interface Filed {
  objection: Objection;
  files: FileOutcome[];
}

/** An objection just filed: who verifies it, that no number of days applies, each file's fate. */
function ObjectionSent({ filed, onAnother }: { filed: Filed; onAnother(): void }) {
  const { t } = usePortalI18n();
  return (
    <div className="pt-alert pt-alert-success" role="status" data-testid="objection-sent">
      <p>
        <strong>{t('objection.sent', { name: filed.objection.provider.name })}</strong>
      </p>
      {filed.objection.suspended && <p>{t('objection.sentSuspended')}</p>}
      <p data-testid="objection-due">{t('objection.sentNoDue')}</p>
      {filed.files.length > 0 && (
        <ul className="pt-plain-list" data-testid="objection-files">
          {filed.files.map((file, index) =>
            file.error ? (
              <li key={index} className="pt-field-error" data-testid="objection-file-failed">
                {t('objection.evidenceFailed', { name: file.name, reason: file.error })}
              </li>
            ) : (
              <li key={index} data-testid="objection-file-sent">
                {t('objection.evidenceSent', { name: file.name })}
              </li>
            ),
          )}
        </ul>
      )}
      <p className="pt-button-row">
        <Link to={ACCOUNT_OBJECTIONS}>{t('report.seeAccount')}</Link>
        <button type="button" className="pt-button pt-button-small pt-button-quiet" onClick={onAnother}>
          {t('report.another')}
        </button>
      </p>
    </div>
  );
}

/** The objection form: ground, statement, evidence files; then what became of them. */
export function ObjectionForm({ dataset }: { dataset: DatasetPage }) {
  const { t } = usePortalI18n();
  const id = useId();
  const errors = useFormErrors(FIELDS);
  const [ground, setGround] = useState<ObjectionGround | ''>('');
  const [statement, setStatement] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [filed, setFiled] = useState<Filed | null>(null);
  const send = useMutation({
    mutationFn: async (body: { ground: ObjectionGround; statement: string }): Promise<Filed> => {
      const objection = await reportApi.objection({ resourceId: dataset.id, ...body });
      const outcomes: FileOutcome[] = [];
      // One after another: the server counts the files of an objection against its limit.
      for (const file of files) {
        try {
          await reportApi.evidence(objection.id, file);
          outcomes.push({ name: file.name });
        } catch (error) {
          outcomes.push({ name: file.name, error: problemText(error, t) });
        }
      }
      return { objection, files: outcomes };
    },
    onSuccess: setFiled,
    onError: errors.refused,
  });

  if (filed)
    return (
      <ObjectionSent
        filed={filed}
        onAnother={() => {
          setFiled(null);
          setGround('');
          setStatement('');
          setFiles([]);
        }}
      />
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!ground) found.ground = t('objection.groundRequired');
    if (!statement.trim()) found.statement = t('participation.required');
    const wrong = files.find((file) => !EVIDENCE_TYPES.some((type) => type === file.type));
    if (wrong) found.files = t('objection.fileType', { name: wrong.name });
    if (!errors.check(found) || !ground) return;
    send.mutate({ ground, statement: statement.trim() });
  };
  const groundError = errors.errors.ground;
  return (
    <form ref={errors.form} noValidate className="pt-form" onSubmit={submit} data-testid="objection-form">
      <h3>{t('objection.title')}</h3>
      <p className="pt-muted pt-small">{t('objection.lead')}</p>
      <fieldset
        className={groundError ? 'pt-field pt-choices pt-field-invalid' : 'pt-field pt-choices'}
        data-testid="field-ground"
        aria-describedby={groundError ? `${id}-ground-error` : undefined}
      >
        <legend>
          {t('objection.ground')}
          <span className="pt-required" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        <div className="pt-choice-list">
          {GROUNDS.map((value) => (
            <label key={value} className="pt-choice">
              <input
                type="radio"
                name="ground"
                value={value}
                checked={ground === value}
                onChange={() => {
                  setGround(value);
                  errors.clear('ground');
                }}
              />
              <span>{t(`objection.ground.${value}`)}</span>
            </label>
          ))}
        </div>
        {groundError && (
          <p id={`${id}-ground-error`} className="pt-field-error" data-testid="error-ground">
            {groundError}
          </p>
        )}
      </fieldset>
      <StatementField
        form="objection"
        maxLength={5000}
        value={statement}
        error={errors.errors.statement}
        onChange={(value) => {
          setStatement(value);
          errors.clear('statement');
        }}
      />
      <Field
        name="files"
        type="file"
        multiple
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        label={t('objection.files')}
        hint={t('objection.filesHint')}
        error={errors.errors.files}
        onChange={(event) => {
          setFiles([...(event.target.files ?? [])]);
          errors.clear('files');
        }}
      />
      {files.length > 0 && (
        <p className="pt-small" aria-live="polite" data-testid="objection-files-chosen">
          {t('objection.filesChosen', { names: files.map((file) => file.name).join(' · ') })}
        </p>
      )}
      <FormProblems problems={errors.others} testId="objection-problems" />
      <SendButton busy={send.isPending} testId="objection-submit" />
    </form>
  );
}
