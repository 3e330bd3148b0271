import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/roles';

const COLORS: Record<Role, string> = { admin: 'red', manager: 'gold', clerk: 'blue', technician: 'green' };

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[role]} data-testid={`role-${role}`}>
      {t(`roles.${role}`)}
    </Tag>
  );
}
