import { useState } from 'react';
import { Alert, Button, Divider, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { branchCode, shopName } from '@shared/schemas/settings';
import { displayName, username } from '@shared/schemas/users';
import { useSetup } from '../../api/auth';
import { AuthLayout } from '../../components/AuthLayout';
import { showFieldErrors } from '../../components/formErrors';
import { normalizeBranchCode, useFormRules } from '../../components/formRules';
import { TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';

interface SetupValues {
  shopName: string;
  branchCode: string;
  admin: { username: string; displayName: string; password: string };
  confirmPassword: string;
}

/** Shown once, while no user exists: the shop and its first administrator. */
export function FirstRunPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupValues>();
  const setup = useSetup();
  const rules = useFormRules();
  // Which of the two buttons sent the form: the demo shop is the same setup with sample data.
  const [sampleData, setSampleData] = useState(false);

  const submit = ({ shopName, branchCode, admin }: SetupValues, withSample = false) => {
    setSampleData(withSample);
    setup.mutate(
      { shopName, branchCode, admin, sampleData: withSample },
      { onError: (error) => showFieldErrors(form, error, t) },
    );
  };
  // Invalid fields show their messages and nothing is sent, as with the main button.
  const trySample = () =>
    form.validateFields().then(
      (values) => submit(values, true),
      () => undefined,
    );

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.intro')} width={480}>
      <Form<SetupValues>
        form={form}
        name="setup"
        layout="vertical"
        data-testid="setup-form"
        onFinish={(values) => submit(values)}
      >
        <Divider titlePlacement="start" plain>
          {t('setup.shopSection')}
        </Divider>
        <Form.Item label={t('setup.shopName')} name="shopName" rules={[rules.text(shopName)]}>
          <TextInput schema={shopName} autoFocus />
        </Form.Item>
        <Form.Item
          label={t('setup.branchCode')}
          name="branchCode"
          rules={[rules.text(branchCode, 'branchCode')]}
          normalize={normalizeBranchCode}
          extra={t('setup.branchCodeHelp')}
        >
          <Input placeholder="BJ01" />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('setup.adminSection')}
        </Divider>
        <Form.Item
          label={t('setup.adminUsername')}
          name={['admin', 'username']}
          rules={[rules.text(username, 'username')]}
        >
          <TextInput schema={username} autoComplete="username" placeholder="admin" />
        </Form.Item>
        <Form.Item
          label={t('setup.displayName')}
          name={['admin', 'displayName']}
          rules={[rules.text(displayName)]}
        >
          <TextInput schema={displayName} />
        </Form.Item>
        <Form.Item
          label={t('setup.password')}
          name={['admin', 'password']}
          rules={rules.password}
          extra={t('setup.passwordHelp')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('setup.confirmPassword')}
          name="confirmPassword"
          dependencies={[['admin', 'password']]}
          rules={rules.confirmOf(['admin', 'password'])}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {setup.error && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(setup.error, t)}
            data-testid="setup-error"
            style={{ marginBottom: 16 }}
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={setup.isPending && !sampleData}
          disabled={setup.isPending && sampleData}
          data-testid="setup-submit"
        >
          {t('setup.submit')}
        </Button>
        <Divider plain />
        <Button
          block
          loading={setup.isPending && sampleData}
          disabled={setup.isPending && !sampleData}
          onClick={() => void trySample()}
          data-testid="setup-sample-data"
        >
          {t('setup.sampleData')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('setup.sampleDataHelp')}
        </Typography.Paragraph>
      </Form>
    </AuthLayout>
  );
}
