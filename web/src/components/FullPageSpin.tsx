import { Flex, Spin } from 'antd';
import { useI18n } from '../i18n/index.tsx';

/** Shown while the session or a page's code is loading. */
export function FullPageSpin({ fullHeight = true }: { fullHeight?: boolean }) {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullHeight ? '100vh' : 320 }}>
      <Spin size="large" description={t('app.loading')}>
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </Flex>
  );
}
