import { App, Form, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/roles';
import { displayName, type UserRow } from '@shared/schemas/users';
import { useUpdateUser } from '../../api/users';
import { useSession } from '../../api/session';
import { FormModal } from '../../components/FormModal';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';
import { RoleSelect } from './RoleSelect';

interface EditUserValues {
  displayName: string;
  role: Role;
  disabled: boolean;
}

export function EditUserModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const [form] = Form.useForm<EditUserValues>();
  const update = useUpdateUser();
  const rules = useFormRules();
  const self = session.user.id === user.id;

  const submit = (values: EditUserValues) =>
    update.mutate(
      { id: user.id, ...values },
      {
        onSuccess: () => {
          void message.success(t('users.updated'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error, t),
      },
    );

  return (
    <FormModal<EditUserValues>
      title={t('users.editTitle', { username: user.username })}
      testId="user-edit"
      name="editUser"
      form={form}
      initialValues={{ displayName: user.displayName, role: user.role, disabled: user.disabled }}
      pending={update.isPending}
      error={update.error && errorMessage(update.error, t)}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item label={t('users.displayName')} name="displayName" rules={[rules.text(displayName)]}>
        <TextInput schema={displayName} autoFocus />
      </Form.Item>
      <Form.Item label={t('users.role')} name="role" rules={[rules.required]}>
        <RoleSelect />
      </Form.Item>
      <Form.Item
        label={t('users.disabled')}
        name="disabled"
        valuePropName="checked"
        extra={t('users.disabledHelp')}
      >
        <Switch disabled={self && !user.disabled} data-testid="user-disabled-switch" />
      </Form.Item>
    </FormModal>
  );
}
