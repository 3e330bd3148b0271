import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { terminalName } from '@shared/schemas/lan';
import { pairCodeFromUrl, usePair } from '../../api/pairing';
import { AuthLayout } from '../../components/AuthLayout';
import { useFormRules } from '../../components/formRules';
import { TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';

interface PairValues {
  code: string;
  name: string;
}

const SIX_DIGITS = /^\d{6}$/;

/**
 * A browser the host does not know pairs first: the code shown on the host (prefilled when the
 * page was opened from the host's QR code) and a name for this terminal. The key comes back as a
 * cookie; then the normal sign-in screen follows.
 */
export function PairingPage({ revoked }: { revoked: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PairValues>();
  const pair = usePair();
  const rules = useFormRules();
  const prefilled = pairCodeFromUrl(window.location.search);

  const submit = (values: PairValues) =>
    pair.mutate(
      { code: values.code.trim(), name: values.name.trim() },
      {
        onSuccess: (result) => void message.success(t('lan.pair.done', { name: result.terminal.name })),
      },
    );

  return (
    <AuthLayout title={t('lan.pair.title')} width={460}>
      {revoked && (
        <Alert
          type="error"
          showIcon
          title={t('errors.terminalRevoked')}
          data-testid="pair-revoked"
          style={{ marginBottom: 16 }}
        />
      )}
      <Typography.Paragraph data-testid="pair-intro">
        {t(revoked ? 'lan.pair.introRevoked' : 'lan.pair.intro')}
      </Typography.Paragraph>
      <Form<PairValues>
        form={form}
        name="pair"
        layout="vertical"
        data-testid="pair-form"
        initialValues={{ code: prefilled, name: '' }}
        onFinish={submit}
      >
        <Form.Item
          label={t('lan.pair.code')}
          name="code"
          rules={[
            { required: true, message: t('lan.pair.codeFormat') },
            {
              validator: (_rule, value: unknown) =>
                typeof value !== 'string' || value === '' || SIX_DIGITS.test(value.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('lan.pair.codeFormat'))),
            },
          ]}
        >
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus={!prefilled}
            className="lan-pair-code"
            style={{ fontSize: 24, letterSpacing: '0.3em', width: 200 }}
            data-testid="pair-code"
          />
        </Form.Item>
        <Form.Item label={t('lan.pair.name')} name="name" rules={[rules.text(terminalName)]}>
          <TextInput
            schema={terminalName}
            autoFocus={!!prefilled}
            placeholder={t('lan.pair.namePlaceholder')}
            data-testid="pair-name"
          />
        </Form.Item>
        {pair.error && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(pair.error, t)}
            data-testid="pair-error"
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" block loading={pair.isPending} data-testid="pair-submit">
          {t('lan.pair.submit')}
        </Button>
      </Form>
      <Typography.Paragraph
        type="secondary"
        style={{ marginTop: 16, marginBottom: 0 }}
        data-testid="pair-hint"
      >
        {t('lan.pair.fingerprintHint')}
      </Typography.Paragraph>
    </AuthLayout>
  );
}
