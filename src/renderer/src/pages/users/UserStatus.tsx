import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '@shared/schemas/users';
import { formatDateTime } from '../../components/format';

/** 正常 / 已停用 / 已锁定至 <time>. `now` is passed in so rendering stays pure. */
export function UserStatus({ user, now }: { user: UserRow; now: number }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag>{t('users.statusDisabled')}</Tag>;
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    return <Tag color="orange">{t('users.statusLocked', { time: formatDateTime(user.lockedUntil) })}</Tag>;
  }
  return <Tag color="success">{t('users.statusActive')}</Tag>;
}
