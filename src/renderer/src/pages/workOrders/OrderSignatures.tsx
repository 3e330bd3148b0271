import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { SignatureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SIGNATURE_KINDS } from '@shared/schemas/handover';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { isOpen } from '@shared/workOrderStatus';
import { useSignIntake } from '../../api/workOrders';
import { SignatureImage } from '../../components/SignaturePad';
import { formatMinute } from '../../lib/format';
import { handoverItemName } from './handoverEvent';
import { SignModal } from './SignModal';

/** The customer signs for intake after the order was taken (here, or on the LAN tablet). */
function SignIntakeModal({ order, onClose }: { order: WorkOrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const sign = useSignIntake();
  return (
    <SignModal
      order={order}
      title={t('handover.signTitle', { orderNo: order.orderNo })}
      hint={t('handover.signKept')}
      sign={sign}
      testId="wo-sign"
      onClose={onClose}
    />
  );
}

/**
 * 客户签名 and 交机 on the order's page: each signature with when and who took it, the intake
 * signature offered while the order is open and unsigned, and the hand-over as recorded.
 */
export function OrderSignatures({ order, canWrite }: { order: WorkOrderDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [signing, setSigning] = useState(false);
  const hasIntake = order.signatures.some((s) => s.kind === 'intake');
  const h = order.handover;
  return (
    <Flex vertical gap="small" data-testid="wo-signatures">
      {/* The service report's signature belongs to 上门 orders only. */}
      {SIGNATURE_KINDS.filter((kind) => kind !== 'onsite' || order.channel === 'onsite').map((kind) => {
        const s = order.signatures.find((x) => x.kind === kind);
        return (
          <Flex
            key={kind}
            vertical
            gap={2}
            data-testid={`wo-signature-${kind}`}
            data-signed={s ? 'yes' : 'no'}
          >
            <Typography.Text strong>{t(`handover.kinds.${kind}`)}</Typography.Text>
            {s ? (
              <>
                <SignatureImage dataUrl={s.dataUrl} testId={`wo-signature-${kind}-image`} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('handover.signedBy', { time: formatMinute(s.recordedAt), by: s.recordedBy })}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{t('handover.notSigned')}</Typography.Text>
            )}
          </Flex>
        );
      })}
      {!hasIntake && canWrite && isOpen(order.status) && (
        <Button icon={<SignatureOutlined />} onClick={() => setSigning(true)} data-testid="wo-sign-intake">
          {t('handover.signNow')}
        </Button>
      )}
      {h && (
        <Flex vertical gap={2} data-testid="wo-handover-record">
          <Typography.Text strong>{t('handover.recordTitle')}</Typography.Text>
          {h.items.length > 0 && h.items.every((i) => i.returned) && (
            <Typography.Text>{t('handover.allReturned')}</Typography.Text>
          )}
          {h.items
            .filter((i) => !i.returned)
            .map((i) => (
              <Typography.Text key={i.item} type="warning">
                {t('handover.timeline.notReturned', {
                  item: handoverItemName(i.item, t, order.accessoriesNote),
                  note: i.note,
                })}
              </Typography.Text>
            ))}
          <Typography.Text>
            {h.withoutTicket
              ? h.idNote
                ? t('handover.timeline.withoutTicket', { idNote: h.idNote })
                : t('handover.timeline.withoutTicketNoId')
              : t('handover.timeline.withTicket')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('handover.recordedBy', { time: formatMinute(h.recordedAt), by: h.recordedBy })}
          </Typography.Text>
        </Flex>
      )}
      {signing && <SignIntakeModal order={order} onClose={() => setSigning(false)} />}
    </Flex>
  );
}
