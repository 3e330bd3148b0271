import { useState } from 'react';
import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderPartLine } from '@shared/schemas/orderParts';
import { useUpdateOrderPart } from '../../api/workOrders';
import { FormModal } from '../../components/FormModal';
import { fenToYuan } from '../../lib/money';
import { showPartError } from './partErrors';
import { lineTerms, UnitPriceField, WarrantyAndOldPart, type LineTermsValues } from './PartLineFields';

/** Price, warranty and the old part of a line; a different quantity is a removal and a new line. */
export function EditPartModal({ line, onClose }: { line: OrderPartLine; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LineTermsValues>();
  const update = useUpdateOrderPart();
  const [error, setError] = useState<string | null>(null);

  const save = (values: LineTermsValues) => {
    setError(null);
    update.mutate(
      {
        lineId: line.id,
        ...lineTerms(values),
      },
      {
        onSuccess: () => {
          void message.success(t('orderParts.updated', { code: line.partCode }));
          onClose();
        },
        onError: (e) => setError(showPartError(form, e, t, null)),
      },
    );
  };

  return (
    <FormModal<LineTermsValues>
      title={t('orderParts.editTitle', { code: line.partCode, name: line.partName })}
      testId="wo-part-edit"
      name="editPart"
      form={form}
      initialValues={{
        unitPrice: fenToYuan(line.unitPrice),
        coveredByWarranty: line.coveredByWarranty,
        oldPartSerial: line.oldPartSerial,
        oldPartRma: line.oldPartRma,
      }}
      pending={update.isPending}
      error={error}
      onFinish={save}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('orderParts.editHelp', { qty: line.qty, unit: line.unit })}
      </Typography.Paragraph>
      <UnitPriceField testId="wo-part-edit" autoFocus />
      <WarrantyAndOldPart testId="wo-part-edit" />
    </FormModal>
  );
}
