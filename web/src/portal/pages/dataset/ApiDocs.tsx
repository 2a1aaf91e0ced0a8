import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../../auth/session.tsx';
import type { DatasetPage } from '../../api.ts';
import { CodeBlock } from '../../components/CopyButton.tsx';
import { Empty } from '../../components/States.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';

/** Where examples read the personal API key from (never a real key in a page). */
export const KEY_VARIABLE = 'ZHENGSHU_KEY';

/** Copyable calls of the records API (cursor paging) in three languages, built from the access point. */
export function apiExamples(recordsUrl: string, downloadUrl: string | null) {
  const first = `${recordsUrl}?limit=100`;
  const curl = [
    `curl -H "Authorization: Bearer $${KEY_VARIABLE}" \\`,
    `  "${first}"`,
    ...(downloadUrl
      ? ['', `curl -H "Authorization: Bearer $${KEY_VARIABLE}" -o data.csv \\`, `  "${downloadUrl}"`]
      : []),
  ].join('\n');
  const python = [
    'import os',
    'import requests',
    '',
    `url = "${recordsUrl}"`,
    `headers = {"Authorization": f"Bearer {os.environ['${KEY_VARIABLE}']}"}`,
    'params = {"limit": 100}',
    'while True:',
    '    page = requests.get(url, headers=headers, params=params, timeout=30)',
    '    page.raise_for_status()',
    '    body = page.json()',
    '    for record in body["items"]:',
    '        print(record)',
    '    if not body["next"]:',
    '        break',
    '    params["after"] = body["next"]',
  ].join('\n');
  const javascript = [
    `const url = new URL('${recordsUrl}');`,
    "url.searchParams.set('limit', '100');",
    `const headers = { Authorization: \`Bearer \${process.env.${KEY_VARIABLE}}\` };`,
    'for (;;) {',
    '  const response = await fetch(url, { headers });',
    '  if (!response.ok) throw new Error(`HTTP ${response.status}`);',
    '  const body = await response.json();',
    '  for (const record of body.items) console.log(record);',
    '  if (!body.next) break;',
    "  url.searchParams.set('after', body.next);",
    '}',
  ].join('\n');
  return { curl, python, javascript };
}

/** The dataset's API documentation: the endpoint, its parameters and copyable examples. */
export function ApiDocs({ dataset }: { dataset: DatasetPage }) {
  const { t } = usePortalI18n();
  const session = useSession();
  const [language, setLanguage] = useState('curl');
  const records = dataset.accessPoints.find((point) => point.method === 'api');
  if (!records) return <Empty>{t('api.notOffered')}</Empty>;
  const csv = dataset.accessPoints.find((point) => point.key === 'download-csv');
  const examples = apiExamples(records.url, csv?.url ?? null);
  const sampleField = dataset.items[0]?.fieldName ?? 'field';
  const parameters: [string, string][] = [
    ['limit', t('api.param.limit')],
    ['after', t('api.param.after')],
    ['fields', t('api.param.fields')],
    [`${sampleField}=eq.…`, t('api.param.filter')],
  ];
  return (
    <div className="pt-api" data-testid="api-docs">
      <p>
        {t('api.intro')} <code className="pt-break">{`GET ${records.url}`}</code>
      </p>
      <p>
        {t('api.keyHint', { variable: KEY_VARIABLE })}{' '}
        {session.info ? (
          <Link to="/open/account">{t('api.createKey')}</Link>
        ) : (
          <Link to="/open/register">{t('api.registerFirst')}</Link>
        )}
      </p>
      <div className="pt-table-wrap">
        <table className="pt-table">
          <caption className="pt-visually-hidden">{t('api.parameters')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('api.parameter')}</th>
              <th scope="col">{t('api.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {parameters.map(([name, meaning]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>{meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Tabs
        label={t('api.examples')}
        active={language}
        onChange={setLanguage}
        testId="api-examples"
        tabs={[
          {
            key: 'curl',
            label: 'curl',
            content: <CodeBlock code={examples.curl} label="curl" testId="api-curl" />,
          },
          {
            key: 'python',
            label: 'Python',
            content: <CodeBlock code={examples.python} label="Python" testId="api-python" />,
          },
          {
            key: 'javascript',
            label: 'JavaScript',
            content: <CodeBlock code={examples.javascript} label="JavaScript" testId="api-javascript" />,
          },
        ]}
      />
    </div>
  );
}
