import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { BasesTab } from './basedb/BasesTab.tsx';
import { DuplicatesTab } from './basedb/DuplicatesTab.tsx';
import { SourcesTab } from './basedb/SourcesTab.tsx';
import { ThemesTab } from './basedb/ThemesTab.tsx';

const TABS = ['sources', 'duplicates', 'bases', 'themes'] as const;

/**
 * 基础库与主题库 (CQ19 §16, §17): one source per base item, the duplicate-collection report, the
 * base databases with their builds and conflicts, and the theme databases declared over them.
 * The tab is kept in the address (`?tab=`) so that a link opens the same view.
 */
export default function BaseDatabasesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((key) => key === params.get('tab')) ?? 'sources';
  return (
    <>
      <PageHeader title={t('pools.basedb.title')} description={t('pools.basedb.description')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'sources', label: t('pools.basedb.tab.sources'), children: <SourcesTab /> },
            { key: 'duplicates', label: t('pools.basedb.tab.duplicates'), children: <DuplicatesTab /> },
            { key: 'bases', label: t('pools.basedb.tab.bases'), children: <BasesTab /> },
            { key: 'themes', label: t('pools.basedb.tab.themes'), children: <ThemesTab /> },
          ]}
        />
      </Card>
    </>
  );
}
