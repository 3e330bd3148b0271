import { useState, type ReactNode } from 'react';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { certificateFingerprint, hostUrl, pairInput, terminalName } from '@shared/schemas/lan';
import { useChooseHost, useConnectHost, useFirstRunChoice } from '../../api/shell';
import { AuthLayout } from '../../components/AuthLayout';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useFormRules } from '../../components/formRules';
import { TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';

interface ConnectValues {
  url: string;
  code: string;
  name: string;
  fingerprint?: string;
}

/** The fingerprint may stay empty (trust the host on first use); what is typed must be one. */
const optionalFingerprint = certificateFingerprint.or(z.literal(''));

/**
 * Before anything else on a new desktop install, the desktop app asks which this PC is. A browser
 * (no `window.shell`) and every PC that has chosen, or already holds a database, go straight on.
 */
export function FirstRunGate({ children }: { children: ReactNode }) {
  const firstRun = useFirstRunChoice();
  if (!window.shell) return children;
  if (firstRun.isPending) return <LoadingScreen />;
  return firstRun.data ? <FirstRunChoice /> : children;
}

export function FirstRunChoice() {
  const { t } = useTranslation();
  const [connecting, setConnecting] = useState(false);
  const chooseHost = useChooseHost();

  if (connecting) return <ConnectHostForm onBack={() => setConnecting(false)} />;
  return (
    <AuthLayout title={t('firstRunChoice.title')} subtitle={t('firstRunChoice.intro')} width={480}>
      <Flex vertical gap={16} data-testid="first-run-choice">
        <div>
          <Button
            type="primary"
            size="large"
            block
            loading={chooseHost.isPending}
            onClick={() => chooseHost.mutate()}
            data-testid="choose-host"
          >
            {t('firstRunChoice.host')}
          </Button>
          <Typography.Text type="secondary">{t('firstRunChoice.hostHelp')}</Typography.Text>
        </div>
        <div>
          <Button size="large" block onClick={() => setConnecting(true)} data-testid="choose-terminal">
            {t('firstRunChoice.terminal')}
          </Button>
          <Typography.Text type="secondary">{t('firstRunChoice.terminalHelp')}</Typography.Text>
        </div>
        {chooseHost.error && <Alert type="error" showIcon title={errorMessage(chooseHost.error, t)} />}
      </Flex>
    </AuthLayout>
  );
}

function ConnectHostForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ConnectValues>();
  const connect = useConnectHost();
  const rules = useFormRules();

  const submit = ({ url, code, name, fingerprint }: ConnectValues) =>
    connect.mutate({ url, code, name, ...(fingerprint?.trim() ? { fingerprint } : {}) });

  return (
    <AuthLayout
      title={t('firstRunChoice.connectTitle')}
      subtitle={t('firstRunChoice.connectIntro')}
      width={480}
    >
      <Form<ConnectValues>
        form={form}
        name="connectHost"
        layout="vertical"
        data-testid="connect-host-form"
        onFinish={submit}
      >
        <Form.Item
          label={t('firstRunChoice.url')}
          name="url"
          rules={[rules.text(hostUrl)]}
          extra={t('firstRunChoice.urlHelp')}
        >
          <Input autoFocus placeholder="192.168.1.20:8443" />
        </Form.Item>
        <Form.Item label={t('firstRunChoice.code')} name="code" rules={[rules.text(pairInput.shape.code)]}>
          <Input inputMode="numeric" autoComplete="one-time-code" placeholder="123456" />
        </Form.Item>
        <Form.Item
          label={t('firstRunChoice.name')}
          name="name"
          rules={[rules.text(terminalName)]}
          extra={t('firstRunChoice.nameHelp')}
        >
          <TextInput schema={terminalName} />
        </Form.Item>
        <Form.Item
          label={t('firstRunChoice.fingerprint')}
          name="fingerprint"
          rules={[rules.text(optionalFingerprint)]}
          extra={t('firstRunChoice.fingerprintHelp')}
        >
          <Input placeholder="AB:CD:…" />
        </Form.Item>
        {connect.error && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(connect.error, t)}
            data-testid="connect-host-error"
            style={{ marginBottom: 16 }}
          />
        )}
        <Flex gap={8}>
          <Button onClick={onBack} disabled={connect.isPending}>
            {t('firstRunChoice.back')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={connect.isPending}
            data-testid="connect-host-submit"
          >
            {t('firstRunChoice.connect')}
          </Button>
        </Flex>
      </Form>
    </AuthLayout>
  );
}
