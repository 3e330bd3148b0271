import type { ReactNode } from 'react';
import { Menu, type MenuProps } from 'antd';
import {
  AccountBookOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudServerOutlined,
  HomeOutlined,
  InboxOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSession } from './session';

type FutureArea = 'customers' | 'workOrders' | 'parts' | 'settlements' | 'reports' | 'backup';

/** Areas still to come: visible and greyed so the counter staff see what is planned. */
const FUTURE: { key: FutureArea; icon: ReactNode }[] = [
  { key: 'customers', icon: <TeamOutlined /> },
  { key: 'workOrders', icon: <ToolOutlined /> },
  { key: 'parts', icon: <InboxOutlined /> },
  { key: 'settlements', icon: <AccountBookOutlined /> },
  { key: 'reports', icon: <BarChartOutlined /> },
  { key: 'backup', icon: <CloudServerOutlined /> },
];

export function SideMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { user } = useSession();
  const can = (permission: (typeof user.permissions)[number]) => user.permissions.includes(permission);

  const label = (testId: string, text: string) => <span data-testid={testId}>{text}</span>;
  const settingsChildren: NonNullable<MenuProps['items']> = [
    { key: '/settings', icon: <ShopOutlined />, label: label('nav-settings', t('nav.settings')) },
  ];
  if (can('users.read'))
    settingsChildren.push({
      key: '/users',
      icon: <UserOutlined />,
      label: label('nav-users', t('nav.users')),
    });
  if (can('audit.read'))
    settingsChildren.push({
      key: '/audit',
      icon: <AuditOutlined />,
      label: label('nav-audit', t('nav.audit')),
    });

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: label('nav-home', t('nav.home')) },
    ...FUTURE.map(({ key, icon }) => ({
      key: `future:${key}`,
      icon,
      disabled: true,
      title: t('nav.comingSoon'),
      label: label(`nav-${key}`, t(`nav.${key}`)),
    })),
    {
      type: 'group' as const,
      key: 'settings-group',
      label: t('nav.settingsGroup'),
      children: settingsChildren,
    },
  ];

  return (
    <Menu
      mode="inline"
      data-testid="side-menu"
      selectedKeys={[pathname]}
      items={items}
      onClick={({ key }) => void navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
