import { ToolOutlined } from '@ant-design/icons';
import { Button, Card, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import type { FutureModule } from '../navigation.tsx';

/** A planned module's page until it is built. */
export default function ComingSoonPage({ module }: { module: FutureModule }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const name = t(`menu.${module}`);
  return (
    <Card>
      <Result
        icon={<ToolOutlined style={{ color: '#1d4f91' }} />}
        title={`${name} · ${t('comingSoon.title')}`}
        subTitle={
          <>
            <div>{t(`comingSoon.${module}`)}</div>
            <div style={{ marginTop: 8 }}>{t('comingSoon.text', { module: name })}</div>
          </>
        }
        extra={
          <Button type="primary" onClick={() => navigate('/console')}>
            {t('comingSoon.backHome')}
          </Button>
        }
      />
    </Card>
  );
}
