import { Alert, Button, Modal, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AppointmentRow } from '@shared/schemas/appointments';
import { useCallList } from '../../api/appointments';
import { errorMessage } from '../../i18n/errorMessage';

/** 明日提醒名单: tomorrow's booked appointments (the server's tomorrow), to call where no SMS goes. */
export function CallList({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const list = useCallList(true);
  return (
    <Modal
      open
      width={860}
      onCancel={onClose}
      title={t('appointments.callListTitle', { day: list.data?.day ?? '' })}
      footer={
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="call-list-print">
          {t('appointments.print')}
        </Button>
      }
      className="appt-call-list"
    >
      <div data-testid="call-list">
        <Typography.Paragraph type="secondary">{t('appointments.callListHint')}</Typography.Paragraph>
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
        <Table<AppointmentRow>
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.isPending}
          dataSource={list.data?.rows ?? []}
          locale={{ emptyText: t('appointments.callListEmpty') }}
          columns={[
            { title: t('appointments.time'), render: (_, r) => dayjs(r.startAt).format('HH:mm'), width: 70 },
            { title: t('appointments.customer'), dataIndex: 'customerName' },
            { title: t('appointments.phone'), dataIndex: 'phone' },
            { title: t('appointments.device'), dataIndex: 'deviceLabel' },
            { title: t('appointments.fault'), dataIndex: 'fault' },
            {
              title: t('appointments.technician'),
              render: (_, r) => [r.technicianName, r.bay].filter(Boolean).join(' · '),
            },
          ]}
        />
      </div>
    </Modal>
  );
}
