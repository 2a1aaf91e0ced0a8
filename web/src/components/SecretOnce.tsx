import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { copyText } from '../lib/clipboard.ts';

/**
 * A secret the server shows only once (an initial password, an API key): a warning, the value with a
 * copy button, and a close button that says the user has saved it.
 */
export function SecretOnce({
  open,
  title,
  warning,
  secret,
  closeText,
  onClose,
}: {
  open: boolean;
  title: string;
  warning: string;
  secret: string;
  closeText?: string;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    if (await copyText(secret)) message.success(t('common.copied'));
    else message.warning(t('common.copyFailed'));
  };
  return (
    <Modal
      open={open}
      title={title}
      mask={{ closable: false }}
      keyboard={false}
      closable={false}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-close">
          {closeText ?? t('common.close')}
        </Button>
      }
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={warning} />
        <Space.Compact style={{ width: '100%' }}>
          <Input
            readOnly
            value={secret}
            data-testid="secret-value"
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 16 }}
            onFocus={(event) => event.target.select()}
          />
          <Button type="primary" icon={<CopyOutlined />} onClick={copy}>
            {t('common.copy')}
          </Button>
        </Space.Compact>
      </Space>
    </Modal>
  );
}
