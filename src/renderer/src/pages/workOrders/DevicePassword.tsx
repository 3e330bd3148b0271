import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** "1-5-9-6": an Android unlock pattern, dots numbered 1–9 left to right, top to bottom. */
function isPattern(value: string): boolean {
  return /^[1-9](-[1-9]){1,8}$/.test(value);
}

/**
 * The device's unlock PIN or pattern. The server sends it only to roles that need it (null
 * otherwise); even then it stays masked until revealed, since customers stand at the counter.
 */
export function DevicePassword({ value, exists }: { value: string | null; exists: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (value === null) {
    return (
      <Typography.Text type="secondary" data-testid="wo-password-hidden">
        {exists ? t('workOrders.passwordHidden') : t('workOrders.passwordNone')}
      </Typography.Text>
    );
  }
  if (value === '') {
    return <Typography.Text type="secondary">{t('workOrders.passwordNone')}</Typography.Text>;
  }
  return (
    <Space size={4}>
      <span className="wo-password" data-testid="wo-password">
        {shown ? value : '••••••'}
      </span>
      {shown && isPattern(value) && (
        <Typography.Text type="secondary">{t('workOrders.pattern')}</Typography.Text>
      )}
      <Button
        size="small"
        type="text"
        icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        onClick={() => setShown((s) => !s)}
        aria-label={shown ? t('workOrders.hide') : t('workOrders.reveal')}
        data-testid="wo-password-reveal"
      >
        {shown ? t('workOrders.hide') : t('workOrders.reveal')}
      </Button>
    </Space>
  );
}
