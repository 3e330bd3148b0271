import { useEffect, useState } from 'react';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../api/complaints';
import { formatMinute } from '../../lib/format';
import { serverNow } from '../../lib/serverClock';
import { spanText } from './deadline';

/**
 * The two deadlines: when each was met, or the time left (a countdown on the server's clock). Whether
 * one is overdue is the server's word (the flags on the complaint), never this screen's clock.
 */
export function ComplaintDeadlines({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const open = c.status === 'received' || c.status === 'inProgress';
  const line = (due: number, met: string | null, overdue: boolean, testId: string) => (
    <span data-testid={testId} data-overdue={overdue ? 'true' : 'false'}>
      {formatMinute(due)}{' '}
      {met ? (
        <Typography.Text type="secondary">{met}</Typography.Text>
      ) : overdue ? (
        <Typography.Text className="complaint-deadline--late">
          {t('complaints.detail.late', { time: spanText(now - due, t) })}
        </Typography.Text>
      ) : (
        open && (
          <Typography.Text type="warning">
            {t('complaints.detail.left', { time: spanText(Math.max(0, due - now), t) })}
          </Typography.Text>
        )
      )}
    </span>
  );
  const responded =
    c.firstRespondedAt !== null
      ? t('complaints.detail.respondedAt', { at: formatMinute(c.firstRespondedAt) })
      : c.status === 'withdrawn'
        ? t('complaintStatuses.withdrawn')
        : null;
  const resolved =
    c.closedAt !== null
      ? t('complaints.detail.closedAt', { at: formatMinute(c.closedAt) })
      : c.resolvedAt !== null
        ? t('complaints.detail.resolvedAt', { at: formatMinute(c.resolvedAt) })
        : c.status === 'withdrawn'
          ? t('complaintStatuses.withdrawn')
          : null;
  return (
    <Descriptions size="small" column={1} title={t('complaints.detail.deadlines')} bordered>
      <Descriptions.Item label={t('complaints.detail.firstResponseDue')}>
        {line(c.firstResponseDue, responded, c.firstResponseOverdue, 'complaint-first-response-due')}
      </Descriptions.Item>
      <Descriptions.Item label={t('complaints.detail.resolutionDue')}>
        {line(c.resolutionDue, resolved, c.resolutionOverdue, 'complaint-resolution-due')}
      </Descriptions.Item>
    </Descriptions>
  );
}
