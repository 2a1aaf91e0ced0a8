import {
  ApartmentOutlined,
  BankOutlined,
  EnvironmentOutlined,
  RightOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { isMessageKey, useI18n, type MessageKey } from '../../i18n/index.tsx';
import { NAVIGATION } from '../navigation.tsx';
import { WorkdayCalculator } from './WorkdayCalculator.tsx';

function useCount(path: string, enabled: boolean) {
  return useQuery({
    queryKey: [path.slice(1), 'count'],
    queryFn: ({ signal }) =>
      api.get<Page<unknown>>(path, { pageSize: 1 }, { signal }).then((page) => page.total),
    enabled,
    retry: false,
  });
}

function CountCard({
  title,
  icon,
  path,
  to,
  unit,
  color,
}: {
  title: MessageKey;
  icon: ReactNode;
  path: string;
  to: string;
  unit: MessageKey;
  color: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const count = useCount(path, true);
  return (
    <Card hoverable onClick={() => navigate(to)} data-testid={`count-${path.slice(1)}`}>
      <Flex align="center" gap={16}>
        <Flex
          align="center"
          justify="center"
          style={{ width: 56, height: 56, borderRadius: 12, background: `${color}1a`, color, fontSize: 26 }}
        >
          {icon}
        </Flex>
        <Statistic
          title={t(title)}
          value={count.isError ? '—' : (count.data ?? 0)}
          loading={count.isLoading}
          suffix={t(unit)}
        />
        <RightOutlined style={{ marginLeft: 'auto', color: 'rgba(0,0,0,0.25)' }} />
      </Flex>
    </Card>
  );
}

/** 首页: who you are, how big the organisation is, the working-day calculator and the modules to come. */
export default function DashboardPage() {
  const { t } = useI18n();
  const { info, can } = useSession();
  const navigate = useNavigate();
  if (!info) return null;
  const user = info.user;
  const roleKey = `role.${user.role}`;
  const future = NAVIGATION.filter((item) => item.future && (!item.permission || can(item.permission)));

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="welcome">
          {t('dashboard.welcome', { name: user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {[isMessageKey(roleKey) ? t(roleKey) : user.role, user.departmentName, user.regionName]
            .filter((part, index) => part && (index > 0 || part !== user.displayName))
            .join(' · ')}
        </Typography.Text>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {t('dashboard.welcomeText')}
        </Typography.Paragraph>
      </Card>
      {can('org.read') && (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>
            <CountCard
              title="dashboard.regions"
              icon={<EnvironmentOutlined />}
              path="/regions"
              to="/console/org/regions"
              unit="dashboard.unit"
              color="#1d4f91"
            />
          </Col>
          <Col xs={24} md={8}>
            <CountCard
              title="dashboard.departments"
              icon={<BankOutlined />}
              path="/departments"
              to="/console/org/departments"
              unit="dashboard.unit"
              color="#0f8a5f"
            />
          </Col>
          {can('org.user.manage') && (
            <Col xs={24} md={8}>
              <CountCard
                title="dashboard.users"
                icon={<TeamOutlined />}
                path="/users"
                to="/console/org/users"
                unit="dashboard.unitPeople"
                color="#c8102e"
              />
            </Col>
          )}
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <WorkdayCalculator />
        </Col>
        {future.length > 0 && (
          <Col xs={24} lg={12}>
            <Card
              title={
                <span>
                  <ApartmentOutlined style={{ marginRight: 8 }} />
                  {t('dashboard.modules')}
                </span>
              }
              style={{ height: '100%' }}
            >
              <Row gutter={[12, 12]}>
                {future.map((item) => (
                  <Col xs={12} sm={8} key={item.key}>
                    <Card size="small" hoverable onClick={() => navigate(item.key)}>
                      <Flex vertical align="center" gap={6}>
                        <span style={{ fontSize: 24, color: '#1d4f91' }}>{item.icon}</span>
                        <Typography.Text strong>{t(item.label)}</Typography.Text>
                        <Tag>{t('dashboard.moduleSoon')}</Tag>
                      </Flex>
                    </Card>
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        )}
      </Row>
    </Flex>
  );
}
