import { useQuery, keepPreviousData } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Flex,
  Input,
  Pagination,
  Progress,
  Row,
  Select,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  FACET_PARAMS,
  FACETS,
  SEARCH_SORTS,
  type CatalogEntry,
  type EntrySearchPage,
  type Facet,
} from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import { LevelTag } from '../../../components/LevelTag.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { AccessTag, ClassKindTag, useCatalogLabels, useResource } from './meta.tsx';
import { QualityPanel, qualityColor } from './QualityPanel.tsx';
import { RevisionView } from './RevisionView.tsx';
import { ShareAction } from '../sharing/ShareActions.tsx';

type Sort = (typeof SEARCH_SORTS)[number];

/** A quality score as a small coloured ring. */
function Quality({ score }: { score: number }) {
  const { t } = useI18n();
  const color = qualityColor(score);
  return (
    <Flex vertical align="center" gap={2} style={{ minWidth: 64 }}>
      <Progress type="circle" size={44} percent={score} strokeColor={color} format={(p) => p} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('catalog.search.quality')}
      </Typography.Text>
    </Flex>
  );
}

/** One search result: name, code, provider, abstract, the types, formats and update cycle. */
function ResultCard({ entry, onOpen }: { entry: CatalogEntry; onOpen(): void }) {
  const { t } = useI18n();
  const labels = useCatalogLabels();
  return (
    <Card size="small" hoverable onClick={onOpen} data-testid="search-result">
      <Flex gap={16} align="flex-start">
        <Flex vertical gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong style={{ fontSize: 16, color: '#1d4f91' }}>
              {entry.name}
            </Typography.Text>
            <Typography.Text code>{entry.code}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary">
            {entry.departmentName} · {entry.regionName} ·{' '}
            {t('catalog.search.modified', { date: formatDate(entry.modifiedAt) })}
          </Typography.Text>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
            {entry.abstract}
          </Typography.Paragraph>
          <Flex gap={6} wrap align="center">
            <ClassKindTag kind={entry.classKind} />
            <Tag style={{ marginInlineEnd: 0 }}>{entry.className}</Tag>
            <AccessTag kind="share" type={entry.shareType} />
            <AccessTag kind="open" type={entry.openType} />
            <LevelTag level={entry.securityLevel} subLevel={entry.securitySubLevel} />
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {labels.term('updateCycles', entry.updateCycle)}
            </Tag>
            {entry.formats.map((format) => (
              <Tag key={format} bordered={false} style={{ marginInlineEnd: 0 }}>
                {format}
              </Tag>
            ))}
          </Flex>
        </Flex>
        <Flex vertical align="center" gap={8}>
          <Quality score={entry.qualityScore} />
          <ShareAction entry={entry} />
        </Flex>
      </Flex>
    </Card>
  );
}

/** The published revision of a resource, read-only. */
function EntryDrawer({ entry, onClose }: { entry: CatalogEntry | null; onClose(): void }) {
  const resource = useResource(entry?.resourceId);
  const published = resource.data?.published;
  return (
    <Drawer open={entry !== null} onClose={onClose} size={860} title={entry?.name} destroyOnHidden>
      {resource.isError && <QueryError error={resource.error} onRetry={() => resource.refetch()} />}
      {resource.isLoading && <Spin />}
      {resource.data && published && (
        <Flex vertical gap={16}>
          <QualityPanel resourceId={resource.data.id} />
          <RevisionView
            revision={published}
            code={resource.data.code}
            provider={resource.data.provider}
            firstPublishedAt={resource.data.firstPublishedAt}
          />
        </Flex>
      )}
    </Drawer>
  );
}

/**
 * 目录查询: the share catalog — search by words (Chinese word cutting on the server), narrow by
 * facets with counts, sort, and open any entry read-only.
 */
export default function SearchPage() {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Partial<Record<Facet, string>>>({});
  const [sort, setSort] = useState<Sort>('relevance');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [opened, setOpened] = useState<CatalogEntry | null>(null);

  const query = Object.fromEntries(FACETS.map((facet) => [FACET_PARAMS[facet], chosen[facet]]));
  const search = useQuery({
    queryKey: ['catalog', 'entries', { q, ...query, sort, page, pageSize, lang }],
    queryFn: ({ signal }) =>
      api.get<EntrySearchPage>(
        '/catalog/entries',
        { q, ...query, sort: q || sort !== 'relevance' ? sort : undefined, page, pageSize },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
  const data = search.data;
  const toggle = (facet: Facet, value: string) => {
    setChosen((all) => ({ ...all, [facet]: all[facet] === value ? undefined : value }));
    setPage(1);
  };

  return (
    <>
      <PageHeader title={t('catalog.search.title')} description={t('catalog.search.description')} />
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card
            size="small"
            title={t('catalog.search.facets')}
            extra={
              Object.values(chosen).some(Boolean) && (
                <Button type="link" size="small" onClick={() => setChosen({})}>
                  {t('catalog.search.clear')}
                </Button>
              )
            }
            data-testid="search-facets"
          >
            <Flex vertical gap={14}>
              {FACETS.map((facet) => {
                const values = data?.facets[facet] ?? [];
                if (values.length === 0 && !chosen[facet]) return null;
                return (
                  <div key={facet}>
                    <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
                      {t(`catalog.facet.${facet}`)}
                    </Typography.Text>
                    <Flex gap={6} wrap>
                      {values.map((value) => (
                        <Tag.CheckableTag
                          key={value.value}
                          checked={chosen[facet] === value.value}
                          onChange={() => toggle(facet, value.value)}
                          style={{ border: '1px solid #d9d9d9', marginInlineEnd: 0 }}
                        >
                          {value.label} <span style={{ opacity: 0.65 }}>{value.count}</span>
                        </Tag.CheckableTag>
                      ))}
                    </Flex>
                  </div>
                );
              })}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          <Flex vertical gap={12}>
            <Flex gap={12} wrap>
              <Input.Search
                size="large"
                allowClear
                enterButton={t('common.search')}
                placeholder={t('catalog.search.placeholder')}
                value={text}
                onChange={(event) => setText(event.target.value)}
                onSearch={(value) => {
                  setQ(value.trim());
                  setPage(1);
                }}
                style={{ flex: 1, minWidth: 280 }}
                data-testid="catalog-search"
              />
              <Select<Sort>
                size="large"
                value={sort}
                style={{ width: 160 }}
                onChange={(value) => {
                  setSort(value);
                  setPage(1);
                }}
                options={SEARCH_SORTS.map((value) => ({
                  value,
                  label: t(
                    `catalog.search.sort.${value === '-modifiedAt' ? 'modified' : value === '-quality' ? 'quality' : value}`,
                  ),
                }))}
              />
            </Flex>
            {search.isError && <QueryError error={search.error} onRetry={() => search.refetch()} />}
            {data && (
              <Typography.Text type="secondary" data-testid="search-total">
                {t('catalog.search.total', { total: data.total })}
              </Typography.Text>
            )}
            <Spin spinning={search.isFetching}>
              <Flex vertical gap={12} style={{ minHeight: 120 }}>
                {data?.items.map((entry) => (
                  <ResultCard key={entry.resourceId} entry={entry} onOpen={() => setOpened(entry)} />
                ))}
                {data && data.items.length === 0 && <Empty description={t('catalog.search.empty')} />}
              </Flex>
            </Spin>
            {data && data.total > 0 && (
              <Pagination
                align="end"
                current={page}
                pageSize={pageSize}
                total={data.total}
                showSizeChanger
                pageSizeOptions={[10, 20, 50]}
                showTotal={(total) => t('common.total', { total })}
                onChange={(next, size) => {
                  setPage(size !== pageSize ? 1 : next);
                  setPageSize(size);
                }}
              />
            )}
          </Flex>
        </Col>
      </Row>
      <EntryDrawer entry={opened} onClose={() => setOpened(null)} />
    </>
  );
}
