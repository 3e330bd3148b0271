import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@shared/roles';

/** A role picker; value and onChange come from the surrounding Form.Item. */
export function RoleSelect(props: SelectProps<Role>) {
  const { t } = useTranslation();
  return (
    <Select<Role>
      {...props}
      options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      data-testid="role-select"
    />
  );
}
