import { Badge, Menu, type MenuProps } from 'antd';
import {
  AccountBookOutlined,
  AlertOutlined,
  AppstoreOutlined,
  CarOutlined,
  AreaChartOutlined,
  ContactsOutlined,
  CommentOutlined,
  ProfileOutlined,
  FileTextOutlined,
  FileAddOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ScheduleOutlined,
  CloudServerOutlined,
  WifiOutlined,
  HomeOutlined,
  HistoryOutlined,
  MessageOutlined,
  SendOutlined,
  PhoneOutlined,
  InboxOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useStockAlerts } from '../api/stock';
import { useSession } from '../api/session';
import '../components/counter.css';
import '../pages/stock/stock.css';

export function SideMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // A detail page lights up its area: /customers/… → /customers.
  const selected =
    [
      '/customers',
      '/work-orders',
      '/intake',
      '/stock/parts',
      '/stock/documents',
      '/stock/alerts',
      '/stock/reports',
      '/stock/suppliers',
      '/settlements',
      '/complaints',
      '/day-close',
      '/reports',
      '/backup',
      '/lan',
      '/follow-ups',
      '/appointments',
      '/maintenance',
    ].find((area) => pathname.startsWith(area)) ?? pathname;
  const { user, terminal } = useSession();
  // Backups, restore, reset, the full export and the LAN settings are done at the host PC only.
  const atHost = terminal === null;
  const can = (permission: (typeof user.permissions)[number]) => user.permissions.includes(permission);
  const alerts = useStockAlerts(can('stock.read'));
  const alertCount = alerts.data?.length ?? 0;

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
  if (can('messages.manage'))
    settingsChildren.push({
      key: '/message-templates',
      icon: <MessageOutlined />,
      label: label('nav-messageTemplates', t('nav.messageTemplates')),
    });
  if (can('history.import'))
    settingsChildren.push({
      key: '/history-import',
      icon: <HistoryOutlined />,
      label: label('nav-historyImport', t('nav.historyImport')),
    });
  if (can('audit.read'))
    settingsChildren.push({
      key: '/audit',
      icon: <AuditOutlined />,
      label: label('nav-audit', t('nav.audit')),
    });
  if (can('lan.manage') && atHost)
    settingsChildren.push({
      key: '/lan',
      icon: <WifiOutlined />,
      label: label('nav-lan', t('nav.lan')),
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
  if (can('appointments.read'))
    counter.push({
      key: '/appointments',
      icon: <CalendarOutlined />,
      label: label('nav-appointments', t('nav.appointments')),
    });
  if (can('workOrders.read'))
    counter.push({
      key: '/work-orders',
      icon: <ToolOutlined />,
      label: label('nav-workOrders', t('nav.workOrders')),
    });
  if (can('workOrders.read'))
    counter.push({
      key: '/onsite',
      icon: <CarOutlined />,
      label: label('nav-onsite', t('onsite.menu')),
    });
  if (can('customers.read'))
    counter.push({
      key: '/customers',
      icon: <TeamOutlined />,
      label: label('nav-customers', t('nav.customers')),
    });
  if (can('complaints.read'))
    counter.push({
      key: '/complaints',
      icon: <CommentOutlined />,
      label: label('nav-complaints', t('nav.complaints')),
    });

  if (can('followUps.work'))
    counter.push({
      key: '/follow-ups',
      icon: <PhoneOutlined />,
      label: label('nav-followUps', t('followUps.title')),
    });
  if (can('maintenance.work'))
    counter.push({
      key: '/maintenance',
      icon: <ScheduleOutlined />,
      label: label('nav-maintenance', t('maintenance.title')),
    });
  if (can('messages.manage'))
    counter.push({
      key: '/outbox',
      icon: <SendOutlined />,
      label: label('nav-outbox', t('nav.outbox')),
    });

  // 配件库存: the catalog, documents, alerts (with their count), reports and suppliers.
  const stock: NonNullable<MenuProps['items']> = can('stock.read')
    ? [
        {
          key: 'stock',
          icon: <InboxOutlined />,
          label: (
            <span data-testid="nav-parts" className="stock-nav-badge">
              {t('nav.parts')}
              <Badge count={alertCount} size="small" data-testid="nav-parts-badge" data-count={alertCount} />
            </span>
          ),
          children: [
            {
              key: '/stock/parts',
              icon: <AppstoreOutlined />,
              label: label('nav-partsCatalog', t('nav.partsCatalog')),
            },
            {
              key: '/stock/documents',
              icon: <FileTextOutlined />,
              label: label('nav-stockDocuments', t('nav.stockDocuments')),
            },
            {
              key: '/stock/alerts',
              icon: <AlertOutlined />,
              label: (
                <span data-testid="nav-stockAlerts" className="stock-nav-badge">
                  {t('nav.stockAlerts')}
                  <Badge
                    count={alertCount}
                    overflowCount={99}
                    data-testid="nav-stockAlerts-badge"
                    data-count={alertCount}
                  />
                </span>
              ),
            },
            {
              key: '/stock/reports',
              icon: <AreaChartOutlined />,
              label: label('nav-stockReports', t('nav.stockReports')),
            },
            {
              key: '/stock/suppliers',
              icon: <ContactsOutlined />,
              label: label('nav-suppliers', t('nav.suppliers')),
            },
          ],
        },
      ]
    : [];

  // 结算: the settlements and the day close.
  const settlements: NonNullable<MenuProps['items']> = can('settlements.read')
    ? [
        {
          key: 'settlements',
          icon: <AccountBookOutlined />,
          label: label('nav-settlements', t('nav.settlements')),
          children: [
            {
              key: '/settlements',
              icon: <ProfileOutlined />,
              label: label('nav-settlementList', t('nav.settlementList')),
            },
            {
              key: '/day-close',
              icon: <CalendarOutlined />,
              label: label('nav-dayClose', t('nav.dayClose')),
            },
          ],
        },
      ]
    : [];

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: label('nav-home', t('nav.home')) },
    ...counter,
    ...stock,
    ...settlements,
    ...(can('reports.read')
      ? [{ key: '/reports', icon: <BarChartOutlined />, label: label('nav-reports', t('nav.reports')) }]
      : []),
    ...(can('backup.run') && atHost
      ? [{ key: '/backup', icon: <CloudServerOutlined />, label: label('nav-backup', t('nav.backup')) }]
      : []),
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
      defaultOpenKeys={
        pathname.startsWith('/stock')
          ? ['stock']
          : pathname.startsWith('/settlements') || pathname.startsWith('/day-close')
            ? ['settlements']
            : []
      }
      items={items}
      onClick={({ key }) => void navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
