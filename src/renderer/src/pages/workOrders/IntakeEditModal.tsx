import { App, Checkbox, Col, DatePicker, Form, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ACCESSORIES, updateWorkOrderInput, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { PRIORITIES, type Priority } from '@shared/schemas/settings';
import { useReloadWorkOrder, useUpdateWorkOrder } from '../../api/workOrders';
import { FormModal } from '../../components/FormModal';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { useEditVersion } from '../../components/staleEdit';
import { TextArea, TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';

const fields = updateWorkOrderInput.shape;

type Accessory = (typeof ACCESSORIES)[number];

interface IntakeValues {
  priority: Priority;
  promisedAt: Dayjs;
  reportedFault: string;
  accessories: Accessory[];
  accessoriesNote?: string;
  condition?: string;
  devicePassword?: string;
}

/** The order's intake details as the form shows them. */
function intakeValues(order: WorkOrderDetail): IntakeValues {
  return {
    priority: order.priority,
    promisedAt: dayjs(order.promisedAt),
    reportedFault: order.reportedFault,
    accessories: order.accessories,
    accessoriesNote: order.accessoriesNote,
    condition: order.condition,
    devicePassword: order.devicePassword ?? '',
  };
}

/** Correct what was taken in at the counter: fault, accessories, condition, priority, promised date. */
export function IntakeEditModal({ order, onClose }: { order: WorkOrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const update = useUpdateWorkOrder();
  const rules = useFormRules();
  const reload = useReloadWorkOrder(order.id);
  const edit = useEditVersion(order.version, reload, (fresh) => form.setFieldsValue(intakeValues(fresh)));
  // Only a role that can read the password may rewrite it.
  const canPassword = order.devicePassword !== null;

  const submit = (values: IntakeValues) =>
    update.mutate(
      {
        id: order.id,
        version: edit.version,
        priority: values.priority,
        promisedAt: values.promisedAt.valueOf(),
        reportedFault: values.reportedFault,
        accessories: values.accessories,
        accessoriesNote: values.accessoriesNote ?? '',
        condition: values.condition ?? '',
        ...(canPassword ? { devicePassword: values.devicePassword ?? '' } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => {
          showFieldErrors(form, e, t);
          edit.onSaveError(e);
        },
      },
    );

  return (
    <FormModal<IntakeValues>
      title={t('workOrders.editIntakeTitle', { orderNo: order.orderNo })}
      testId="wo-intake-edit"
      name="editIntake"
      form={form}
      initialValues={intakeValues(order)}
      pending={update.isPending}
      error={update.error && errorMessage(update.error, t)}
      onFinish={submit}
      onClose={onClose}
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
          data-testid="wo-intake-fault"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label={t('workOrders.priority')} name="priority">
            <Select options={PRIORITIES.map((p) => ({ value: p, label: t(`priorities.${p}`) }))} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            label={t('workOrders.promisedAt')}
            name="promisedAt"
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('workOrders.accessories')} name="accessories">
        <Checkbox.Group options={ACCESSORIES.map((a) => ({ value: a, label: t(`accessories.${a}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('workOrders.accessoriesNote')}
        name="accessoriesNote"
        rules={[rules.text(fields.accessoriesNote)]}
      >
        <TextInput schema={fields.accessoriesNote} />
      </Form.Item>
      <Form.Item label={t('workOrders.condition')} name="condition" rules={[rules.text(fields.condition)]}>
        <TextInput schema={fields.condition} />
      </Form.Item>
      {canPassword && (
        <Form.Item
          label={t('workOrders.devicePassword')}
          name="devicePassword"
          extra={t('workOrders.passwordHelp')}
          rules={[rules.text(fields.devicePassword)]}
        >
          <TextInput schema={fields.devicePassword} autoComplete="off" />
        </Form.Item>
      )}
    </FormModal>
  );
}
