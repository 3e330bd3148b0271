import { useState } from 'react';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { SignaturePad } from '../../components/SignaturePad';
import { errorMessage } from '../../i18n/errorMessage';

/** What saves a signature: the intake's or the on-site report's mutation. */
interface SignMutation {
  mutate: (input: { id: string; signature: string }, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: Error | null;
}

/**
 * The customer signs an order's document after it was taken (here, or on a LAN tablet): a pad, a
 * warning when it is empty, and the server's refusal. Test ids start with `testId`.
 */
export function SignModal({
  order,
  title,
  hint,
  sign,
  testId,
  onClose,
}: {
  order: WorkOrderDetail;
  title: string;
  hint?: string;
  sign: SignMutation;
  testId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [signature, setSignature] = useState<string | null>(null);
  const [empty, setEmpty] = useState(false);
  const save = () => {
    if (!signature) {
      setEmpty(true);
      return;
    }
    sign.mutate({ id: order.id, signature }, { onSuccess: onClose });
  };
  return (
    <Modal
      open
      width={640}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={sign.isPending} onClick={save} data-testid={`${testId}-save`}>
            {t('handover.signSave')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap="small" data-testid={`${testId}-form`}>
        {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
        <SignaturePad
          testId={`${testId}-pad`}
          onChange={(url) => {
            setSignature(url);
            if (url) setEmpty(false);
          }}
        />
        {empty && <Alert type="warning" showIcon title={t('handover.signEmpty')} />}
        {sign.error && (
          <Alert type="error" showIcon title={errorMessage(sign.error, t)} data-testid={`${testId}-error`} />
        )}
      </Flex>
    </Modal>
  );
}
