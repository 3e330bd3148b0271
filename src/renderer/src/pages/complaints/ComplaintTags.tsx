import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintSeverity, ComplaintStatus } from '@shared/schemas/complaintKinds';

const STATUS_COLORS: Record<ComplaintStatus, string> = {
  received: 'blue',
  inProgress: 'processing',
  awaitingConfirmation: 'gold',
  closed: 'green',
  withdrawn: 'default',
};

const SEVERITY_COLORS: Record<ComplaintSeverity, string> = {
  minor: 'default',
  major: 'orange',
  critical: 'red',
};

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="complaint-status" data-status={status}>
      {t(`complaintStatuses.${status}`)}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: ComplaintSeverity }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLORS[severity]}>{t(`complaintSeverities.${severity}`)}</Tag>;
}

/** Which deadline has passed, as the server's clock decided it. */
export function OverdueTags({ firstResponse, resolution }: { firstResponse: boolean; resolution: boolean }) {
  const { t } = useTranslation();
  if (!firstResponse && !resolution) return null;
  return (
    <Flex gap={4} wrap>
      {firstResponse && (
        <Tag color="red" data-testid="complaint-overdue-firstResponse">
          {t('complaints.overdue.firstResponse')}
        </Tag>
      )}
      {resolution && (
        <Tag color="red" data-testid="complaint-overdue-resolution">
          {t('complaints.overdue.resolution')}
        </Tag>
      )}
    </Flex>
  );
}
