import { Alert, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { formatMinute } from '../../lib/format';

/** The note of the move into 待配件: what it waits for when the part is not in the catalog. */
function waitNote(order: WorkOrderDetail): string {
  const moves = order.events.filter((e) => e.kind === 'status' && e.toStatus === 'awaitingParts');
  const last = moves.reduce<(typeof moves)[number] | undefined>(
    (a, e) => (!a || e.at > a.at ? e : a),
    undefined,
  );
  return last?.note ?? '';
}

/** Whether the detail page shows the 等待配件 panel. */
export function showsWaiting(order: WorkOrderDetail): boolean {
  return order.status === 'awaitingParts' || order.waitingFor.length > 0;
}

/**
 * 等待配件: each part the order waits for, since when, and whether a purchase receipt brought it in
 * (with the receipt's number). When all have come, the bench can start.
 */
export function WaitingFor({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const note = order.status === 'awaitingParts' ? waitNote(order) : '';
  return (
    <Flex vertical gap="small" data-testid="wo-waiting">
      {order.partsArrived && (
        <Alert
          type="success"
          showIcon
          title={t('orderParts.allArrived')}
          data-testid="wo-waiting-all-arrived"
        />
      )}
      {order.waitingFor.map((w) => (
        <Flex
          key={w.partId}
          justify="space-between"
          align="center"
          gap="small"
          style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
          data-testid={`wo-waiting-${w.partCode}`}
          data-arrived={w.arrivedAt === null ? 'no' : 'yes'}
        >
          <Flex vertical>
            <span>
              <Typography.Text strong>{w.partCode}</Typography.Text> {w.partName} ×{w.qty}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('orderParts.waitingSince', { time: formatMinute(w.since) })}
              {w.arrivedAt !== null && ` · ${t('orderParts.arrivedAt', { time: formatMinute(w.arrivedAt) })}`}
            </Typography.Text>
          </Flex>
          {w.arrivedAt === null ? (
            <Tag color="orange">{t('orderParts.notArrived')}</Tag>
          ) : (
            <Tag color="green" data-testid={`wo-waiting-arrived-${w.partCode}`}>
              {t('orderParts.arrived', { docNo: w.arrivedDocNo ?? '' })}
            </Tag>
          )}
        </Flex>
      ))}
      {note && (
        <Typography.Text data-testid="wo-waiting-note">
          {t('orderParts.waitingNote', { note })}
        </Typography.Text>
      )}
      {order.waitingFor.length === 0 && !note && (
        <Typography.Text type="secondary">{t('orderParts.waitingNothing')}</Typography.Text>
      )}
    </Flex>
  );
}
