// 接口说明: how the grant's application calls the sharing API, as curl commands to copy. Every call
// carries the application's API key (Authorization) and the purpose (X-Purpose, the grant's own).
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import type { Item } from '../../../api/catalog.ts';
import type { ShareGrant } from '../../../api/sharing.ts';
import { useI18n, type MessageKey } from '../../../i18n/index.tsx';
import { copyText } from '../../../lib/clipboard.ts';

/** One way of calling: its title, what it is for, and the command. */
interface Example {
  way: 'lookup' | 'query' | 'export' | 'changes' | 'live';
  command: string;
}

/** A value that fits an item, to put in an example (the reader replaces it). */
function sampleOf(item: Item | undefined): string {
  if (!item) return '<value>';
  if (item.fieldName === 'sfzh' || /身份/.test(item.name)) return '500103199001011234';
  if (/信用代码/.test(item.name)) return '91500103MA5U000000';
  if (item.dataType === 'D') return '2024-01-01';
  if (['N', 'I', 'F', 'B', 'Y'].includes(item.dataType)) return '100';
  return `<${item.name}>`;
}

/** The curl commands of the four ways (and the pass-through) for a grant. */
export function apiExamples(grant: ShareGrant, items: Item[] | undefined, origin: string): Example[] {
  const base = `${origin}/api/v1/share/resources/${encodeURIComponent(grant.resource.code)}`;
  const fields = new Set(grant.fields);
  const granted = (items ?? []).filter((item) => fields.has(item.fieldName));
  const key = (items ?? []).find((item) => item.isKey);
  const filterItem = granted.find((item) => !item.isKey) ?? granted[0];
  const shown = granted
    .slice(0, 3)
    .map((item) => item.fieldName)
    .join(',');
  const headers = [
    `-H "Authorization: Bearer $ZHENGSHU_KEY"`,
    `-H "X-Purpose: ${grant.purpose.replace(/"/g, '\\"')}"`,
  ];
  const curl = (url: string, extra = '') =>
    `curl -sS ${headers.join(' \\\n     ')} \\\n     "${url}"${extra}`;
  const filter = filterItem ? `${filterItem.fieldName}=eq.${encodeURIComponent(sampleOf(filterItem))}&` : '';
  return [
    { way: 'lookup', command: curl(`${base}/records/${encodeURIComponent(sampleOf(key))}`) },
    { way: 'query', command: curl(`${base}/records?${filter}fields=${shown}&limit=100`) },
    { way: 'export', command: curl(`${base}/export?format=csv`, ' \\\n     -o export.csv') },
    { way: 'changes', command: curl(`${base}/changes?since=<cursor>`) },
    { way: 'live', command: curl(`${base}/live/${encodeURIComponent(sampleOf(key))}`) },
  ];
}

const HELP: Record<Example['way'], MessageKey> = {
  lookup: 'sharing.api.lookup',
  query: 'sharing.api.query',
  export: 'sharing.api.export',
  changes: 'sharing.api.changes',
  live: 'sharing.api.live',
};

/** The calling examples with copy buttons, for the grant's application developer. */
export function ApiGuide({
  grant,
  items,
  forConsumer,
}: {
  grant: ShareGrant;
  items: Item[] | undefined;
  forConsumer: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async (text: string) => {
    if (await copyText(text)) message.success(t('common.copied'));
    else message.error(t('common.copyFailed'));
  };
  const keyLine = "export ZHENGSHU_KEY='zsk_…'";
  return (
    <Flex vertical gap={12} data-testid="api-guide">
      <Alert
        type="info"
        showIcon
        title={t('sharing.api.intro', { application: grant.application, purpose: grant.purpose })}
        description={forConsumer ? t('sharing.api.keyHelp') : t('sharing.api.notConsumer')}
      />
      <Card size="small" title={t('sharing.api.key')}>
        <CommandBlock command={keyLine} onCopy={copy} testId="api-key-line" />
      </Card>
      {apiExamples(grant, items, window.location.origin).map((example) => (
        <Card
          key={example.way}
          size="small"
          title={t(`sharing.way.${example.way}`)}
          data-testid={`api-${example.way}`}
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t(HELP[example.way])}
          </Typography.Paragraph>
          <CommandBlock command={example.command} onCopy={copy} testId={`api-copy-${example.way}`} />
        </Card>
      ))}
      <Typography.Text type="secondary">{t('sharing.api.errors')}</Typography.Text>
    </Flex>
  );
}

function CommandBlock({
  command,
  onCopy,
  testId,
}: {
  command: string;
  onCopy(text: string): void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={8} align="flex-start">
      <pre
        style={{
          flex: 1,
          margin: 0,
          padding: '8px 12px',
          background: '#f5f7fa',
          borderRadius: 6,
          fontSize: 12,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {command}
      </pre>
      <Button icon={<CopyOutlined />} onClick={() => onCopy(command)} data-testid={testId}>
        {t('common.copy')}
      </Button>
    </Flex>
  );
}
