import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../app/session';
import { RoleTag } from '../../components/RoleTag';

/** A welcome with who and where you are, and what you can do here. No figures until there are real ones. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, shopName, idleLockMinutes } = useSession();
  const canUsers = useCan('users.read');
  const canAudit = useCan('audit.read');
  const canSettings = useCan('settings.write');

  const hints = [
    t('home.hintMenu'),
    idleLockMinutes > 0 ? t('home.hintLockOn', { minutes: idleLockMinutes }) : t('home.hintLockOff'),
    ...(canSettings ? [t('home.hintSettings')] : []),
    ...(canUsers ? [t('home.hintUsers')] : []),
    ...(canAudit ? [t('home.hintAudit')] : []),
  ];

  return (
    <Card data-testid="home-welcome" title={t('home.welcome', { name: user.displayName })}>
      <Descriptions column={1} size="small" style={{ maxWidth: 520 }}>
        <Descriptions.Item label={t('home.shop')}>{shopName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('home.user')}>
          {user.displayName} ({user.username})
        </Descriptions.Item>
        <Descriptions.Item label={t('home.role')}>
          <RoleTag role={user.role} />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('home.hintsTitle')}</Typography.Title>
      <ul style={{ paddingInlineStart: 20, margin: 0 }}>
        {hints.map((hint) => (
          <li key={hint}>
            <Typography.Text type="secondary">{hint}</Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
