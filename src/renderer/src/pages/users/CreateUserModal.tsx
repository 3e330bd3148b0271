import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayName, username, type CreateUserInput } from '@shared/schemas/users';
import { useCreateUser } from '../../api/users';
import { FormModal } from '../../components/FormModal';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';
import { RoleSelect } from './RoleSelect';

export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserInput>();
  const create = useCreateUser();
  const rules = useFormRules();

  const submit = (values: CreateUserInput) =>
    create.mutate(values, {
      onSuccess: () => {
        void message.success(t('users.created'));
        onClose();
      },
      onError: (error) => showFieldErrors(form, error, t),
    });

  return (
    <FormModal<CreateUserInput>
      title={t('users.createTitle')}
      testId="user-create"
      name="createUser"
      form={form}
      initialValues={{ role: 'clerk' }}
      pending={create.isPending}
      error={create.error && errorMessage(create.error, t)}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item label={t('users.username')} name="username" rules={[rules.text(username, 'username')]}>
        <TextInput schema={username} autoFocus autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('users.displayName')} name="displayName" rules={[rules.text(displayName)]}>
        <TextInput schema={displayName} />
      </Form.Item>
      <Form.Item label={t('users.role')} name="role" rules={[rules.required]}>
        <RoleSelect />
      </Form.Item>
      <Form.Item label={t('users.password')} name="password" rules={rules.password}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
