import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { securitySettings, type SecuritySettings } from '@shared/schemas/settings';
import { useFormRules } from '../../components/formRules';
import { NumberInput } from '../../components/NumberInput';
import { numberOf, numberText } from '../../lib/numberText';
import { useSaveSettings } from './useSaveSettings';

interface SecurityValues {
  idleLockMinutes: string;
}

interface SecurityFormProps {
  security: SecuritySettings;
  readOnly: boolean;
}

export function SecurityForm({ security, readOnly }: SecurityFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SecurityValues>();
  const { save, pending } = useSaveSettings(form);
  const rules = useFormRules();

  const submit = (values: SecurityValues) =>
    save({ security: { idleLockMinutes: numberOf(values.idleLockMinutes, 0) ?? 0 } });

  return (
    <Form<SecurityValues>
      form={form}
      name="security"
      layout="vertical"
      data-testid="settings-security-form"
      initialValues={{ idleLockMinutes: numberText(security.idleLockMinutes) }}
      disabled={readOnly}
      onFinish={submit}
    >
      <Form.Item
        label={t('settings.idleLockMinutes')}
        name="idleLockMinutes"
        extra={t('settings.idleLockHelp')}
        rules={[rules.whole(securitySettings.shape.idleLockMinutes, { required: true })]}
      >
        <NumberInput style={{ width: 160 }} />
      </Form.Item>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={pending} data-testid="settings-security-submit">
          {t('settings.saveSecurity')}
        </Button>
      )}
    </Form>
  );
}
