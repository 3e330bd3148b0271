import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../api/auth';
import { FormModal } from '../components/FormModal';
import { showFieldErrors } from '../components/formErrors';
import { useFormRules } from '../components/formRules';
import { errorMessage } from '../i18n/errorMessage';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const change = useChangePassword();
  const rules = useFormRules();

  const submit = ({ currentPassword, newPassword }: ChangePasswordValues) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('changePassword.done'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error, t),
      },
    );

  return (
    <FormModal<ChangePasswordValues>
      title={t('changePassword.title')}
      testId="change-password"
      name="changePassword"
      form={form}
      pending={change.isPending}
      error={change.error && errorMessage(change.error, t)}
      submitText={t('changePassword.submit')}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item
        label={t('changePassword.current')}
        name="currentPassword"
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.Password autoFocus autoComplete="current-password" />
      </Form.Item>
      <Form.Item label={t('changePassword.new')} name="newPassword" rules={rules.password}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('changePassword.confirm')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={rules.confirmOf('newPassword')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
