import { Alert, Card, Col, Descriptions, Flex, Row, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useComplaint, type Complaint } from '../../api/complaints';
import { useCan } from '../../api/session';
import { errorMessage } from '../../i18n/errorMessage';
import { formatMinute } from '../../lib/format';
import { formatYuan } from '../../lib/money';
import { ComplaintActions } from './ComplaintActions';
import { ComplaintDeadlines } from './ComplaintDeadlines';
import { ComplaintSteps } from './ComplaintSteps';
import { ComplaintStatusTag, OverdueTags, SeverityTag } from './ComplaintTags';
import './complaints.css';

function Facts({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      title={t('complaints.detail.facts')}
      data-testid="complaint-facts"
    >
      <Descriptions.Item label={t('complaints.detail.customer')}>
        <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('complaints.detail.phone')}>{c.customerPhone ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('complaints.detail.order')}>
        {c.workOrderId ? (
          <Link to={`/work-orders/${c.workOrderId}`} data-testid="complaint-order-link">
            {c.orderNo}
          </Link>
        ) : (
          none
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('complaints.detail.staff')}>{c.staffName ?? none}</Descriptions.Item>
      <Descriptions.Item label={t('complaints.detail.channel')}>
        {t(`complaintChannels.${c.channel}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('complaints.detail.category')}>
        {t(`complaintCategories.${c.category}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('complaints.detail.owner')}>
        <span data-testid="complaint-owner-name">{c.ownerName ?? t('complaints.detail.unassigned')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('complaints.detail.createdBy')}>
        {c.createdByName ?? none} · {formatMinute(c.createdAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('complaints.detail.description')} span={2}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{c.description}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** What was done (处理结果) and the customer's confirmation, once given. */
function Resolution({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  if (!c.resolutionKind && !c.confirmedAt) return null;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      title={t('complaints.detail.resolution')}
      data-testid="complaint-resolution"
    >
      {c.resolutionKind && (
        <Descriptions.Item label={t('complaints.detail.resolutionKind')}>
          {t(`resolutionKinds.${c.resolutionKind}`)}
          {c.resolutionNote && ` · ${c.resolutionNote}`}
        </Descriptions.Item>
      )}
      {c.refund && (
        <Descriptions.Item label={t('complaints.detail.refund')}>
          {c.refund.settlementNo} · {formatYuan(-c.refund.amount)}
        </Descriptions.Item>
      )}
      {c.rework && (
        <Descriptions.Item label={t('complaints.detail.rework')}>
          <Link to={`/work-orders/${c.rework.id}`} data-testid="complaint-rework-link">
            {c.rework.orderNo}
          </Link>
        </Descriptions.Item>
      )}
      {c.compensationAmount !== null && (
        <Descriptions.Item label={t('complaints.detail.compensation')}>
          {formatYuan(c.compensationAmount)}
        </Descriptions.Item>
      )}
      {c.confirmedAt !== null && (
        <Descriptions.Item label={t('complaints.detail.confirmation')}>
          <span data-testid="complaint-confirmation">
            {t('complaints.detail.confirmedBy', {
              by: c.confirmedBy ?? '',
              how: c.confirmationNote ?? '',
              at: formatMinute(c.confirmedAt),
            })}
          </span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** One complaint: its facts, deadlines, answer, steps and the next legal moves. */
export function ComplaintDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useComplaint(id);
  const canWrite = useCan('complaints.write');
  const c = query.data;
  if (query.error) return <Alert type="error" showIcon title={errorMessage(query.error, t)} />;
  if (!c) return <Spin />;
  return (
    <Card
      data-testid="complaint-page"
      title={
        <Flex gap="small" align="center" wrap>
          <span className="complaint-no" data-testid="complaint-no">
            {c.complaintNo}
          </span>
          <ComplaintStatusTag status={c.status} />
          <SeverityTag severity={c.severity} />
          <OverdueTags firstResponse={c.firstResponseOverdue} resolution={c.resolutionOverdue} />
        </Flex>
      }
      extra={<Link to="/complaints">{t('complaints.back')}</Link>}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap="middle">
            <Facts complaint={c} />
            <Resolution complaint={c} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap="middle">
            <ComplaintDeadlines complaint={c} />
            {canWrite && <ComplaintActions complaint={c} />}
          </Flex>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('complaints.detail.steps')}>
            <ComplaintSteps steps={c.steps} />
          </Card>
        </Col>
      </Row>
    </Card>
  );
}
