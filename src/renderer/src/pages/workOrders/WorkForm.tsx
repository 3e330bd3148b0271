import { useEffect, useRef, useState } from 'react';
import { App, Button, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { updateWorkOrderInput, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { useReloadWorkOrder, useUpdateWorkOrder } from '../../api/workOrders';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { fenToYuan, yuanToFen } from '../../lib/money';
import { TextArea } from '../../components/TextInput';
import { YuanInput } from '../../components/YuanInput';
import { errorMessage } from '../../i18n/errorMessage';
import { isStaleEdit } from '../../components/staleEdit';

const fields = updateWorkOrderInput.shape;

interface WorkValues {
  diagnosis?: string;
  /** 元, as typed. */
  estimate?: string;
  resolution?: string;
}

function workValues(order: WorkOrderDetail): WorkValues {
  return { diagnosis: order.diagnosis, estimate: fenToYuan(order.estimate), resolution: order.resolution };
}

/** The values as a save sends them, to compare two states of the form. */
function sent(values: WorkValues): string {
  return JSON.stringify([values.diagnosis ?? '', yuanToFen(values.estimate), values.resolution ?? '']);
}

/** The bench's part of the order: diagnosis, the estimate in 元 (stored in fen), the resolution. */
export function WorkForm({ order, readOnly }: { order: WorkOrderDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WorkValues>();
  const update = useUpdateWorkOrder();
  const reload = useReloadWorkOrder(order.id);
  const rules = useFormRules();
  // The values and version this form started from. The form stays on the page while the order
  // changes under it (a part added here, a move, another terminal's save): when these three fields
  // are as they were, the form moves on to the new version; when someone changed them, an untouched
  // form takes their values, and one being typed in keeps its start, so its save is refused as stale.
  const [initial] = useState(() => workValues(order));
  const start = useRef({ version: order.version, values: initial });
  useEffect(() => {
    const from = start.current;
    if (order.version === from.version) return;
    const now = workValues(order);
    if (sent(now) === sent(from.values)) {
      start.current = { version: order.version, values: from.values };
    } else if (sent(form.getFieldsValue()) === sent(from.values)) {
      form.setFieldsValue(now);
      start.current = { version: order.version, values: now };
    }
  }, [order, form]);

  const submit = (values: WorkValues) =>
    update.mutate(
      {
        id: order.id,
        version: start.current.version,
        diagnosis: values.diagnosis ?? '',
        estimate: yuanToFen(values.estimate),
        resolution: values.resolution ?? '',
      },
      {
        onSuccess: (saved) => {
          start.current = { version: saved.version, values: workValues(saved) };
          void message.success(t('common.saved'));
        },
        onError: (e) => {
          showFieldErrors(form, e, t);
          void message.error(errorMessage(e, t));
          // Stale: show what the other person saved (the message names them) and start from it.
          if (isStaleEdit(e))
            void reload().then((fresh) => {
              form.setFieldsValue(workValues(fresh));
              start.current = { version: fresh.version, values: workValues(fresh) };
            });
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
      initialValues={initial}
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
