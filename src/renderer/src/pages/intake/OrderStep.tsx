import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Col, DatePicker, Flex, Form, Radio, Row, Select, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fen } from '@shared/schemas/stock';
import type { CounterSettings, Priority } from '@shared/schemas/settings';
import { PRIORITIES } from '@shared/schemas/settings';
import type { Device } from '@shared/schemas/devices';
import { DEPOSIT_METHODS, type DepositMethod } from '@shared/schemas/deposits';
import {
  ACCESSORIES,
  CHANNELS,
  createWorkOrderInput,
  SERVICE_TYPES,
  type WorkOrderDetail,
} from '@shared/schemas/workOrders';
import { ORDER_CHANNEL_OF, type AppointmentRow } from '@shared/schemas/appointments';
import { useDevice } from '../../api/devices';
import { useCreateWorkOrder } from '../../api/workOrders';
import { TechnicianSelect } from '../../components/TechnicianSelect';
import { useCan } from '../../api/session';
import { WarrantyTag } from '../../components/counterTags';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { formatMinute } from '../../lib/format';
import { yuanToFen } from '../../lib/money';
import { TextArea, TextInput } from '../../components/TextInput';
import { YuanInput } from '../../components/YuanInput';
import { SignaturePad } from '../../components/SignaturePad';
import { OnsiteFields, type OnsiteValues } from './OnsiteFields';
import { serverNow, serverToday } from '../../lib/serverClock';
import { errorMessage } from '../../i18n/errorMessage';
import { numberOf } from '../../lib/numberText';
import { MileageFields } from './MileageFields';
import { ContractSelect } from '../maintenance/ContractSelect';

const fields = createWorkOrderInput.shape;

type Accessory = (typeof ACCESSORIES)[number];

interface OrderValues {
  reportedFault: string;
  accessories: Accessory[];
  accessoriesNote?: string;
  condition?: string;
  devicePassword?: string;
  estimate?: string;
  channel: (typeof CHANNELS)[number];
  serviceType: (typeof SERVICE_TYPES)[number];
  priority: Priority;
  promisedAt?: Dayjs | null;
  technicianId?: string | null;
  reworkOfId?: string | null;
  /** 订金 in 元 as typed; empty for none. */
  depositAmount?: string;
  depositMethod: DepositMethod;
  /** 进厂里程 (vehicles): km as typed, and the reason when below the last reading. */
  mileageKm?: string;
  mileageReason?: string;
  /** 上门: the visit, when the channel is 上门. */
  onsite?: OnsiteValues;
  contractId?: string | null;
}

/** What the intake starts from when opened by a link (the due list, a contract): ?serviceType=&fault=&contractId=. */
export interface OrderStart {
  serviceType?: (typeof SERVICE_TYPES)[number];
  reportedFault?: string;
  contractId?: string;
}

/**
 * Step 3: the order. The fault has the focus (the one required field); Tab walks down the form in
 * reading order; Ctrl+Enter saves from anywhere (plain Enter does not, so a slip cannot save half an
 * order).
 */
export function OrderStep({
  customerId,
  device,
  counter,
  onSaved,
  appointment = null,
  start = {},
}: {
  customerId: string;
  device: Device;
  counter: CounterSettings;
  onSaved: (order: WorkOrderDetail) => void;
  /** 预约到店: the booking prefills the order, and the order marks it arrived. */
  appointment?: AppointmentRow | null;
  start?: OrderStart;
}) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const [form] = Form.useForm<OrderValues>();
  const create = useCreateWorkOrder();
  const canAssign = useCan('workOrders.assign');
  const canTakeDeposit = useCan('settlements.write');
  const history = useDevice(device.id);
  const priority = Form.useWatch('priority', form) ?? 'normal';
  const reworkOfId = Form.useWatch('reworkOfId', form);
  const channel = Form.useWatch('channel', form);
  // 客户签名 at intake: optional; the PNG goes with the order in one save.
  const [signature, setSignature] = useState<string | null>(null);

  const delivered = (history.data?.workOrders ?? []).filter((o) => o.status === 'delivered');
  const hours = counter.slaHours[priority];

  const submit = (values: OrderValues) =>
    create.mutate(
      {
        customerId,
        deviceId: device.id,
        channel: values.channel,
        serviceType: values.serviceType,
        priority: values.priority,
        reportedFault: values.reportedFault,
        accessories: values.accessories ?? [],
        accessoriesNote: values.accessoriesNote ?? '',
        condition: values.condition ?? '',
        devicePassword: values.devicePassword ?? '',
        estimate: yuanToFen(values.estimate),
        technicianId: values.technicianId ?? null,
        reworkOfId: values.reworkOfId ?? null,
        contractId: values.contractId ?? null,
        signature,
        mileageKm: numberOf(values.mileageKm, 0),
        mileageReason: values.mileageReason ?? '',
        appointmentId: appointment?.id ?? null,
        ...(values.channel === 'onsite' && values.onsite
          ? {
              onsite: {
                address: values.onsite.address ?? '',
                day: values.onsite.day ?? '',
                fromTime: values.onsite.fromTime ?? '',
                toTime: values.onsite.toTime ?? '',
                technicianIds: values.onsite.technicianIds ?? [],
                travelFee: yuanToFen(values.onsite.travelFee) ?? 0,
              },
            }
          : {}),
        ...(values.promisedAt ? { promisedAt: values.promisedAt.valueOf() } : {}),
        ...(values.depositAmount?.trim()
          ? {
              deposit: {
                method: values.depositMethod,
                amount: yuanToFen(values.depositAmount) ?? 0,
                reference: '',
              },
            }
          : {}),
      },
      { onSuccess: onSaved, onError: (e) => showFieldErrors(form, e, t) },
    );

  // Ctrl+Enter saves wherever the focus is on the page while this step is open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.key === 'Enter' &&
        (event.ctrlKey || event.metaKey) &&
        !document.querySelector('.ant-modal-wrap')
      ) {
        event.preventDefault();
        form.submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);

  return (
    <div>
      <Form<OrderValues>
        form={form}
        name="intakeOrder"
        layout="vertical"
        data-testid="intake-order-form"
        initialValues={{
          channel: 'walkIn',
          serviceType: start.serviceType ?? 'repair',
          reportedFault: start.reportedFault,
          contractId: start.contractId ?? null,
          priority: 'normal',
          accessories: [],
          technicianId: null,
          reworkOfId: null,
          depositMethod: 'cash',
          ...(appointment && {
            reportedFault: appointment.fault,
            channel: ORDER_CHANNEL_OF[appointment.channel],
            serviceType: appointment.serviceType,
            technicianId: appointment.technicianId,
          }),
        }}
        onFinish={submit}
      >
        <Form.Item
          label={t('workOrders.fault')}
          name="reportedFault"
          rules={[rules.text(fields.reportedFault)]}
        >
          <TextArea
            schema={fields.reportedFault}
            autoFocus
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('intake.faultPlaceholder')}
            data-testid="intake-fault"
          />
        </Form.Item>
        <MileageFields device={device} />
        <Form.Item label={t('workOrders.accessories')} name="accessories">
          <Checkbox.Group
            data-testid="intake-accessories"
            options={ACCESSORIES.map((a) => ({ value: a, label: t(`accessories.${a}`) }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('workOrders.accessoriesNote')}
              name="accessoriesNote"
              rules={[rules.text(fields.accessoriesNote)]}
            >
              <TextInput schema={fields.accessoriesNote} data-testid="intake-accessories-note" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('workOrders.condition')}
              name="condition"
              rules={[rules.text(fields.condition)]}
            >
              <TextInput
                schema={fields.condition}
                placeholder={t('intake.conditionPlaceholder')}
                data-testid="intake-condition"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('workOrders.devicePassword')}
              name="devicePassword"
              tooltip={t('workOrders.passwordHelp')}
              rules={[rules.text(fields.devicePassword)]}
            >
              <TextInput schema={fields.devicePassword} autoComplete="off" data-testid="intake-password" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item label={t('workOrders.channel')} name="channel">
              <Select
                options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
                data-testid="intake-channel"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('workOrders.serviceType')} name="serviceType">
              <Select
                options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`serviceTypes.${s}`) }))}
                data-testid="intake-service-type"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('workOrders.priority')} name="priority">
              <Select
                options={PRIORITIES.map((p) => ({ value: p, label: t(`priorities.${p}`) }))}
                data-testid="intake-priority"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('intake.estimate')} name="estimate" rules={[rules.money(fields.estimate)]}>
              <YuanInput data-testid="intake-estimate" />
            </Form.Item>
          </Col>
        </Row>
        {channel === 'onsite' && <OnsiteFields customerId={customerId} />}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('workOrders.promisedAt')}
              name="promisedAt"
              extra={t('intake.promisedHint', {
                time: formatMinute(serverNow() + hours * 3_600_000),
                hours,
              })}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                placeholder={t('intake.promisedDefault')}
                disabledDate={(d) => d.isBefore(serverToday(), 'day')}
                data-testid="intake-promised"
              />
            </Form.Item>
          </Col>
          {canAssign && (
            <Col xs={24} md={8}>
              <Form.Item label={t('workOrders.technician')} name="technicianId">
                <TechnicianSelect placeholder={t('workOrders.unassigned')} data-testid="intake-technician" />
              </Form.Item>
            </Col>
          )}
          {delivered.length > 0 && (
            <Col xs={24} md={8}>
              <Form.Item label={t('intake.reworkOf')} name="reworkOfId" extra={t('intake.reworkHint')}>
                <Select<string | null>
                  allowClear
                  placeholder={t('intake.reworkNone')}
                  options={delivered.map((o) => ({
                    value: o.id,
                    label: `${o.orderNo} · ${o.reportedFault.slice(0, 16)}`,
                  }))}
                  data-testid="intake-rework"
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <ContractSelect deviceId={device.id} />
        {canTakeDeposit && (
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item
                label={t('deposits.amountYuan')}
                name="depositAmount"
                extra={t('deposits.intakeHelp')}
                rules={[
                  rules.money(fen),
                  {
                    // Typed means taken: zero or less is refused, never dropped.
                    validator: (_, value?: string) => {
                      if (!value?.trim()) return Promise.resolve();
                      const fen = yuanToFen(value);
                      return fen !== null && fen <= 0
                        ? Promise.reject(new Error(t('deposits.amountRequired')))
                        : Promise.resolve();
                    },
                  },
                ]}
              >
                <YuanInput data-testid="intake-deposit" />
              </Form.Item>
            </Col>
            <Col xs={24} md={18}>
              <Form.Item label={t('deposits.method')} name="depositMethod">
                <Radio.Group optionType="button" data-testid="intake-deposit-method">
                  {DEPOSIT_METHODS.map((m) => (
                    <Radio.Button key={m} value={m} data-testid={`intake-deposit-method-${m}`}>
                      {t(`paymentMethods.${m}`)}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
            </Col>
          </Row>
        )}
        {delivered.length > 0 && !reworkOfId && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="intake-rework-offer"
            title={t('intake.reworkOffer', { orderNo: delivered[0]?.orderNo ?? '', count: delivered.length })}
            action={
              <Button
                size="small"
                onClick={() => form.setFieldValue('reworkOfId', delivered[0]?.id ?? null)}
                data-testid="intake-rework-use"
              >
                {t('intake.reworkUse')}
              </Button>
            }
          />
        )}
        <Flex align="center" gap="middle" wrap>
          <Typography.Text>
            {t('intake.makerWarranty')} <WarrantyTag status={device.warrantyToday} />
            {reworkOfId && (
              <Typography.Text type="secondary">
                {t('intake.reworkWarranty', { days: counter.repairWarrantyDays })}
              </Typography.Text>
            )}
          </Typography.Text>
        </Flex>
        <Form.Item label={t('handover.intakeSignature')} style={{ marginTop: 16, maxWidth: 640 }}>
          <SignaturePad testId="intake-signature" onChange={setSignature} />
        </Form.Item>
        {create.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={errorMessage(create.error, t)}
            data-testid="intake-order-error"
          />
        )}
        <Flex gap="small" style={{ marginTop: 16 }}>
          <Button
            type="primary"
            size="large"
            icon={<SaveOutlined />}
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="intake-save"
          >
            {t('intake.save')} <span className="kbd">Ctrl+Enter</span>
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
