import { Button, Form, Radio, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PICKUP_SIGNATURE_MODES, type HandoverSettings } from '@shared/schemas/handover';
import { useSaveSettings } from './useSaveSettings';

/** 交机: whether the customer signs at pickup (off, offered, required) and the ID note without the ticket. */
export function HandoverSettingsForm({
  handover,
  readOnly,
}: {
  handover: HandoverSettings;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HandoverSettings>();
  const { save, pending } = useSaveSettings(form);
  return (
    <Form<HandoverSettings>
      form={form}
      name="handoverSettings"
      layout="vertical"
      data-testid="settings-handover-form"
      initialValues={handover}
      disabled={readOnly}
      onFinish={(values) => save({ handover: values })}
      style={{ maxWidth: 720 }}
    >
      <Typography.Paragraph type="secondary">{t('handover.settings.help')}</Typography.Paragraph>
      <Form.Item label={t('handover.settings.pickupSignature')} name="pickupSignature">
        <Radio.Group data-testid="settings-pickup-signature">
          {PICKUP_SIGNATURE_MODES.map((mode) => (
            <Radio key={mode} value={mode} data-testid={`settings-pickup-signature-${mode}`}>
              {t(`handover.settings.modes.${mode}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        label={t('handover.settings.idNoteWithoutTicket')}
        name="idNoteWithoutTicket"
        valuePropName="checked"
      >
        <Switch data-testid="settings-id-note-without-ticket" />
      </Form.Item>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={pending} data-testid="settings-handover-submit">
          {t('handover.settings.save')}
        </Button>
      )}
    </Form>
  );
}
