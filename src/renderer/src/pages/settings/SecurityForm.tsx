import { Button, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SecuritySettings } from '@shared/schemas/settings';
import { useSaveSettings } from './useSaveSettings';

interface SecurityFormProps {
  security: SecuritySettings;
  readOnly: boolean;
}

export function SecurityForm({ security, readOnly }: SecurityFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SecuritySettings>();
  const { save, pending } = useSaveSettings(form);

  const submit = (values: SecuritySettings) => save({ security: values });

  return (
    <Form<SecuritySettings>
      form={form}
      name="security"
      layout="vertical"
      data-testid="settings-security-form"
      initialValues={security}
      disabled={readOnly}
      onFinish={submit}
    >
      <Form.Item
        label={t('settings.idleLockMinutes')}
        name="idleLockMinutes"
        extra={t('settings.idleLockHelp')}
        rules={[
          { required: true, message: t('validation.required') },
          { type: 'integer', min: 0, max: 240, message: t('validation.idleLockMinutes') },
        ]}
      >
        <InputNumber min={0} max={240} precision={0} style={{ width: 160 }} />
      </Form.Item>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={pending} data-testid="settings-security-submit">
          {t('settings.saveSecurity')}
        </Button>
      )}
    </Form>
  );
}
