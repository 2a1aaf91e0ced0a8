import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  PoweroffOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  App,
  Avatar,
  Breadcrumb,
  Button,
  Dropdown,
  Flex,
  Layout,
  Menu,
  Typography,
  type MenuProps,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { useSignOutEverywhere } from '../auth/useSignOutEverywhere.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { isMessageKey, useI18n, type Translate } from '../i18n/index.tsx';
import { findNavEntry, visibleNavigation, type NavItem } from './navigation.tsx';

/** Background of the side menu (the theme in App.tsx colours the menu to match). */
export const SIDER_BG = '#0f2a4a';

function toMenuItems(items: NavItem[], t: Translate): NonNullable<MenuProps['items']> {
  return items.map((item) =>
    item.children
      ? { key: item.key, icon: item.icon, label: t(item.label), children: toMenuItems(item.children, t) }
      : { key: item.key, icon: item.icon, label: t(item.label), 'data-testid': `nav-${item.key}` },
  );
}

/** Whether the profile requires a procedure (menu entries of such steps show only then). */
function useProcedures(): (procedure: string) => boolean {
  const profile = useQuery({
    queryKey: ['profile'],
    queryFn: ({ signal }) =>
      api.get<{ procedures: Record<string, { required: boolean }> }>('/profile', undefined, { signal }),
    staleTime: 10 * 60_000,
  });
  const procedures = profile.data?.procedures;
  return useMemo(() => (procedure: string) => procedures?.[procedure]?.required ?? false, [procedures]);
}

/** The console frame: side menu, header with the user and language, and the page. */
export function ConsoleLayout() {
  const { t } = useI18n();
  const { info, can, logout } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const signOutEverywhere = useSignOutEverywhere();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const entry = findNavEntry(location.pathname);
  const procedures = useProcedures();
  const menuItems = useMemo(
    () => toMenuItems(visibleNavigation(can, undefined, procedures), t),
    [can, t, procedures],
  );
  const [openKeys, setOpenKeys] = useState<string[]>(entry?.group ? [entry.group.key] : ['org']);

  if (!info) return null;
  const user = info.user;
  const roleKey = `role.${user.role}`;
  const roleLabel = isMessageKey(roleKey) ? t(roleKey) : user.role;
  const affiliation = user.departmentName ?? user.regionName ?? roleLabel;

  const signOut = async () => {
    await logout().catch(() => undefined);
    message.success(t('account.loggedOut'));
    navigate('/login', { replace: true });
  };

  const accountMenu: MenuProps = {
    items: [
      ...(can('self.manage')
        ? [{ key: 'password', icon: <KeyOutlined />, label: t('account.changePassword') }]
        : []),
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, label: t('account.logout') },
      ...(can('self.manage')
        ? [{ key: 'logout-all', icon: <PoweroffOutlined />, label: t('account.logoutAll'), danger: true }]
        : []),
    ],
    onClick: ({ key }) => {
      if (key === 'password') navigate('/console/settings');
      else if (key === 'logout') void signOut();
      else if (key === 'logout-all') signOutEverywhere();
    },
  };

  const crumbs = [
    ...(entry?.group ? [{ title: t(entry.group.label) }] : []),
    ...(entry ? [{ title: t(entry.item.label) }] : []),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        trigger={null}
        width={220}
        style={{ background: SIDER_BG }}
      >
        <Flex
          align="center"
          gap={10}
          style={{
            height: 64,
            padding: collapsed ? '0 20px' : '0 20px',
            overflow: 'hidden',
            cursor: 'pointer',
          }}
          onClick={() => navigate('/console')}
        >
          <img src="/favicon.svg" alt="" width={32} height={32} />
          {!collapsed && (
            <div style={{ lineHeight: 1.2, whiteSpace: 'nowrap' }}>
              <div style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>{t('app.name')}</div>
              <div style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>{t('app.fullName')}</div>
            </div>
          )}
        </Flex>
        <Menu
          theme="dark"
          mode="inline"
          items={menuItems}
          selectedKeys={entry ? [entry.item.key] : []}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
          onClick={({ key }) => navigate(key)}
          style={{ background: SIDER_BG, borderInlineEnd: 'none' }}
          data-testid="side-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px 0 8px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
            aria-label="menu"
          />
          <Breadcrumb items={crumbs} style={{ flex: 1 }} />
          <LanguageSwitch />
          <Dropdown menu={accountMenu} trigger={['click']}>
            <Button type="text" style={{ height: 48 }} data-testid="account-menu">
              <Flex align="center" gap={8}>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d4f91' }} />
                <Flex vertical align="flex-start" style={{ lineHeight: 1.25 }}>
                  <Typography.Text strong data-testid="current-user">
                    {user.displayName}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {affiliation}
                  </Typography.Text>
                </Flex>
                <DownOutlined style={{ fontSize: 10 }} />
              </Flex>
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<FullPageSpin fullHeight={false} />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)', padding: '12px 16px' }}>
          {t('app.name')} · {t('app.fullName')} · {t('login.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
