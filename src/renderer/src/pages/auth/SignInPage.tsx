import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSignIn } from '../../api/auth';
import { AuthLayout } from '../../components/AuthLayout';
import { useFormRules } from '../../components/formRules';
import { errorMessage } from '../../i18n/errorMessage';

interface SignInValues {
  username: string;
  password: string;
}

export function SignInPage({ shopName }: { shopName: string | null }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignInValues>();
  const signIn = useSignIn();
  const rules = useFormRules();
  const navigate = useNavigate();

  const failure = signIn.error && errorMessage(signIn.error, t);

  const submit = (values: SignInValues) => {
    // Start at home: the address may still be a page of whoever used the counter before.
    // (Done now, not on success: this page unmounts as soon as the new state arrives.)
    void navigate('/', { replace: true });
    signIn.mutate(values, { onError: () => form.setFieldValue('password', '') });
  };

  return (
    <AuthLayout title={t('signIn.title')} subtitle={shopName}>
      <Form<SignInValues>
        form={form}
        name="signIn"
        layout="vertical"
        data-testid="signin-form"
        onFinish={submit}
      >
        <Form.Item label={t('signIn.username')} name="username" rules={[rules.required]}>
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item
          label={t('signIn.password')}
          name="password"
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {failure && (
          <Alert
            type="error"
            showIcon
            title={failure}
            data-testid="signin-error"
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="signin-submit">
          {t('signIn.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
