import type { ReactNode } from 'react';
import { Menu, type MenuProps } from 'antd';
import {
  AccountBookOutlined,
  FileAddOutlined,
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
import '../components/counter.css';

type FutureArea = 'parts' | 'settlements' | 'reports' | 'backup';

/** Areas still to come: visible and greyed so the counter staff see what is planned. */
const FUTURE: { key: FutureArea; icon: ReactNode }[] = [
  { key: 'parts', icon: <InboxOutlined /> },
  { key: 'settlements', icon: <AccountBookOutlined /> },
  { key: 'reports', icon: <BarChartOutlined /> },
  { key: 'backup', icon: <CloudServerOutlined /> },
];

export function SideMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // A detail page lights up its area: /customers/… → /customers.
  const selected =
    ['/customers', '/work-orders', '/intake'].find((area) => pathname.startsWith(area)) ?? pathname;
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

  const counter: NonNullable<MenuProps['items']> = [];
  if (can('customers.write') && can('workOrders.write'))
    counter.push({
      key: '/intake',
      icon: <FileAddOutlined />,
      label: (
        <span data-testid="nav-intake" className="nav-intake">
          {t('nav.intake')}
        </span>
      ),
    });
  if (can('workOrders.read'))
    counter.push({
      key: '/work-orders',
      icon: <ToolOutlined />,
      label: label('nav-workOrders', t('nav.workOrders')),
    });
  if (can('customers.read'))
    counter.push({
      key: '/customers',
      icon: <TeamOutlined />,
      label: label('nav-customers', t('nav.customers')),
    });

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: label('nav-home', t('nav.home')) },
    ...counter,
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
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => void navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
