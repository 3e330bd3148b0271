import { useState } from 'react';
import { Button, Col, Divider, Flex, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { emailSettings, SMTP_SECURITY, type ChannelsView, type SmtpSecurity } from '@shared/schemas/channels';
import { useFormRules } from '../../../components/formRules';
import { NumberInput } from '../../../components/NumberInput';
import { TextInput } from '../../../components/TextInput';
import { numberOf, numberText } from '../../../lib/numberText';
import { SecretField, secretChangeOf } from './SecretField';
import { TestSendResult } from './TestSendResult';
import { useChannelSave, useChannelTest } from './useChannelSave';

const fields = emailSettings.shape;

interface EmailValues {
  email: {
    enabled: boolean;
    host: string;
    /** As typed; read on save. */
    port: string;
    security: SmtpSecurity;
    username: string;
    password?: string;
    clearSecret?: boolean;
    fromAddress: string;
    fromName: string;
  };
}

/** The shop's mailbox over SMTP: server, port, encryption, account and password, sender; and a test. */
export function EmailChannelForm({ view }: { view: ChannelsView['email'] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EmailValues>();
  const rules = useFormRules();
  const { save, pending } = useChannelSave(form, () => {
    form.setFieldValue(['email', 'password'], '');
    form.setFieldValue(['email', 'clearSecret'], false);
  });
  const test = useChannelTest();
  const [testTo, setTestTo] = useState('');

  const submit = ({ email }: EmailValues) =>
    save({
      email: {
        enabled: email.enabled,
        host: email.host,
        port: numberOf(email.port, 0) ?? 0,
        security: email.security,
        username: email.username,
        fromAddress: email.fromAddress,
        fromName: email.fromName,
        password: secretChangeOf(email.password, email.clearSecret),
      },
    });

  return (
    <Form<EmailValues>
      form={form}
      name="channelsEmail"
      layout="vertical"
      data-testid="channels-email-form"
      initialValues={{
        email: {
          ...view,
          port: numberText(view.port),
          password: '',
          clearSecret: false,
        },
      }}
      onFinish={submit}
      style={{ maxWidth: 760 }}
    >
      <Typography.Title level={5}>{t('channelSettings.email.title')}</Typography.Title>
      <Form.Item
        name={['email', 'enabled']}
        label={t('channelSettings.email.enabled')}
        valuePropName="checked"
      >
        <Switch data-testid="channels-email-enabled" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['email', 'host']}
            label={t('channelSettings.email.host')}
            rules={[rules.text(fields.host)]}
          >
            <TextInput
              schema={fields.host}
              placeholder="smtp.exmail.qq.com"
              data-testid="channels-email-host"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            name={['email', 'port']}
            label={t('channelSettings.email.port')}
            rules={[rules.whole(fields.port, { required: true })]}
          >
            <NumberInput data-testid="channels-email-port" />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item
            name={['email', 'security']}
            label={t('channelSettings.email.security')}
            extra={t('channelSettings.email.securityHelp')}
          >
            <Select
              options={SMTP_SECURITY.map((s) => ({
                value: s,
                label: t(`channelSettings.email.securityNames.${s}`),
              }))}
              data-testid="channels-email-security"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['email', 'username']}
            label={t('channelSettings.email.username')}
            rules={[rules.text(fields.username)]}
          >
            <TextInput schema={fields.username} autoComplete="off" data-testid="channels-email-username" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <SecretField
            name={['email', 'password']}
            clearName={['email', 'clearSecret']}
            label={t('channelSettings.email.password')}
            state={view.password}
            testId="channels-email-password"
          />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['email', 'fromAddress']}
            label={t('channelSettings.email.fromAddress')}
            rules={[rules.text(fields.fromAddress)]}
          >
            <Input autoComplete="off" data-testid="channels-email-fromAddress" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['email', 'fromName']}
            label={t('channelSettings.email.fromName')}
            rules={[rules.text(fields.fromName)]}
          >
            <TextInput schema={fields.fromName} data-testid="channels-email-fromName" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="channels-email-save">
        {t('channelSettings.email.save')}
      </Button>
      <Divider size="small" />
      <Flex gap="small" wrap>
        <Input
          style={{ width: 280 }}
          placeholder={t('channelSettings.email.testTo')}
          aria-label={t('channelSettings.email.testTo')}
          value={testTo}
          onChange={(e) => setTestTo(e.target.value)}
          data-testid="channels-email-test-to"
        />
        <Button
          loading={test.pending}
          onClick={() => test.send({ channel: 'email', to: testTo })}
          data-testid="channels-email-test"
        >
          {t('channelSettings.email.test')}
        </Button>
      </Flex>
      {test.result && (
        <div style={{ marginTop: 12 }}>
          <TestSendResult result={test.result} testId="channels-email-test-result" />
        </div>
      )}
    </Form>
  );
}
