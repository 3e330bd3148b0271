import {
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Modal,
  Row,
  Select,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createPlanInput, reportReadingInput, type MaintenancePlan } from '@shared/schemas/maintenance';
import { READING_UNITS, type ReadingUnit } from '@shared/schemas/readings';
import { useCreatePlan, useDevicePlans, useReportReading, useUpdatePlan } from '../../api/maintenance';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { NumberInput } from '../../components/NumberInput';
import { TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';
import { numberOf } from '../../lib/numberText';
import { serverToday } from '../../lib/serverClock';
import { DueTag, dueText, intervalText } from './planText';

const planFields = createPlanInput.shape;
const readingFields = reportReadingInput.shape;

interface PlanValues {
  name: string;
  intervalDays?: string;
  intervalUsage?: string;
  unit?: ReadingUnit | null;
  lastServiceOn: Dayjs;
  lastServiceReading?: string;
}

interface ReadingValues {
  unit: ReadingUnit;
  value: string;
  reason?: string;
}

const whole = (text: string | undefined): number | null => numberOf(text, 0);

/** A device's 保养计划: the plans with their next due, a new plan, and a reading the customer reports. */
export function DevicePlansModal({ deviceId, onClose }: { deviceId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useFormRules();
  const plans = useDevicePlans(deviceId);
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const report = useReportReading();
  const [planForm] = Form.useForm<PlanValues>();
  const [readingForm] = Form.useForm<ReadingValues>();

  const addPlan = (v: PlanValues) =>
    create.mutate(
      {
        deviceId: deviceId ?? '',
        name: v.name,
        intervalDays: whole(v.intervalDays),
        intervalUsage: whole(v.intervalUsage),
        unit: v.unit ?? null,
        lastServiceOn: v.lastServiceOn.format('YYYY-MM-DD'),
        lastServiceReading: whole(v.lastServiceReading),
      },
      {
        onSuccess: () => {
          planForm.resetFields();
          void message.success(t('maintenance.planSaved'));
        },
        onError: (e) => {
          showFieldErrors(planForm, e, t);
          void message.error(errorMessage(e, t));
        },
      },
    );

  const addReading = (v: ReadingValues) =>
    report.mutate(
      { deviceId: deviceId ?? '', unit: v.unit, value: numberOf(v.value, 0) ?? 0, reason: v.reason ?? '' },
      {
        onSuccess: () => {
          readingForm.resetFields(['value', 'reason']);
          void message.success(t('maintenance.readingSaved'));
        },
        onError: (e) => {
          showFieldErrors(readingForm, e, t);
          void message.error(errorMessage(e, t));
        },
      },
    );

  const toggle = (p: MaintenancePlan, active: boolean) =>
    update.mutate(
      {
        id: p.id,
        name: p.name,
        intervalDays: p.intervalDays,
        intervalUsage: p.intervalUsage,
        unit: p.unit,
        lastServiceOn: p.lastServiceOn,
        lastServiceReading: p.lastServiceReading,
        active,
      },
      { onError: (e) => void message.error(errorMessage(e, t)) },
    );

  const unitOptions = READING_UNITS.map((u) => ({ value: u, label: t(`readingUnits.${u}`) }));
  return (
    <Modal
      open={deviceId !== null}
      onCancel={onClose}
      footer={null}
      width={900}
      title={t('maintenance.plansTitle')}
      destroyOnHidden
    >
      <div data-testid="device-plans">
        <Table<MaintenancePlan>
          size="small"
          rowKey="id"
          pagination={false}
          loading={plans.isPending}
          dataSource={plans.data ?? []}
          columns={[
            { title: t('maintenance.planName'), dataIndex: 'name' },
            { title: t('maintenance.interval'), render: (_, p) => intervalText(p, t) },
            { title: t('maintenance.lastService'), render: (_, p) => p.lastServiceOn },
            { title: t('maintenance.nextDue'), render: (_, p) => dueText(p, t) },
            { title: t('maintenance.status'), render: (_, p) => <DueTag plan={p} /> },
            {
              title: t('maintenance.active'),
              render: (_, p) => <Switch size="small" checked={p.active} onChange={(on) => toggle(p, on)} />,
            },
          ]}
        />
        <Divider titlePlacement="start">{t('maintenance.newPlan')}</Divider>
        <Form<PlanValues>
          form={planForm}
          layout="vertical"
          onFinish={addPlan}
          initialValues={{ lastServiceOn: serverToday(), unit: null }}
          data-testid="plan-form"
        >
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="name" label={t('maintenance.planName')} rules={[rules.text(planFields.name)]}>
                <TextInput schema={planFields.name} data-testid="plan-name" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item
                name="intervalDays"
                label={t('maintenance.intervalDays')}
                rules={[rules.whole(planFields.intervalDays.unwrap().unwrap())]}
              >
                <NumberInput data-testid="plan-days" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item
                name="intervalUsage"
                label={t('maintenance.intervalUsage')}
                rules={[rules.whole(planFields.intervalUsage.unwrap().unwrap())]}
              >
                <NumberInput data-testid="plan-usage" />
              </Form.Item>
            </Col>
            <Col span={3}>
              <Form.Item name="unit" label={t('maintenance.unit')}>
                <Select allowClear options={unitOptions} data-testid="plan-unit" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item
                name="lastServiceOn"
                label={t('maintenance.lastService')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <DatePicker style={{ width: '100%' }} data-testid="plan-last-on" />
              </Form.Item>
            </Col>
            <Col span={3}>
              <Form.Item
                name="lastServiceReading"
                label={t('maintenance.lastReading')}
                rules={[rules.whole(planFields.lastServiceReading.unwrap().unwrap())]}
              >
                <NumberInput data-testid="plan-last-reading" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="plan-save">
            {t('maintenance.addPlan')}
          </Button>
        </Form>
        <Divider titlePlacement="start">{t('maintenance.reportReading')}</Divider>
        <Form<ReadingValues>
          form={readingForm}
          layout="inline"
          onFinish={addReading}
          initialValues={{ unit: 'km' }}
          data-testid="reading-form"
        >
          <Form.Item name="unit">
            <Select options={unitOptions} style={{ width: 100 }} data-testid="reading-unit" />
          </Form.Item>
          <Form.Item name="value" rules={[rules.whole(readingFields.value, { required: true })]}>
            <NumberInput placeholder={t('maintenance.readingValue')} data-testid="reading-value" />
          </Form.Item>
          <Form.Item name="reason" rules={[rules.text(readingFields.reason)]}>
            <TextInput schema={readingFields.reason} placeholder={t('maintenance.readingReason')} />
          </Form.Item>
          <Flex>
            <Button htmlType="submit" loading={report.isPending} data-testid="reading-save">
              {t('maintenance.saveReading')}
            </Button>
          </Flex>
        </Form>
        {plans.isError && <Tag color="red">{errorMessage(plans.error, t)}</Tag>}
      </div>
    </Modal>
  );
}
