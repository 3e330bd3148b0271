import { App, Alert, Button, Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { lanSettings, type LanSettings } from '@shared/schemas/lan';
import { useConfigureLan } from '../../api/lan';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { NumberInput } from '../../components/NumberInput';
import { errorMessage } from '../../i18n/errorMessage';
import { numberOf, numberText } from '../../lib/numberText';

interface LanValues {
  enabled: boolean;
  address: string;
  port: string;
}

/** Host mode on or off, the address and the port; the host starts or stops listening on save. */
export function LanSettingsForm({ settings }: { settings: LanSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LanValues>();
  const configure = useConfigureLan();
  const rules = useFormRules();

  const submit = (values: LanValues) =>
    configure.mutate(
      { enabled: values.enabled, address: values.address.trim(), port: numberOf(values.port, 0) ?? 0 },
      {
        onSuccess: () => void message.success(t('lan.settings.saved')),
        onError: (error) => showFieldErrors(form, error, t),
      },
    );

  return (
    <Form<LanValues>
      form={form}
      name="lanSettings"
      layout="vertical"
      data-testid="lan-settings-form"
      initialValues={{
        enabled: settings.enabled,
        address: settings.address,
        port: numberText(settings.port),
      }}
      onFinish={submit}
    >
      <Form.Item
        label={t('lan.settings.enabled')}
        name="enabled"
        valuePropName="checked"
        extra={t('lan.settings.enabledHint')}
      >
        <Switch data-testid="lan-enabled" />
      </Form.Item>
      <Form.Item
        label={t('lan.settings.address')}
        name="address"
        extra={t('lan.settings.addressHint')}
        rules={[rules.text(lanSettings.shape.address)]}
      >
        <Input style={{ width: 240 }} autoComplete="off" data-testid="lan-address" />
      </Form.Item>
      <Form.Item
        label={t('lan.settings.port')}
        name="port"
        extra={t('lan.settings.portHint')}
        rules={[rules.whole(lanSettings.shape.port, { required: true })]}
      >
        <NumberInput style={{ width: 160 }} data-testid="lan-port" />
      </Form.Item>
      {configure.error && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(configure.error, t)}
          data-testid="lan-settings-error"
          style={{ marginBottom: 16 }}
        />
      )}
      <Button type="primary" htmlType="submit" loading={configure.isPending} data-testid="lan-settings-save">
        {t('lan.settings.save')}
      </Button>
    </Form>
  );
}
