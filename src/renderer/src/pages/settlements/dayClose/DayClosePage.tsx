import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { LockOutlined, PrinterOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../../api/session';
import { useDayReport } from '../../../api/settlements';
import { errorMessage } from '../../../i18n/errorMessage';
import { fromIsoDate, toIsoDate } from '../../../lib/format';
import { formatYuan } from '../../../lib/money';
import { serverToday } from '../../../lib/serverClock';
import { ByMethod } from './ByMethod';
import { ByUser } from './ByUser';
import { CloseDayModal } from './CloseDayModal';
import { DayHistory } from './DayHistory';
import { DayPayments } from './DayPayments';
import { DayVoids } from './DayVoids';
import { DayDeposits } from './DayDeposits';
import { ReopenDayModal } from './ReopenDayModal';
import '../settlements.css';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 日结: a day's takings by method and by user, every payment, the refunds and reversals, the
 * settlements voided; close the day (its payments then cannot change) or reopen it with a
 * manager; print the day-close sheet. The day is in the address (?date=), so a reload keeps it.
 */
export function DayClosePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('date') ?? '';
  const date = ISO_DAY.test(asked) ? asked : toIsoDate(serverToday());
  const report = useDayReport(date);
  const canWrite = useCan('settlements.write');
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  const r = report.data;

  return (
    <Flex
      vertical
      gap="middle"
      data-testid="day-close-page"
      data-date={date}
      data-closed={r ? String(r.closed) : ''}
    >
      <Card
        title={t('settlements.dayClose.title')}
        extra={
          <Space wrap>
            <DatePicker
              value={fromIsoDate(date)}
              allowClear={false}
              disabledDate={(d) => d.isAfter(serverToday(), 'day')}
              onChange={(d) => {
                if (d) setParams({ date: toIsoDate(d) });
              }}
              aria-label={t('settlements.dayClose.date')}
              data-testid="day-date"
            />
            {r &&
              (r.closed ? (
                <Tag color="green" icon={<LockOutlined />} data-testid="day-status">
                  {t('settlements.dayClose.closedTag')}
                </Tag>
              ) : (
                <Tag color="orange" icon={<UnlockOutlined />} data-testid="day-status">
                  {t('settlements.dayClose.openTag')}
                </Tag>
              ))}
            {r && canWrite && !r.closed && (
              <Button
                type="primary"
                icon={<LockOutlined />}
                onClick={() => setDialog('close')}
                data-testid="day-close"
              >
                {t('settlements.dayClose.close')}
              </Button>
            )}
            {r && canWrite && r.closed && (
              <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')} data-testid="day-reopen">
                {t('settlements.dayClose.reopen')}
              </Button>
            )}
            <Button icon={<PrinterOutlined />} href={`#/print/day-close/${date}`} data-testid="day-print">
              {t('settlements.dayClose.print')}
            </Button>
          </Space>
        }
      >
        {report.error && <Alert type="error" showIcon title={errorMessage(report.error, t)} />}
        {!r && !report.error && <Skeleton active />}
        {r && (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={6}>
              <Statistic
                title={t('settlements.dayClose.net')}
                value={formatYuan(r.total)}
                styles={{ content: { color: r.total < 0 ? '#cf1322' : undefined } }}
                valueRender={(node) => <span data-testid="day-total">{node}</span>}
              />
            </Col>
            <Col xs={24} lg={9}>
              <Typography.Title level={5}>{t('settlements.dayClose.byMethod')}</Typography.Title>
              <ByMethod rows={r.byMethod} />
            </Col>
            <Col xs={24} lg={9}>
              <Typography.Title level={5}>{t('settlements.dayClose.byUser')}</Typography.Title>
              <ByUser rows={r.byUser} />
            </Col>
          </Row>
        )}
      </Card>
      {r && (
        <>
          <Card size="small" title={t('settlements.dayClose.payments')}>
            <DayPayments
              rows={r.payments}
              testId="day-payments"
              empty={t('settlements.dayClose.noPayments')}
            />
          </Card>
          <Card size="small" title={t('settlements.dayClose.refunds')}>
            <DayPayments rows={r.refunds} testId="day-refunds" withReason />
          </Card>
          <Card size="small" title={t('deposits.dayTitle')}>
            <DayDeposits rows={r.deposits} />
          </Card>
          <Card size="small" title={t('settlements.dayClose.voids')}>
            <DayVoids rows={r.voids} />
          </Card>
          <Card size="small" title={t('settlements.dayClose.history')}>
            <DayHistory history={r.history} />
          </Card>
        </>
      )}
      {dialog === 'close' && <CloseDayModal date={date} onClose={() => setDialog(null)} />}
      {dialog === 'reopen' && <ReopenDayModal date={date} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
