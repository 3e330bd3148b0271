import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Radio,
  Row,
  Select,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@shared/languages';
import { DEFAULT_TEMPLATES, type MessageValues } from '@shared/messageTemplates';
import { MESSAGE_EVENTS } from '@shared/schemas/messageKinds';
import { messageSettings, type MessageSettings } from '@shared/schemas/messages';
import { useDebounced } from '../../api/search';
import { useMessageSettings, usePreviewValues, useSaveMessageSettings } from '../../api/messages';
import { useFormRules } from '../../components/formRules';
import { showFieldErrors } from '../../components/formErrors';
import { NumberInput } from '../../components/NumberInput';
import { SearchInput } from '../../components/SearchInput';
import { errorMessage } from '../../i18n/errorMessage';
import { TemplateRow } from './TemplateRow';
import { minuteText, QUARTER_HOURS, toFormValues, toSettings, type TemplateFormValues } from './templateForm';
import './messages.css';

const fields = messageSettings.shape;

/** 设置 → 消息模板 (manager): loads the settings, then the form. */
export function MessageTemplatesPage() {
  const { t } = useTranslation();
  const settings = useMessageSettings();
  if (settings.isPending) return <Skeleton active />;
  if (settings.isError) return <Alert type="error" showIcon title={errorMessage(settings.error, t)} />;
  return <TemplatesForm settings={settings.data} />;
}

function TemplatesForm({ settings }: { settings: MessageSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateFormValues>();
  const rules = useFormRules();
  const save = useSaveMessageSettings();
  const [orderNo, setOrderNo] = useState('');
  const previewNo = useDebounced(orderNo.trim(), 300);
  const preview = usePreviewValues(previewNo);
  const values: MessageValues = preview.data?.values ?? {};

  const restore = (language: Language) => {
    for (const event of MESSAGE_EVENTS)
      form.setFieldValue(['templates', event, 'text'], DEFAULT_TEMPLATES[language][event]);
    form.setFieldValue('language', language);
  };

  const submit = (v: TemplateFormValues) =>
    save.mutate(toSettings(v), {
      onSuccess: () => void message.success(t('messages.templates.saved')),
      onError: (error) => {
        showFieldErrors(form, error, t);
        void message.error(errorMessage(error, t));
      },
    });

  const quietOptions = QUARTER_HOURS.map((m) => ({ value: m, label: minuteText(m) }));

  return (
    <Card title={t('messages.templates.title')} data-testid="message-templates-page">
      <Form<TemplateFormValues>
        form={form}
        name="messageTemplates"
        layout="vertical"
        initialValues={toFormValues(settings)}
        onFinish={submit}
        data-testid="message-templates-form"
      >
        <Typography.Paragraph type="secondary">{t('messages.templates.intro')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('messages.templates.channels')} extra={t('messages.templates.channelsHelp')}>
              <Flex gap="middle">
                <Form.Item name="sms" valuePropName="checked" noStyle>
                  <Checkbox data-testid="messages-channel-sms">{t('messages.templates.sms')}</Checkbox>
                </Form.Item>
                <Form.Item name="email" valuePropName="checked" noStyle>
                  <Checkbox data-testid="messages-channel-email">{t('messages.templates.email')}</Checkbox>
                </Form.Item>
              </Flex>
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('messages.templates.quietHours')}>
              <Flex gap={8} align="center">
                <Form.Item name="quietEnabled" valuePropName="checked" noStyle>
                  <Switch data-testid="messages-quiet-enabled" />
                </Form.Item>
                <span>{t('messages.templates.quietFrom')}</span>
                <Form.Item name="quietStart" noStyle>
                  <Select options={quietOptions} style={{ width: 90 }} data-testid="messages-quiet-start" />
                </Form.Item>
                <span>{t('messages.templates.quietTo')}</span>
                <Form.Item name="quietEnd" noStyle>
                  <Select options={quietOptions} style={{ width: 90 }} data-testid="messages-quiet-end" />
                </Form.Item>
              </Flex>
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              label={t('messages.templates.pickupReminderDays')}
              name="pickupReminderDays"
              rules={[rules.whole(fields.pickupReminderDays, { required: true })]}
            >
              <NumberInput suffix={t('settings.days')} data-testid="messages-reminder-days" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              label={t('messages.templates.maxAttempts')}
              name="maxAttempts"
              rules={[rules.whole(fields.maxAttempts, { required: true })]}
            >
              <NumberInput data-testid="messages-max-attempts" />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap="middle" wrap align="center" style={{ marginBottom: 16 }}>
          <SearchInput
            value={orderNo}
            onChange={setOrderNo}
            placeholder={t('messages.templates.previewOrderPlaceholder')}
            width={280}
            testId="messages-preview-order"
          />
          <Typography.Text type="secondary" data-testid="messages-preview-source">
            {preview.data?.orderNo
              ? t('messages.templates.previewOn', { orderNo: preview.data.orderNo })
              : t('messages.templates.previewSample')}
          </Typography.Text>
          <Form.Item label={t('messages.templates.language')} name="language" style={{ marginBottom: 0 }}>
            <Radio.Group
              optionType="button"
              size="small"
              options={LANGUAGES.map((l) => ({
                value: l,
                label: t(l === 'zh-CN' ? 'language.zh' : 'language.en'),
              }))}
            />
          </Form.Item>
          <Button size="small" onClick={() => restore('zh-CN')} data-testid="messages-restore-zh">
            {t('messages.templates.restoreZh')}
          </Button>
          <Button size="small" onClick={() => restore('en-US')} data-testid="messages-restore-en">
            {t('messages.templates.restoreEn')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary">
          {t('messages.templates.variablesHelp')} {t('messages.templates.lengthHelp')}
        </Typography.Paragraph>
        <Flex vertical gap="middle" style={{ marginBottom: 16 }}>
          {MESSAGE_EVENTS.map((event) => (
            <TemplateRow key={event} event={event} form={form} values={values} />
          ))}
        </Flex>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="messages-save">
          {t('messages.templates.save')}
        </Button>
      </Form>
    </Card>
  );
}
