import { App, Form, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, refundInput, type PaymentMethod } from '@shared/schemas/settlements';
import { fen } from '@shared/schemas/stock';
import { useRefund, type Settlement } from '../../api/settlements';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { fenToYuan, formatYuan, yuanToFen } from '../../lib/money';
import { TextInput } from '../../components/TextInput';
import { YuanInput } from '../../components/YuanInput';
import { useApprovedSubmit } from './ManagerApproval';

type RefundMethod = Exclude<PaymentMethod, 'onAccount'>;

interface Values {
  method: RefundMethod;
  /** 元, as typed. */
  amount: string;
  reason: string;
  reference: string;
}

/** Net taken by each method on the settlement: what a refund by that method may give back. */
function netByMethod(settlement: Settlement): Map<PaymentMethod, number> {
  const net = new Map<PaymentMethod, number>();
  for (const p of settlement.payments) net.set(p.method, (net.get(p.method) ?? 0) + p.amount);
  return net;
}

/** 退款: money back by one method, with a reason; recorded as a negative payment, approved by a manager. */
export function RefundModal({ settlement, onClose }: { settlement: Settlement; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const refund = useRefund();
  const approval = useApprovedSubmit(form, 'refund');
  const rules = useFormRules();
  const net = netByMethod(settlement);
  const methods = PAYMENT_METHODS.filter((m): m is RefundMethod => m !== 'onAccount');
  const first = methods.find((m) => (net.get(m) ?? 0) > 0) ?? 'cash';

  const submit = (values: Values) => {
    const amount = yuanToFen(values.amount) ?? 0;
    const input = {
      settlementId: settlement.id,
      method: values.method,
      amount,
      reason: values.reason.trim(),
      reference: values.reference.trim(),
    };
    approval.submit(input, refund.mutateAsync, () => {
      void message.success(
        t('settlements.refund.done', {
          amount: formatYuan(amount),
          method: t(`paymentMethods.${values.method}`),
        }),
      );
      onClose();
    });
  };

  return (
    <>
      <FormModal<Values>
        title={t('settlements.refund.title', { no: settlement.settlementNo })}
        testId="refund"
        name="refund"
        form={form}
        initialValues={{
          method: first,
          amount: fenToYuan(Math.max(0, net.get(first) ?? 0)),
          reason: '',
          reference: '',
        }}
        pending={refund.isPending || approval.asking}
        error={approval.error}
        submitText={t('settlements.refund.submit')}
        onFinish={submit}
        onClose={onClose}
      >
        <Typography.Paragraph type="secondary">{t('settlements.refund.help')}</Typography.Paragraph>
        <Form.Item label={t('settlements.refund.method')} name="method">
          <Radio.Group optionType="button" data-testid="refund-method">
            {methods.map((m) => (
              <Radio.Button key={m} value={m} data-testid={`refund-method-${m}`}>
                {t(`paymentMethods.${m}`)}
                {(net.get(m) ?? 0) > 0 && ` ${formatYuan(net.get(m) ?? 0)}`}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={t('settlements.refund.amountYuan')}
          name="amount"
          rules={[
            rules.money(fen, { required: true }),
            {
              validator: (_, value: string) => {
                const fen = yuanToFen(value);
                return fen && fen > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('settlements.pay.amountRequired')));
              },
            },
          ]}
        >
          <YuanInput data-testid="refund-amount" />
        </Form.Item>
        <Form.Item
          label={t('settlements.refund.reason')}
          name="reason"
          rules={[rules.text(refundInput.shape.reason)]}
        >
          <TextInput schema={refundInput.shape.reason} autoFocus data-testid="refund-reason" />
        </Form.Item>
        <Form.Item
          label={t('settlements.refund.reference')}
          name="reference"
          rules={[rules.text(refundInput.shape.reference)]}
        >
          <TextInput schema={refundInput.shape.reference} data-testid="refund-reference" />
        </Form.Item>
      </FormModal>
      {approval.modal}
    </>
  );
}
