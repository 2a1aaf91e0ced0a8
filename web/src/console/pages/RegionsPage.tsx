import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { REGION_LEVELS, type Region, type RegionLevel } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { FilterBar, FilterSearch } from '../../components/FilterBar.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useList } from '../../lib/useList.ts';

const LEVEL_COLORS: Record<RegionLevel, string> = { province: 'red', city: 'blue', district: 'green' };

interface RegionForm {
  code: string;
  name: string;
  level: RegionLevel;
  parentId?: string;
}

function RegionModal({ region, onClose }: { region: Region | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editing = region !== null;
  return (
    <FormModal<RegionForm>
      name="region"
      title={editing ? t('region.edit') : t('region.create')}
      okText={editing ? t('common.save') : t('common.create')}
      fieldNames={['code', 'name', 'level', 'parentId']}
      initialValues={region ? { code: region.code, name: region.name } : { level: 'district' }}
      onSubmit={async (values) => {
        if (region) {
          await api.patch(`/regions/${region.id}`, { code: values.code, name: values.name.trim() });
          message.success(t('common.saved'));
        } else {
          await api.post('/regions', {
            code: values.code,
            name: values.name.trim(),
            level: values.level,
            ...(values.parentId ? { parentId: values.parentId } : {}),
          });
          message.success(t('common.created'));
        }
        await queryClient.invalidateQueries({ queryKey: ['regions'] });
        onClose();
      }}
      onClose={onClose}
    >
      <Form.Item
        name="code"
        label={t('region.code')}
        extra={t('region.codeHelp')}
        rules={[
          { required: true, message: t('common.requiredField', { field: t('region.code') }) },
          { pattern: /^\d{6}$/, message: t('region.codeInvalid') },
        ]}
      >
        <Input maxLength={6} inputMode="numeric" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('region.name')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('region.name') }),
          },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
      {!editing && (
        <>
          <Form.Item
            name="level"
            label={t('region.level')}
            rules={[{ required: true, message: t('common.requiredSelect', { field: t('region.level') }) }]}
          >
            <Select options={REGION_LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }))} />
          </Form.Item>
          <Form.Item noStyle dependencies={['level']}>
            {({ getFieldValue }) => {
              const level = getFieldValue('level') as RegionLevel | undefined;
              return (
                <Form.Item name="parentId" label={t('region.parent')} extra={t('region.parentHelp')}>
                  <RegionSelect
                    filter={(candidate) =>
                      level === 'city' ? candidate.level === 'province' : candidate.level !== 'district'
                    }
                  />
                </Form.Item>
              );
            }}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

interface Filters {
  q?: string;
  level?: RegionLevel;
  parentId?: string;
  [key: string]: string | undefined;
}

/** 行政区域: the provinces, cities and districts of the deployment. */
export default function RegionsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useList<Region, Filters>('/regions', {});
  const [modal, setModal] = useState<{ region: Region | null } | null>(null);
  const [filterForm] = Form.useForm<Filters>();
  const mayManage = can('org.region.manage');

  const columns: TableColumnsType<Region> = [
    { title: t('region.code'), dataIndex: 'code', key: 'code', width: 120 },
    { title: t('region.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('region.level'),
      dataIndex: 'level',
      key: 'level',
      width: 120,
      render: (level: RegionLevel) => <Tag color={LEVEL_COLORS[level]}>{t(`level.${level}`)}</Tag>,
    },
    {
      title: t('region.parent'),
      dataIndex: 'parentName',
      key: 'parentName',
      render: (name: string | null) => name ?? '—',
    },
    ...(mayManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, region: Region) => (
              <Button type="link" icon={<EditOutlined />} onClick={() => setModal({ region })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('region.title')}
        description={t('region.description')}
        extra={
          mayManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ region: null })}>
              {t('region.create')}
            </Button>
          )
        }
      />
      <Card>
        <FilterBar
          form={filterForm}
          list={list}
          onSearch={(values) =>
            list.setFilters({
              q: values.q?.trim() || undefined,
              level: values.level,
              parentId: values.parentId,
            })
          }
        >
          <FilterSearch placeholder={t('region.searchPlaceholder')} width={220} />
          <Form.Item name="level" label={t('region.level')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={REGION_LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }))}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="parentId" label={t('region.parent')}>
            <RegionSelect
              style={{ width: 220 }}
              placeholder={t('common.all')}
              filter={(r) => r.level !== 'district'}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
        </FilterBar>
        <ListTable<Region> list={list} emptyText={t('region.empty')} columns={columns} scroll={{ x: 640 }} />
      </Card>
      {modal && <RegionModal region={modal.region} onClose={() => setModal(null)} />}
    </>
  );
}
