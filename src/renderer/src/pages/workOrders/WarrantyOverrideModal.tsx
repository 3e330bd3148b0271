import { App, Form, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { overrideWarrantyInput, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { WARRANTY_STATUSES, type WarrantyStatus } from '@shared/warranty';
import { useOverrideWarranty } from '../../api/workOrders';
import { FormModal } from '../../components/FormModal';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { TextArea } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';

interface OverrideValues {
  status: WarrantyStatus;
  reason: string;
}

/** Set 保内 / 保外 / 返修保修 by hand, with the reason on the timeline; the computed value stays beside it. */
export function WarrantyOverrideModal({ order, onClose }: { order: WorkOrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<OverrideValues>();
  const override = useOverrideWarranty();
  const choices = WARRANTY_STATUSES.filter((w) => w !== order.warrantyStatus);

  return (
    <FormModal<OverrideValues>
      title={t('workOrders.overrideTitle')}
      testId="wo-override"
      name="overrideWarranty"
      form={form}
      initialValues={{ status: choices[0] }}
      pending={override.isPending}
      error={override.error && errorMessage(override.error, t)}
      onFinish={(values) =>
        override.mutate(
          { id: order.id, ...values },
          {
            onSuccess: () => {
              void message.success(t('workOrders.overridden'));
              onClose();
            },
            onError: (e) => showFieldErrors(form, e, t),
          },
        )
      }
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('workOrders.computed', { status: t(`warranty.${order.warrantyComputed}`) })}
      </Typography.Paragraph>
      <Form.Item label={t('workOrders.warranty')} name="status">
        <Radio.Group
          optionType="button"
          options={choices.map((w) => ({ value: w, label: t(`warranty.${w}`) }))}
          data-testid="wo-override-status"
        />
      </Form.Item>
      <Form.Item
        label={t('workOrders.overrideReason')}
        name="reason"
        rules={[rules.text(overrideWarrantyInput.shape.reason)]}
      >
        <TextArea
          schema={overrideWarrantyInput.shape.reason}
          autoFocus
          autoSize={{ minRows: 2, maxRows: 4 }}
          data-testid="wo-override-reason"
        />
      </Form.Item>
    </FormModal>
  );
}
