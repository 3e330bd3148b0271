import { Alert, App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { adjustCostInput, type Part } from '@shared/schemas/stock';
import { useAdjustCost } from '../../../api/stock';
import { FormModal } from '../../../components/FormModal';
import { useFormRules } from '../../../components/formRules';
import { formatYuan, yuanToFen } from '../../../lib/money';
import { TextInput } from '../../../components/TextInput';
import { YuanInput } from '../../../components/YuanInput';
import { showFieldErrors } from '../../../components/formErrors';
import { errorMessage } from '../../../i18n/errorMessage';

interface Values {
  /** 元, as typed. */
  unitCost: string;
  reason: string;
}

const fields = adjustCostInput.shape;

/**
 * 调整成本 (manager): the part's moving-average cost, corrected with a reason. Saving posts a
 * 成本调整单 that the ledger shows; the stock on hand stays as it is and is valued at the new cost.
 */
export function AdjustCostModal({ part, onClose }: { part: Part; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useFormRules();
  const adjust = useAdjustCost();

  const submit = (values: Values) =>
    adjust.mutate(
      { id: part.id, unitCost: yuanToFen(values.unitCost) ?? 0, reason: values.reason },
      {
        onSuccess: (doc) => {
          void message.success(t('stock.parts.costAdjusted', { docNo: doc.docNo }));
          onClose();
        },
        onError: (e) => showFieldErrors(form, e, t, { topLevelOnly: true }),
      },
    );

  return (
    <FormModal<Values>
      title={t('stock.parts.adjustCostTitle', { code: part.code })}
      testId="part-cost-adjust"
      name="adjustCost"
      form={form}
      initialValues={{ unitCost: '', reason: '' }}
      pending={adjust.isPending}
      error={adjust.error ? errorMessage(adjust.error, t) : null}
      submitText={t('stock.parts.adjustCost')}
      onFinish={submit}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('stock.parts.adjustCostHelp')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph data-testid="part-cost-adjust-current">
        {t('stock.parts.currentCost', {
          cost: formatYuan(part.costPrice),
          onHand: part.onHand,
          unit: part.unit,
          value: formatYuan(part.costPrice * part.onHand),
        })}
      </Typography.Paragraph>
      <Form.Item
        label={t('stock.parts.newCost')}
        name="unitCost"
        rules={[rules.money(fields.unitCost, { required: true })]}
      >
        <YuanInput autoFocus style={{ width: 200 }} data-testid="part-cost-adjust-cost" />
      </Form.Item>
      <Form.Item label={t('stock.documents.reason')} name="reason" rules={[rules.text(fields.reason)]}>
        <TextInput
          schema={fields.reason}
          placeholder={t('stock.parts.adjustCostReasonHint')}
          data-testid="part-cost-adjust-reason"
        />
      </Form.Item>
    </FormModal>
  );
}
