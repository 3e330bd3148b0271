import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppointmentRow, AppointmentState } from '@shared/schemas/appointments';

const COLORS: Record<AppointmentState, string> = {
  booked: 'blue',
  arrived: 'green',
  noShow: 'red',
  cancelled: 'default',
};

/** 已预约 / 已到店 / 爽约 / 已取消; a booked one past its start shows orange (the server says late). */
export function StateTag({ row }: { row: Pick<AppointmentRow, 'state' | 'late'> }) {
  const { t } = useTranslation();
  return <Tag color={row.late ? 'orange' : COLORS[row.state]}>{t(`appointmentStates.${row.state}`)}</Tag>;
}
