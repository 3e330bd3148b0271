import { Alert, App, Button, Form, Input } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@shared/schemas/users';
import { ApiError } from '../../lib/apiError';
import { useSignOut, useUnlock } from '../../api/auth';
import { AuthLayout } from '../../components/AuthLayout';
import { errorMessage } from '../../i18n/errorMessage';

interface UnlockValues {
  password: string;
}

/** The screen lock: the same user types the password again, or signs out. */
export function LockScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UnlockValues>();
  const unlock = useUnlock();
  const signOut = useSignOut();
  const { message } = App.useApp();

  const submit = (values: UnlockValues) =>
    unlock.mutate(values, {
      onError: (error) => {
        form.setFieldValue('password', '');
        // A lockout ends the session and this screen goes away: say why where it stays visible.
        if (error instanceof ApiError && error.code === 'ACCOUNT_LOCKED') {
          void message.error({ content: errorMessage(error, t), duration: 10 });
        }
      },
    });

  return (
    <AuthLayout
      title={
        <>
          <LockOutlined /> {t('lock.title')}
        </>
      }
      subtitle={
        <span data-testid="lock-user">
          {t('lock.hint', { name: user.displayName, username: user.username })}
        </span>
      }
    >
      <Form<UnlockValues>
        form={form}
        name="unlock"
        layout="vertical"
        data-testid="lock-form"
        onFinish={submit}
      >
        <Form.Item
          label={t('lock.password')}
          name="password"
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        {unlock.error && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(unlock.error, t)}
            data-testid="lock-error"
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" block loading={unlock.isPending} data-testid="unlock-submit">
          {t('lock.submit')}
        </Button>
        <Button
          type="link"
          block
          style={{ marginTop: 8 }}
          loading={signOut.isPending}
          onClick={() => signOut.mutate()}
          data-testid="lock-signout"
        >
          {t('lock.signOut')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
