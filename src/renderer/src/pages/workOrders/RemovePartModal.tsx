import { useState } from 'react';
import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { removeOrderPartInput, type OrderPartLine } from '@shared/schemas/orderParts';
import { useRemoveOrderPart } from '../../api/workOrders';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';

interface Values {
  reason?: string;
}

/** Take a line off the order: its parts go back on the shelf (an orderReturn document). */
export function RemovePartModal({ line, onClose }: { line: OrderPartLine; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const remove = useRemoveOrderPart();
  const [error, setError] = useState<string | null>(null);

  return (
    <FormModal<Values>
      title={t('orderParts.removeTitle', { code: line.partCode, name: line.partName })}
      testId="wo-part-remove"
      name="removePart"
      form={form}
      pending={remove.isPending}
      error={error}
      submitText={t('orderParts.removeSubmit')}
      onFinish={({ reason }) => {
        setError(null);
        remove.mutate(
          { lineId: line.id, reason: reason?.trim() ?? '' },
          {
            onSuccess: () => {
              void message.success(
                t('orderParts.removed', { code: line.partCode, qty: line.qty, unit: line.unit }),
              );
              onClose();
            },
            onError: (e) => setError(errorMessage(e, t)),
          },
        );
      }}
      onClose={onClose}
    >
      <Typography.Paragraph data-testid="wo-part-remove-text">
        {t('orderParts.removeConfirm', {
          qty: line.qty,
          unit: line.unit,
          code: line.partCode,
          name: line.partName,
        })}
      </Typography.Paragraph>
      <Form.Item
        label={t('orderParts.removeReason')}
        name="reason"
        rules={[rules.text(removeOrderPartInput.shape.reason)]}
      >
        <TextInput schema={removeOrderPartInput.shape.reason} autoFocus data-testid="wo-part-remove-reason" />
      </Form.Item>
    </FormModal>
  );
}
