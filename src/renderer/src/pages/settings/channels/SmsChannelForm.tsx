import { MESSAGE_EVENTS } from '@shared/schemas/messageKinds';
import { useState } from 'react';
import { Button, Col, Divider, Flex, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { smsSettings, smsTemplateCode, type ChannelsView } from '@shared/schemas/channels';
import { useFormRules } from '../../../components/formRules';
import { TextInput } from '../../../components/TextInput';
import { SecretField, secretChangeOf } from './SecretField';
import { TestSendResult } from './TestSendResult';
import { useChannelSave, useChannelTest } from './useChannelSave';

const fields = smsSettings.shape;

interface SmsValues {
  sms: {
    enabled: boolean;
    accessKeyId: string;
    /** What is typed: a new secret, or nothing to keep the saved one. */
    accessKeySecret?: string;
    clearSecret?: boolean;
    signName: string;
    endpoint: string;
    templateCodes: Record<string, string>;
  };
}

/** The shop's Alibaba Cloud SMS account: key, sign name, endpoint, one template code per event; and a test. */
export function SmsChannelForm({ view }: { view: ChannelsView['sms'] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SmsValues>();
  const rules = useFormRules();
  const events = MESSAGE_EVENTS;
  const { save, pending } = useChannelSave(form, () => {
    form.setFieldValue(['sms', 'accessKeySecret'], '');
    form.setFieldValue(['sms', 'clearSecret'], false);
  });
  const test = useChannelTest();
  const [testTo, setTestTo] = useState('');
  const [testEvent, setTestEvent] = useState(events.find((e) => view.templateCodes[e]) ?? 'readyForPickup');

  const submit = ({ sms }: SmsValues) =>
    save({
      sms: {
        enabled: sms.enabled,
        accessKeyId: sms.accessKeyId,
        signName: sms.signName,
        endpoint: sms.endpoint,
        templateCodes: sms.templateCodes,
        accessKeySecret: secretChangeOf(sms.accessKeySecret, sms.clearSecret),
      },
    });

  return (
    <Form<SmsValues>
      form={form}
      name="channelsSms"
      layout="vertical"
      data-testid="channels-sms-form"
      initialValues={{
        sms: {
          enabled: view.enabled,
          accessKeyId: view.accessKeyId,
          accessKeySecret: '',
          clearSecret: false,
          signName: view.signName,
          endpoint: view.endpoint,
          templateCodes: view.templateCodes,
        },
      }}
      onFinish={submit}
      style={{ maxWidth: 760 }}
    >
      <Typography.Title level={5}>{t('channelSettings.sms.title')}</Typography.Title>
      <Form.Item name={['sms', 'enabled']} label={t('channelSettings.sms.enabled')} valuePropName="checked">
        <Switch data-testid="channels-sms-enabled" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['sms', 'accessKeyId']}
            label={t('channelSettings.sms.accessKeyId')}
            rules={[rules.text(fields.accessKeyId)]}
          >
            <TextInput
              schema={fields.accessKeyId}
              autoComplete="off"
              data-testid="channels-sms-accessKeyId"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <SecretField
            name={['sms', 'accessKeySecret']}
            clearName={['sms', 'clearSecret']}
            label={t('channelSettings.sms.accessKeySecret')}
            state={view.accessKeySecret}
            testId="channels-sms-secret"
          />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['sms', 'signName']}
            label={t('channelSettings.sms.signName')}
            extra={t('channelSettings.sms.signNameHelp')}
            rules={[rules.text(fields.signName)]}
          >
            <TextInput schema={fields.signName} data-testid="channels-sms-signName" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['sms', 'endpoint']}
            label={t('channelSettings.sms.endpoint')}
            extra={t('channelSettings.sms.endpointHelp')}
            rules={[rules.text(fields.endpoint)]}
          >
            <TextInput schema={fields.endpoint} data-testid="channels-sms-endpoint" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('channelSettings.sms.templates')} extra={t('channelSettings.sms.templatesHelp')}>
        <Row gutter={[16, 0]}>
          {events.map((event) => (
            <Col xs={24} md={12} key={event}>
              <Form.Item
                name={['sms', 'templateCodes', event]}
                label={t(`messageEvents.${event}`)}
                rules={[rules.text(smsTemplateCode)]}
                style={{ marginBottom: 8 }}
              >
                <Input
                  placeholder="SMS_…"
                  autoComplete="off"
                  data-testid={`channels-sms-template-${event}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="channels-sms-save">
        {t('channelSettings.sms.save')}
      </Button>
      <Divider size="small" />
      <Typography.Paragraph type="secondary">{t('channelSettings.saveFirst')}</Typography.Paragraph>
      <Flex gap="small" wrap>
        <Input
          style={{ width: 200 }}
          placeholder={t('channelSettings.sms.testTo')}
          aria-label={t('channelSettings.sms.testTo')}
          value={testTo}
          onChange={(e) => setTestTo(e.target.value)}
          data-testid="channels-sms-test-to"
        />
        <Select
          style={{ width: 200 }}
          aria-label={t('channelSettings.sms.testEvent')}
          value={testEvent}
          onChange={setTestEvent}
          options={events.map((event) => ({
            value: event,
            label: t(`messageEvents.${event}`),
          }))}
          data-testid="channels-sms-test-event"
        />
        <Button
          loading={test.pending}
          onClick={() => test.send({ channel: 'sms', to: testTo, event: testEvent })}
          data-testid="channels-sms-test"
        >
          {t('channelSettings.sms.test')}
        </Button>
      </Flex>
      {test.result && (
        <div style={{ marginTop: 12 }}>
          <TestSendResult result={test.result} testId="channels-sms-test-result" />
        </div>
      )}
    </Form>
  );
}
