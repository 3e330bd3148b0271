import { Button, Flex, Typography } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { GlobalSearch } from '../components/GlobalSearch';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useCan, useSession } from '../api/session';
import { UserMenu } from './UserMenu';
import { useTranslation } from 'react-i18next';

export function HeaderBar() {
  const { t } = useTranslation();
  const { shopName, terminal } = useSession();
  const navigate = useNavigate();
  const canSearch = useCan('customers.read');
  const canWriteCustomers = useCan('customers.write');
  const canWriteOrders = useCan('workOrders.write');
  const canIntake = canWriteCustomers && canWriteOrders;
  return (
    <Flex align="center" justify="space-between" gap="middle" style={{ height: '100%' }}>
      <Flex align="baseline" gap="middle" style={{ flex: 'none' }}>
        <Typography.Text strong className="shell__brand">
          {t('app.name')}
        </Typography.Text>
        {shopName && (
          <Typography.Text className="shell__shop" data-testid="shop-name">
            {shopName}
          </Typography.Text>
        )}
        {terminal && (
          <Typography.Text className="shell__terminal" data-testid="header-terminal">
            {t('lan.header.terminal', { name: terminal.name })}
          </Typography.Text>
        )}
      </Flex>
      <Flex align="center" gap="small" style={{ flex: 1, justifyContent: 'center', minWidth: 0 }}>
        {canSearch && <GlobalSearch />}
        {canIntake && (
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            onClick={() => void navigate('/intake')}
            data-testid="header-intake"
          >
            {t('nav.intake')}
          </Button>
        )}
      </Flex>
      <Flex align="center" gap="middle" style={{ flex: 'none' }}>
        <LanguageSwitch />
        <UserMenu />
      </Flex>
    </Flex>
  );
}
