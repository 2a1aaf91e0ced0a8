import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import {
  addDays,
  AGREED_METHODS,
  daysBetween,
  openingApi,
  todayInChina,
  type AgreedMethod,
  type ApplicationInput,
  type OpenApplication,
} from '../../../api/opening.ts';
import type { DatasetPage } from '../../api.ts';
import { ChoiceGroup, Field, TextAreaField } from '../../components/Field.tsx';
import { ErrorMessage } from '../../components/States.tsx';
import { fieldProblems, useConditionalProfile, useRefreshConditional } from '../../conditional.ts';
import { usePortalI18n, type PortalKey, type PortalT } from '../../i18n/index.tsx';
import '../../conditional.css';

/** The form's fields, in the order they show (and focus goes to the first wrong one). */
const FIELDS = [
  'purpose',
  'scenario',
  'securityMeasures',
  'fields',
  'methods',
  'validFrom',
  'validUntil',
] as const;
type FieldName = (typeof FIELDS)[number];

interface Values {
  purpose: string;
  scenario: string;
  securityMeasures: string;
  fields: string[];
  methods: AgreedMethod[];
  validFrom: string;
  validUntil: string;
}

const TEXT_LIMIT = 2000;

/** What is wrong with the values, by field (messages in the current language). */
function problemsOf(
  values: Values,
  maxPeriodDays: number | null,
  t: PortalT,
): Partial<Record<FieldName, string>> {
  const today = todayInChina();
  const found: Partial<Record<FieldName, string>> = {};
  const required: PortalKey = 'register.error.required';
  for (const name of ['purpose', 'scenario', 'securityMeasures'] as const) {
    if (!values[name].trim()) found[name] = t(required);
  }
  if (values.fields.length === 0) found.fields = t('apply.error.fields');
  if (values.methods.length === 0) found.methods = t('apply.error.methods');
  const from = values.validFrom || today;
  if (values.validFrom && values.validFrom < today) found.validFrom = t('apply.error.fromPast');
  if (!values.validUntil) found.validUntil = t(required);
  else if (values.validUntil < from) found.validUntil = t('apply.error.untilBeforeFrom');
  // Both ends count (the server's rule): a period of N days ends N - 1 days after its start.
  else if (maxPeriodDays !== null && daysBetween(from, values.validUntil) + 1 > maxPeriodDays)
    found.validUntil = t('apply.error.tooLong', { days: maxPeriodDays });
  return found;
}

/** The body of POST /open/applications. */
function bodyOf(datasetId: string, values: Values): ApplicationInput {
  return {
    resourceId: datasetId,
    purpose: values.purpose.trim(),
    scenario: values.scenario.trim(),
    securityMeasures: values.securityMeasures.trim(),
    fields: values.fields,
    methods: values.methods,
    ...(values.validFrom ? { validFrom: values.validFrom } : {}),
    validUntil: values.validUntil,
  };
}

/**
 * The application for a conditionally open dataset: purpose, scenario, security measures, the items
 * and methods wanted and the period. Checked in the browser first; what the server refuses appears
 * beside the same field.
 */
export default function ApplicationForm({
  dataset,
  onSent,
}: {
  dataset: DatasetPage;
  /** Called with the application once the server took it. */
  onSent(application: OpenApplication): void;
}) {
  const { t, date } = usePortalI18n();
  const { maxPeriodDays } = useConditionalProfile();
  const refresh = useRefreshConditional();
  const form = useRef<HTMLFormElement>(null);
  const today = todayInChina();
  const offered = AGREED_METHODS.filter((method) => dataset.openMethods.includes(method));
  const [values, setValues] = useState<Values>({
    purpose: '',
    scenario: '',
    securityMeasures: '',
    fields: [],
    methods: offered.length === 1 ? [...offered] : [],
    validFrom: today,
    validUntil: '',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [others, setOthers] = useState<string[]>([]);
  const apply = useMutation({
    mutationFn: (body: ApplicationInput) => openingApi.apply(body),
    onSuccess: (application) => {
      onSent(application);
      void refresh();
    },
    onError: (error) => {
      const { byField, rest } = fieldProblems(error, FIELDS);
      setErrors(byField);
      setOthers(rest);
      focusFirst(Object.keys(byField));
    },
  });

  const focusFirst = (names: string[]) => {
    const first = FIELDS.find((name) => names.includes(name));
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };
  const set = <K extends keyof Values>(name: K, value: Values[K]) => {
    const next = { ...values, [name]: value };
    setValues(next);
    // A field being corrected loses its error once it is right.
    if (errors[name]) {
      const still = problemsOf(next, maxPeriodDays, t)[name];
      setErrors((old) => ({ ...old, [name]: still }));
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemsOf(values, maxPeriodDays, t);
    setErrors(found);
    setOthers([]);
    if (Object.keys(found).length > 0) return focusFirst(Object.keys(found));
    apply.mutate(bodyOf(dataset.id, values));
  };

  const from = values.validFrom || today;
  const latest = maxPeriodDays !== null ? addDays(from, maxPeriodDays - 1) : undefined;
  const itemChoices = dataset.items.map((item) => ({
    value: item.fieldName,
    label: item.name,
    note: item.fieldName,
  }));
  const failed = apply.isError && Object.keys(errors).length === 0 && others.length === 0;
  return (
    <form
      ref={form}
      noValidate
      className="pt-form"
      aria-labelledby="apply-form-title"
      onSubmit={submit}
      data-testid="apply-form"
    >
      <h3 id="apply-form-title">{t('apply.formTitle')}</h3>
      <p className="pt-muted pt-small">{t('apply.formLead')}</p>
      <TextAreaField
        name="purpose"
        label={t('apply.purpose')}
        hint={t('apply.purposeHint')}
        required
        maxLength={TEXT_LIMIT}
        value={values.purpose}
        error={errors.purpose}
        onChange={(event) => set('purpose', event.target.value)}
      />
      <TextAreaField
        name="scenario"
        label={t('apply.scenario')}
        hint={t('apply.scenarioHint')}
        required
        maxLength={TEXT_LIMIT}
        value={values.scenario}
        error={errors.scenario}
        onChange={(event) => set('scenario', event.target.value)}
      />
      <TextAreaField
        name="securityMeasures"
        label={t('apply.securityMeasures')}
        hint={t('apply.securityMeasuresHint')}
        required
        maxLength={TEXT_LIMIT}
        value={values.securityMeasures}
        error={errors.securityMeasures}
        onChange={(event) => set('securityMeasures', event.target.value)}
      />
      <ChoiceGroup
        name="fields"
        legend={t('apply.fields')}
        hint={t('apply.fieldsHint', { checked: values.fields.length, total: itemChoices.length })}
        required
        choices={itemChoices}
        value={values.fields}
        error={errors.fields}
        onChange={(fields) => set('fields', fields)}
        toolbar={
          <span className="pt-button-row">
            <button
              type="button"
              className="pt-button pt-button-small pt-button-quiet"
              data-testid="apply-fields-all"
              onClick={() =>
                set(
                  'fields',
                  itemChoices.map((choice) => choice.value),
                )
              }
            >
              {t('apply.fieldsAll')}
            </button>
            <button
              type="button"
              className="pt-button pt-button-small pt-button-quiet"
              onClick={() => set('fields', [])}
            >
              {t('apply.fieldsNone')}
            </button>
          </span>
        }
      />
      <ChoiceGroup
        name="methods"
        legend={t('apply.methods')}
        required
        choices={offered.map((method) => ({ value: method, label: t(`apply.method.${method}`) }))}
        value={values.methods}
        error={errors.methods}
        onChange={(methods) =>
          set(
            'methods',
            methods.filter((m): m is AgreedMethod => m === 'download' || m === 'api'),
          )
        }
      />
      <div className="pt-field-row">
        <Field
          name="validFrom"
          type="date"
          label={t('apply.validFrom')}
          hint={t('apply.validFromHint')}
          min={today}
          value={values.validFrom}
          error={errors.validFrom}
          onChange={(event) => set('validFrom', event.target.value)}
        />
        <Field
          name="validUntil"
          type="date"
          label={t('apply.validUntil')}
          hint={
            latest ? t('apply.validUntilHint', { days: maxPeriodDays ?? 0, date: date(latest) }) : undefined
          }
          required
          min={from}
          max={latest}
          value={values.validUntil}
          error={errors.validUntil}
          onChange={(event) => set('validUntil', event.target.value)}
        />
      </div>
      {others.length > 0 && (
        <div className="pt-alert pt-alert-error" role="alert" data-testid="apply-problems">
          {others.join('；')}
        </div>
      )}
      {failed && <ErrorMessage error={apply.error} testId="apply-error" />}
      <button type="submit" className="pt-button" disabled={apply.isPending} data-testid="apply-submit">
        {apply.isPending ? t('apply.busy') : t('apply.submit')}
      </button>
    </form>
  );
}
