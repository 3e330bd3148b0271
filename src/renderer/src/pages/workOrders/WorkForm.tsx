import { App, Button, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { updateWorkOrderInput, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { useUpdateWorkOrder } from '../../api/workOrders';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { fenToYuan, yuanToFen } from '../../lib/money';
import { TextArea } from '../../components/TextInput';
import { YuanInput } from '../../components/YuanInput';
import { errorMessage } from '../../i18n/errorMessage';

const fields = updateWorkOrderInput.shape;

interface WorkValues {
  diagnosis?: string;
  /** 元, as typed. */
  estimate?: string;
  resolution?: string;
}

/** The bench's part of the order: diagnosis, the estimate in 元 (stored in fen), the resolution. */
export function WorkForm({ order, readOnly }: { order: WorkOrderDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WorkValues>();
  const update = useUpdateWorkOrder();
  const rules = useFormRules();

  const submit = (values: WorkValues) =>
    update.mutate(
      {
        id: order.id,
        diagnosis: values.diagnosis ?? '',
        estimate: yuanToFen(values.estimate),
        resolution: values.resolution ?? '',
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (e) => {
          showFieldErrors(form, e, t);
          void message.error(errorMessage(e, t));
        },
      },
    );

  return (
    <Form<WorkValues>
      form={form}
      name="workOrderWork"
      layout="vertical"
      disabled={readOnly}
      data-testid="wo-work-form"
      initialValues={{
        diagnosis: order.diagnosis,
        estimate: fenToYuan(order.estimate),
        resolution: order.resolution,
      }}
      onFinish={submit}
    >
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Form.Item
            label={t('workOrders.diagnosis')}
            name="diagnosis"
            rules={[rules.text(fields.diagnosis)]}
          >
            <TextArea
              schema={fields.diagnosis}
              autoSize={{ minRows: 2, maxRows: 8 }}
              data-testid="wo-diagnosis"
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item
            label={t('workOrders.estimateYuan')}
            name="estimate"
            rules={[rules.money(fields.estimate)]}
          >
            <YuanInput data-testid="wo-estimate" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('workOrders.resolution')} name="resolution" rules={[rules.text(fields.resolution)]}>
        <TextArea
          schema={fields.resolution}
          autoSize={{ minRows: 2, maxRows: 8 }}
          data-testid="wo-resolution"
        />
      </Form.Item>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="wo-work-save">
          {t('workOrders.saveWork')}
        </Button>
      )}
    </Form>
  );
}
