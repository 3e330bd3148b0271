import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Segmented, Select, Skeleton, Typography } from 'antd';
import {
  CalendarOutlined,
  LeftOutlined,
  PhoneOutlined,
  PlusOutlined,
  RightOutlined,
} from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { AppointmentRow, AppointmentSettings } from '@shared/schemas/appointments';
import { SERVICE_TYPES } from '@shared/schemas/orderKinds';
import { useAppointmentList } from '../../api/appointments';
import { useCan } from '../../api/session';
import { useSettings } from '../../api/settings';
import { useTechnicians } from '../../api/workOrders';
import { errorMessage } from '../../i18n/errorMessage';
import { toIsoDate } from '../../lib/format';
import { serverToday } from '../../lib/serverClock';
import { AppointmentDrawer } from './AppointmentDrawer';
import { BookingPanel, type BookingStart } from './BookingPanel';
import { CallList } from './CallList';
import { StateTag } from './StateTag';
import { atClock, slotTimes, weekStart } from './slots';
import './appointments.css';

type View = 'day' | 'week';
type By = 'technician' | 'bay';
/** A column of the grid: a technician, a bay, or a day of the week; `null` key = not assigned. */
interface Column {
  key: string | null;
  title: string;
  test: (a: AppointmentRow) => boolean;
}

function isServiceType(v: string | null): v is (typeof SERVICE_TYPES)[number] {
  return (SERVICE_TYPES as readonly (string | null)[]).includes(v);
}

/** What `?book=1&customerId=…&deviceId=…&serviceType=…&fault=…` asks the booking form to start with. */
function bookingFromUrl(params: URLSearchParams): BookingStart | null {
  if (params.get('book') !== '1') return null;
  const serviceType = params.get('serviceType');
  return {
    customerId: params.get('customerId'),
    deviceId: params.get('deviceId'),
    ...(isServiceType(serviceType) ? { serviceType } : {}),
    ...(params.get('fault') ? { fault: params.get('fault') ?? '' } : {}),
  };
}

function Chip({ a, onOpen, showWho }: { a: AppointmentRow; onOpen: () => void; showWho: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`appt-chip appt-${a.late ? 'late' : a.state}`}
      onClick={onOpen}
      data-testid={`appt-${a.id}`}
    >
      <span className="appt-time">{dayjs(a.startAt).format('HH:mm')}</span> <b>{a.customerName}</b>{' '}
      <span>{a.phone.slice(-4)}</span>
      <div className="appt-line">
        {a.deviceLabel} · {t(`serviceTypes.${a.serviceType}`)}
      </div>
      {showWho && (a.technicianName || a.bay) && (
        <div className="appt-line">{[a.technicianName, a.bay].filter(Boolean).join(' · ')}</div>
      )}
      <StateTag row={a} />
    </button>
  );
}

function Grid({
  rows,
  columns,
  settings,
  onOpen,
  showWho,
}: {
  rows: AppointmentRow[];
  columns: Column[];
  settings: AppointmentSettings;
  onOpen: (a: AppointmentRow) => void;
  showWho: boolean;
}) {
  const { t } = useTranslation();
  const times = slotTimes(settings);
  const slotOf = (a: AppointmentRow): string | null => {
    const hhmm = dayjs(a.startAt).format('HH:mm');
    return (
      [...times]
        .reverse()
        .find(
          (s) =>
            s <= hhmm &&
            atClock(dayjs(a.startAt), s).add(settings.slotMinutes, 'minute').valueOf() > a.startAt,
        ) ?? null
    );
  };
  const other = rows.filter((a) => slotOf(a) === null);
  const lines: { key: string; label: string; items: AppointmentRow[] }[] = times.map((s) => ({
    key: s,
    label: s,
    items: rows.filter((a) => slotOf(a) === s),
  }));
  if (other.length > 0) lines.push({ key: 'other', label: t('appointments.otherTimes'), items: other });
  return (
    <div className="appt-grid-wrap">
      <table className="appt-grid" data-testid="appointments-grid">
        <thead>
          <tr>
            <th className="appt-time-col">{t('appointments.time')}</th>
            {columns.map((c) => (
              <th key={c.key ?? '-'}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key}>
              <th className="appt-time-col">{line.label}</th>
              {columns.map((c) => (
                <td key={c.key ?? '-'}>
                  {line.items.filter(c.test).map((a) => (
                    <Chip key={a.id} a={a} onOpen={() => onOpen(a)} showWho={showWho} />
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * 预约: the calendar by day (a column per technician or per bay) or by week (a column per day, for
 * one technician or bay, or all), the booking form, and tomorrow's call list. `?book=1&…` opens the
 * form prefilled (the maintenance due list links here).
 */
export function AppointmentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canWrite = useCan('appointments.write');
  const settings = useSettings();
  const technicians = useTechnicians();
  const [day, setDay] = useState<Dayjs>(() => serverToday().startOf('day'));
  const [view, setView] = useState<View>('day');
  const [by, setBy] = useState<By>('technician');
  const [only, setOnly] = useState<string | null>(null);
  const [open, setOpen] = useState<AppointmentRow | null>(null);
  const [booking, setBooking] = useState<BookingStart | null>(() => bookingFromUrl(params));
  const [calls, setCalls] = useState(false);
  // A link to ?book=1… opens the form, also when this page is already open (state from the URL,
  // adjusted while rendering as React advises, not in an effect).
  const asked = params.toString();
  const [seen, setSeen] = useState(asked);
  if (asked !== seen) {
    setSeen(asked);
    const start = bookingFromUrl(params);
    if (start) setBooking(start);
  }
  const from = view === 'day' ? day : weekStart(day);
  const list = useAppointmentList({ day: toIsoDate(from), days: view === 'day' ? 1 : 7 });

  const closeBooking = () => {
    setBooking(null);
    if (params.get('book')) setParams({}, { replace: true });
  };

  if (settings.isPending) return <Skeleton active />;
  if (settings.isError) return <Alert type="error" showIcon title={errorMessage(settings.error, t)} />;
  const s = settings.data.appointments;

  const who: Column[] =
    by === 'technician'
      ? (technicians.data ?? []).map((u) => ({
          key: u.id,
          title: u.displayName,
          test: (a: AppointmentRow) => a.technicianId === u.id,
        }))
      : s.bays.map((b) => ({ key: b, title: b, test: (a: AppointmentRow) => a.bay === b }));
  // Appointments of a technician no longer listed still show, under 未指定 with the others.
  const known = new Set(who.map((c) => c.key));
  const unassigned: Column = {
    key: null,
    title: t('appointments.unassigned'),
    test: (a) => !known.has(by === 'technician' ? a.technicianId : a.bay),
  };
  const rows = list.data?.rows ?? [];
  const filter = who.find((c) => c.key === only);
  const columns: Column[] =
    view === 'day'
      ? [...who, unassigned]
      : Array.from({ length: 7 }, (_, i) => {
          const d = from.add(i, 'day');
          return {
            key: toIsoDate(d),
            title: d.format('MM-DD ddd'),
            test: (a: AppointmentRow) => dayjs(a.startAt).isSame(d, 'day') && (!filter || filter.test(a)),
          };
        });

  return (
    <Card
      title={
        <Flex align="center" gap="small">
          <CalendarOutlined /> {t('appointments.title')}
        </Flex>
      }
      extra={
        <Flex gap="small">
          <Button
            icon={<PhoneOutlined />}
            onClick={() => setCalls(true)}
            data-testid="appointments-call-list"
          >
            {t('appointments.callList')}
          </Button>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setBooking({})}
              data-testid="appointments-book"
            >
              {t('appointments.book')}
            </Button>
          )}
        </Flex>
      }
      data-testid="appointments-page"
    >
      <Flex vertical gap="middle">
        {booking && <BookingPanel start={booking} settings={s} onClose={closeBooking} />}
        <Flex gap="small" wrap align="center">
          <Button
            icon={<LeftOutlined />}
            onClick={() => setDay(day.subtract(view === 'day' ? 1 : 7, 'day'))}
          />
          <DatePicker
            value={day}
            allowClear={false}
            onChange={(d) => d && setDay(d.startOf('day'))}
            picker={view === 'day' ? 'date' : 'week'}
            data-testid="appointments-day"
          />
          <Button icon={<RightOutlined />} onClick={() => setDay(day.add(view === 'day' ? 1 : 7, 'day'))} />
          <Button onClick={() => setDay(serverToday().startOf('day'))}>{t('appointments.today')}</Button>
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'day', label: t('appointments.day') },
              { value: 'week', label: t('appointments.week') },
            ]}
            data-testid="appointments-view"
          />
          <Segmented<By>
            value={by}
            onChange={(v) => {
              setBy(v);
              setOnly(null);
            }}
            options={[
              { value: 'technician', label: t('appointments.byTechnician') },
              { value: 'bay', label: t('appointments.byBay') },
            ]}
            data-testid="appointments-by"
          />
          {view === 'week' && (
            <Select<string | null>
              value={only}
              onChange={setOnly}
              style={{ minWidth: 140 }}
              options={[
                { value: null, label: t('appointments.all') },
                ...who.map((c) => ({ value: c.key, label: c.title })),
              ]}
              data-testid="appointments-only"
            />
          )}
          <Typography.Text type="secondary">
            {s.opensAt}–{s.closesAt} · {s.slotMinutes}′
          </Typography.Text>
        </Flex>
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
        {list.isPending ? (
          <Skeleton active />
        ) : (
          <Grid rows={rows} columns={columns} settings={s} onOpen={setOpen} showWho={view === 'week'} />
        )}
        {list.data && rows.length === 0 && (
          <Typography.Text type="secondary">{t('appointments.empty')}</Typography.Text>
        )}
      </Flex>
      {open && (
        <AppointmentDrawer row={rows.find((r) => r.id === open.id) ?? open} onClose={() => setOpen(null)} />
      )}
      {calls && <CallList onClose={() => setCalls(false)} />}
    </Card>
  );
}
