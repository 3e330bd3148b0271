import { Flex, Typography } from 'antd';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSession } from './session';
import { UserMenu } from './UserMenu';
import { useTranslation } from 'react-i18next';

export function HeaderBar() {
  const { t } = useTranslation();
  const { shopName } = useSession();
  return (
    <Flex align="center" justify="space-between" style={{ height: '100%' }}>
      <Flex align="baseline" gap="middle">
        <Typography.Text strong className="shell__brand">
          {t('app.name')}
        </Typography.Text>
        {shopName && (
          <Typography.Text className="shell__shop" data-testid="shop-name">
            {shopName}
          </Typography.Text>
        )}
      </Flex>
      <Flex align="center" gap="middle">
        <LanguageSwitch />
        <UserMenu />
      </Flex>
    </Flex>
  );
}
