import { TranslationOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { LANGS } from '../i18n/lang.ts';
import { useI18n } from '../i18n/index.tsx';

/** 中文 / English; the choice is kept in this browser and sent to the server with every call. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGS.map((code) => ({ key: code, label: t(`lang.${code}`) })),
        onClick: ({ key }) => setLang(key === 'en' ? 'en' : 'zh-CN'),
      }}
      trigger={['click']}
    >
      <Button
        type="text"
        icon={<TranslationOutlined />}
        aria-label={t('lang.label')}
        data-testid="language-switch"
        style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      >
        {t(`lang.${lang}`)}
      </Button>
    </Dropdown>
  );
}
