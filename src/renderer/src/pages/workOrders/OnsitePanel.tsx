import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Descriptions, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { setOnsiteInput, type OnsiteJob, type OnsiteOfOrder } from '@shared/schemas/onsite';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { isOpen } from '@shared/workOrderStatus';
import {
  useArriveOnsite,
  useFinishOnsite,
  useOnsiteOfOrder,
  useSetOnsite,
  useSignOnsite,
} from '../../api/onsite';
import { useTechnicians } from '../../api/workOrders';
import { useCan, useSession } from '../../api/session';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { showFieldErrors } from '../../components/formErrors';
import { YuanInput } from '../../components/YuanInput';
import { errorMessage } from '../../i18n/errorMessage';
import { formatMinute } from '../../lib/format';
import { fenToYuan, formatYuan, yuanToFen } from '../../lib/money';
import { SignModal } from './SignModal';

interface Values {
  address: string;
  day: string;
  fromTime: string;
  toTime: string;
  technicianIds: string[];
  /** 元, as typed. */
  travelFee: string;
}

/** 安排 / 修改上门: address (from the customer's), day, window, technicians, travel fee. */
function OnsiteFormModal({
  order,
  view,
  onClose,
}: {
  order: WorkOrderDetail;
  view: OnsiteOfOrder;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useFormRules();
  const save = useSetOnsite();
  const technicians = useTechnicians();
  const [error, setError] = useState<string | null>(null);
  const fields = setOnsiteInput.shape;
  const job = view.job;
  const initialValues: Values = {
    address: job?.address ?? view.customerAddress,
    day: job?.day ?? '',
    fromTime: job?.fromTime ?? '',
    toTime: job?.toTime ?? '',
    technicianIds: job ? job.technicians.map((x) => x.id) : order.technicianId ? [order.technicianId] : [],
    travelFee: fenToYuan(job ? (job.travelFee ?? 0) : view.defaultTravelFee),
  };
  const submit = (values: Values) => {
    setError(null);
    save.mutate(
      {
        id: order.id,
        address: values.address,
        day: values.day,
        fromTime: values.fromTime,
        toTime: values.toTime,
        technicianIds: values.technicianIds,
        travelFee: yuanToFen(values.travelFee) ?? 0,
      },
      {
        onSuccess: onClose,
        onError: (e) => {
          showFieldErrors(form, e, t);
          setError(errorMessage(e, t));
        },
      },
    );
  };
  return (
    <FormModal<Values>
      title={t('onsite.formTitle', { orderNo: order.orderNo })}
      testId="wo-onsite"
      name="onsite"
      form={form}
      initialValues={initialValues}
      pending={save.isPending}
      error={error}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item
        label={t('onsite.address')}
        name="address"
        extra={t('onsite.addressHelp')}
        rules={[rules.text(fields.address)]}
      >
        <Input autoFocus data-testid="wo-onsite-address" />
      </Form.Item>
      <Space.Compact block>
        <Form.Item label={t('onsite.day')} name="day" rules={[rules.text(fields.day)]} style={{ flex: 2 }}>
          <Input placeholder="YYYY-MM-DD" data-testid="wo-onsite-day" />
        </Form.Item>
        <Form.Item
          label={t('onsite.from')}
          name="fromTime"
          rules={[rules.text(fields.fromTime)]}
          style={{ flex: 1 }}
        >
          <Input placeholder="09:00" data-testid="wo-onsite-from" />
        </Form.Item>
        <Form.Item
          label={t('onsite.to')}
          name="toTime"
          rules={[rules.text(fields.toTime)]}
          style={{ flex: 1 }}
        >
          <Input placeholder="11:00" data-testid="wo-onsite-to" />
        </Form.Item>
      </Space.Compact>
      <Form.Item label={t('onsite.technicians')} name="technicianIds">
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          loading={technicians.isPending}
          options={(technicians.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          data-testid="wo-onsite-technicians"
        />
      </Form.Item>
      <Form.Item label={t('onsite.travelFee')} name="travelFee" rules={[rules.money(fields.travelFee)]}>
        <YuanInput data-testid="wo-onsite-fee" />
      </Form.Item>
    </FormModal>
  );
}

/** The customer signs the service report on the spot (on this screen or a LAN tablet). */
function SignReportModal({ order, onClose }: { order: WorkOrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const sign = useSignOnsite();
  return (
    <SignModal
      order={order}
      title={t('onsite.signTitle', { orderNo: order.orderNo })}
      sign={sign}
      testId="wo-onsite-sign"
      onClose={onClose}
    />
  );
}

/** 到达 / 完工 for a visiting technician (or a manager): the server records its own time. */
export function VisitButtons({ job, size }: { job: OnsiteJob; size?: 'small' }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const arrive = useArriveOnsite();
  const finish = useFinishOnsite();
  const canMove = useCan('workOrders.transition');
  const visitor =
    job.technicians.some((x) => x.id === user.id) || user.role === 'manager' || user.role === 'admin';
  if (!canMove || !visitor || !isOpen(job.status)) return null;
  const failed = arrive.error ?? finish.error;
  return (
    <Space size="small" wrap>
      {job.arrivedAt === null && (
        <Button
          size={size}
          type="primary"
          loading={arrive.isPending}
          onClick={() => arrive.mutate({ id: job.workOrderId })}
          data-testid={`onsite-arrive-${job.orderNo}`}
        >
          {t('onsite.arrive')}
        </Button>
      )}
      {job.arrivedAt !== null && job.finishedAt === null && (
        <Button
          size={size}
          type="primary"
          loading={finish.isPending}
          onClick={() => finish.mutate({ id: job.workOrderId })}
          data-testid={`onsite-finish-${job.orderNo}`}
        >
          {t('onsite.finish')}
        </Button>
      )}
      {failed && <Typography.Text type="danger">{errorMessage(failed, t)}</Typography.Text>}
    </Space>
  );
}

/** The 上门 card of an on-site order: the visit, its changes, arrival/finish, report and signature. */
export function OnsitePanel({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const view = useOnsiteOfOrder(order.id, true);
  const canWrite = useCan('workOrders.write');
  const [editing, setEditing] = useState(false);
  const [signing, setSigning] = useState(false);
  if (!view.data) return null;
  const job = view.data.job;
  const open = isOpen(order.status);
  return (
    <Flex vertical gap="small" data-testid="wo-onsite">
      {job ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'address', label: t('onsite.address'), children: job.address },
            {
              key: 'window',
              label: t('onsite.window'),
              children: (
                <Space size={4}>
                  <span data-testid="wo-onsite-window">{`${job.day} ${job.fromTime}–${job.toTime}`}</span>
                  {job.conflictWith.length > 0 && <Tag color="red">{t('onsite.conflict')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'technicians',
              label: t('onsite.technicians'),
              children: job.technicians.map((x) => x.name).join('、') || t('onsite.unassigned'),
            },
            {
              key: 'fee',
              label: t('onsite.travelFeeShort'),
              children: job.travelFee === null ? t('onsite.timeline.none') : formatYuan(job.travelFee),
            },
            {
              key: 'arrived',
              label: t('onsite.arrivedAt'),
              children: (
                <span data-testid="wo-onsite-arrived">
                  {job.arrivedAt ? formatMinute(job.arrivedAt) : '—'}
                </span>
              ),
            },
            {
              key: 'finished',
              label: t('onsite.finishedAt'),
              children: (
                <span data-testid="wo-onsite-finished">
                  {job.finishedAt ? formatMinute(job.finishedAt) : '—'}
                </span>
              ),
            },
          ]}
        />
      ) : (
        <Typography.Text type="warning">{t('onsite.notScheduled')}</Typography.Text>
      )}
      <Space wrap>
        {canWrite && open && (
          <Button onClick={() => setEditing(true)} data-testid="wo-onsite-edit">
            {job ? t('onsite.edit') : t('onsite.schedule')}
          </Button>
        )}
        {job && <VisitButtons job={job} />}
        {job && (
          <Link to={`/print/onsite-report/${order.id}`} data-testid="wo-onsite-report">
            <Button>{t('onsite.report')}</Button>
          </Link>
        )}
        {job && canWrite && open && !view.data.signature && (
          <Button onClick={() => setSigning(true)} data-testid="wo-onsite-sign">
            {t('onsite.sign')}
          </Button>
        )}
      </Space>
      {/* The image itself shows under 客户签名 with who took it and when. */}
      {view.data.signature && (
        <Typography.Text type="success" data-testid="wo-onsite-signed">
          {t('onsite.signed')}
        </Typography.Text>
      )}
      {editing && <OnsiteFormModal order={order} view={view.data} onClose={() => setEditing(false)} />}
      {signing && <SignReportModal order={order} onClose={() => setSigning(false)} />}
    </Flex>
  );
}
