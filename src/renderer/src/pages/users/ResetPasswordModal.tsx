import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '@shared/schemas/users';
import { useResetPassword } from '../../api/users';
import { FormModal } from '../../components/FormModal';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { errorMessage } from '../../i18n/errorMessage';

interface ResetPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetPasswordValues>();
  const reset = useResetPassword();
  const rules = useFormRules();

  const submit = ({ newPassword }: ResetPasswordValues) =>
    reset.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error, t),
      },
    );

  return (
    <FormModal<ResetPasswordValues>
      title={t('users.resetTitle', { username: user.username })}
      testId="user-reset"
      name="resetPassword"
      form={form}
      pending={reset.isPending}
      error={reset.error && errorMessage(reset.error, t)}
      submitText={t('users.resetPassword')}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item label={t('users.newPassword')} name="newPassword" rules={rules.password}>
        <Input.Password autoFocus autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('users.confirmPassword')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={rules.confirmOf('newPassword')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
