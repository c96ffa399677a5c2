import { useState } from 'react';
import { Button, Flex, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth';
import { useLang } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { menuEntries } from './nav';

const { Sider, Header, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation();
  const lang = useLang();
  const { me, can, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone (owners reading their notice board) the menu folds away entirely behind its trigger.
  const phone = Grid.useBreakpoint().md === false;

  const entries = menuEntries(me?.roles.map((r) => r.role) ?? [], can);
  const selected = entries.find((n) => location.pathname.startsWith(n.path))?.path;
  const roleNames = [...new Set(me?.roles.map((r) => (lang === 'en' ? r.roleName.en : r.roleName.zh)) ?? [])];

  return (
    <Layout className="app-shell">
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={208}
        collapsedWidth={phone ? 0 : 80}
        trigger={phone ? null : undefined}
        breakpoint="lg"
        className="app-sider"
      >
        <div className="app-brand">
          <span className="brand-mark" aria-hidden>
            共
          </span>
          {!collapsed && (
            <span className="brand-text">
              <strong>{t('app.name')}</strong>
              <small>{t('app.subtitle')}</small>
            </span>
          )}
        </div>
        <nav aria-label={t('nav.navigation')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={entries.map((n) => ({ key: n.path, icon: n.icon, label: t(n.labelKey) }))}
            onClick={({ key }) => {
              navigate(key);
              if (phone) setCollapsed(true);
            }}
          />
        </nav>
      </Sider>
      <Layout>
        <Header className="app-header">
          <Flex justify="flex-end" align="center" gap={16} style={{ height: '100%' }}>
            {phone && (
              <Button
                className="app-menu-toggle"
                icon={<MenuOutlined />}
                aria-label={t('nav.navigation')}
                onClick={() => setCollapsed(!collapsed)}
                data-testid="menu-toggle"
              />
            )}
            <Space size={8} data-testid="current-user" className="app-user">
              <UserOutlined aria-hidden />
              <Typography.Text strong>{me?.displayName}</Typography.Text>
              {roleNames.map((name) => (
                <Tag key={name} color="blue">
                  {name}
                </Tag>
              ))}
            </Space>
            <LanguageSwitch />
            <Button
              icon={<LogoutOutlined />}
              aria-label={t('common.signOut')}
              onClick={() => void logout().then(() => navigate('/login'))}
            >
              {!phone && t('common.signOut')}
            </Button>
          </Flex>
        </Header>
        <Content className="app-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
