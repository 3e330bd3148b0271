import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Select, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MESSAGE_EVENTS, type MessageEvent } from '@shared/schemas/messageKinds';
import type { OutboxRow } from '@shared/schemas/messages';
import {
  useAnswerMessage,
  useComposedMessage,
  useCopiedForWechat,
  useOrderMessages,
} from '../../api/messages';
import { errorMessage } from '../../i18n/errorMessage';
import './messages.css';

/** Put text on the clipboard; false when the browser refuses (the clerk then copies it by hand). */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The order's messages at the counter: the prompt for a message waiting for the clerk (after a
 * move whose event is set to 询问前台) — send it, copy it for WeChat, or skip it — and Copy WeChat
 * message for any event, logged as sent by the clerk.
 */
export function OrderMessages({ workOrderId, customerName }: { workOrderId: string; customerName: string }) {
  const { t } = useTranslation();
  const messages = useOrderMessages(workOrderId, true);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [wechat, setWechat] = useState(false);
  const asking = (messages.data ?? []).find((m) => m.state === 'ask' && !dismissed.includes(m.id));

  return (
    <>
      <Button
        size="small"
        icon={<CopyOutlined />}
        onClick={() => setWechat(true)}
        data-testid="wo-wechat-copy"
      >
        {t('messages.wechat.button')}
      </Button>
      {asking && (
        <Prompt
          key={asking.id}
          row={asking}
          customerName={customerName}
          onClose={() => setDismissed((d) => [...d, asking.id])}
        />
      )}
      {wechat && <WechatModal workOrderId={workOrderId} onClose={() => setWechat(false)} />}
    </>
  );
}

function Prompt({
  row,
  customerName,
  onClose,
}: {
  row: OutboxRow;
  customerName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const answer = useAnswerMessage();
  const [copyFailed, setCopyFailed] = useState(false);
  const channel = t(`messageChannels.${row.channel}`);
  const reply = (action: 'send' | 'copied' | 'skip', words: string) =>
    answer.mutate(
      { id: row.id, action },
      {
        onSuccess: () => void message.success(words),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  const copyAndRecord = async () => {
    if (await copy(row.text)) reply('copied', t('messages.prompt.copied'));
    else setCopyFailed(true);
  };

  return (
    <Modal
      open
      title={t('messages.prompt.title')}
      onCancel={onClose}
      data-testid="message-prompt"
      footer={
        <Flex gap={8} justify="end" wrap>
          <Button
            onClick={() => reply('skip', t('messages.prompt.skipped'))}
            data-testid="message-prompt-skip"
          >
            {t('messages.prompt.skip')}
          </Button>
          <Button
            icon={<CopyOutlined />}
            onClick={() => void copyAndRecord()}
            data-testid="message-prompt-copy"
          >
            {t('messages.prompt.copy')}
          </Button>
          {row.channel !== 'wechat' && row.recipient !== '' && (
            <Button
              type="primary"
              loading={answer.isPending}
              onClick={() => reply('send', t('messages.prompt.queued'))}
              data-testid="message-prompt-send"
            >
              {t('messages.prompt.send', { channel })}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph>
        {t('messages.prompt.intro', { event: t(`messageEvents.${row.event}`), customer: customerName })}
      </Typography.Paragraph>
      <div className="message-preview" data-testid="message-prompt-text">
        {row.text}
      </div>
      {row.channel !== 'wechat' && row.recipient === '' && (
        <Alert type="warning" showIcon title={t('messages.prompt.noRecipient', { channel })} />
      )}
      {copyFailed && <Alert type="error" showIcon title={t('messages.prompt.copyFailed')} />}
    </Modal>
  );
}

function WechatModal({ workOrderId, onClose }: { workOrderId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [event, setEvent] = useState<MessageEvent>('readyForPickup');
  const composed = useComposedMessage({ workOrderId, event });
  const record = useCopiedForWechat();
  const [copyFailed, setCopyFailed] = useState(false);
  const text = composed.data?.text ?? null;

  const copyAndRecord = async () => {
    if (text === null) return;
    if (!(await copy(text))) return setCopyFailed(true);
    record.mutate(
      { workOrderId, event },
      {
        onSuccess: () => {
          void message.success(t('messages.prompt.copied'));
          onClose();
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  return (
    <Modal
      open
      title={t('messages.wechat.title', { event: t(`messageEvents.${event}`) })}
      onCancel={onClose}
      data-testid="wechat-modal"
      okText={t('messages.wechat.copy')}
      okButtonProps={{ disabled: text === null, loading: record.isPending, icon: <CopyOutlined /> }}
      onOk={() => void copyAndRecord()}
    >
      <Select<MessageEvent>
        value={event}
        onChange={setEvent}
        style={{ width: '100%', marginBottom: 8 }}
        options={MESSAGE_EVENTS.map((e) => ({ value: e, label: t(`messageEvents.${e}`) }))}
        data-testid="wechat-event"
      />
      {composed.error && <Alert type="error" showIcon title={errorMessage(composed.error, t)} />}
      <div className="message-preview" data-testid="wechat-text">
        {text ?? ''}
      </div>
      {copyFailed && <Alert type="error" showIcon title={t('messages.prompt.copyFailed')} />}
    </Modal>
  );
}
