import { Card, Empty } from 'antd';
import { PageHeader } from '../../../../components/PageHeader.tsx';
import { useI18n } from '../../../../i18n/index.tsx';

/** Placeholder until the page is built. */
export default function QualityPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('catalog.menu.quality')} />
      <Card>
        <Empty />
      </Card>
    </>
  );
}
