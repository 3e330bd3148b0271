import { Button, Card, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { AppointmentRow } from '@shared/schemas/appointments';
import { useAppointmentList } from '../../api/appointments';
import { useCan } from '../../api/session';
import { intakeUrl } from './AppointmentDrawer';
import { StateTag } from './StateTag';

/** 今日预约 on the clerk's home page: the server's today, with 到店 one key away for a booked one. */
export function TodayAppointments() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canRead = useCan('appointments.read');
  const canIntake = useCan('workOrders.write');
  const list = useAppointmentList({}, canRead);
  // A shop that takes no appointments sees its home page as before: no card without any today.
  if (!canRead || !list.data || list.data.rows.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('appointments.todayCard')}
      extra={<Link to="/appointments">{t('appointments.title')}</Link>}
      data-testid="home-appointments"
    >
      <Table<AppointmentRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data?.rows ?? []}
        locale={{ emptyText: t('appointments.todayEmpty') }}
        columns={[
          { title: t('appointments.time'), render: (_, r) => dayjs(r.startAt).format('HH:mm'), width: 70 },
          { title: t('appointments.customer'), dataIndex: 'customerName' },
          { title: t('appointments.phone'), dataIndex: 'phone' },
          { title: t('appointments.device'), dataIndex: 'deviceLabel' },
          { title: t('appointments.fault'), dataIndex: 'fault', ellipsis: true },
          {
            title: t('appointments.technician'),
            render: (_, r) => [r.technicianName, r.bay].filter(Boolean).join(' · '),
          },
          { title: t('appointments.state'), render: (_, r) => <StateTag row={r} />, width: 90 },
          {
            key: 'arrive',
            width: 110,
            render: (_, r) =>
              r.state === 'booked' && canIntake ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => void navigate(intakeUrl(r))}
                  data-testid={`home-arrive-${r.id}`}
                >
                  {t('appointments.arrive')}
                </Button>
              ) : r.orderNo ? (
                <Link to={`/work-orders/${r.workOrderId ?? ''}`}>{r.orderNo}</Link>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
