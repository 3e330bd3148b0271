import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '@shared/schemas/users';
import { formatDateTime } from '../../lib/format';

/** 正常 / 已停用 / 已锁定至 <time>; the server says whether the lock still holds. */
export function UserStatus({ user }: { user: UserRow }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag>{t('users.statusDisabled')}</Tag>;
  if (user.locked && user.lockedUntil !== null) {
    return <Tag color="orange">{t('users.statusLocked', { time: formatDateTime(user.lockedUntil) })}</Tag>;
  }
  return <Tag color="success">{t('users.statusActive')}</Tag>;
}
