import { App, Form, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fen } from '@shared/schemas/stock';
import {
  DEPOSIT_METHODS,
  refundDepositInput,
  takeDepositInput,
  type DepositMethod,
} from '@shared/schemas/deposits';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { useRefundDeposit, useTakeDeposit } from '../../api/deposits';
import { FormModal } from '../../components/FormModal';
import { useSubmitError } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { TextInput } from '../../components/TextInput';
import { YuanInput } from '../../components/YuanInput';
import { fenToYuan, formatYuan, yuanToFen } from '../../lib/money';
import { useApprovedSubmit } from '../settlements/ManagerApproval';

interface Values {
  method: DepositMethod;
  /** 元, as typed. */
  amount: string;
  reason: string;
  reference: string;
}

/** An amount typed in 元 that is a real amount above zero; the form refuses anything else. */
function usePositiveYuan() {
  const { t } = useTranslation();
  return {
    validator: (_: unknown, value: string) => {
      // Not an amount at all: the money rule says so; zero or less is this rule's.
      const fen = yuanToFen(value);
      return fen === null || fen > 0
        ? Promise.resolve()
        : Promise.reject(new Error(t('deposits.amountRequired')));
    },
  };
}

function MethodField({
  name,
  testId,
  amounts,
}: {
  name: string;
  testId: string;
  amounts?: Map<string, number>;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('deposits.method')} name={name}>
      <Radio.Group optionType="button" data-testid={testId}>
        {DEPOSIT_METHODS.map((m) => (
          <Radio.Button key={m} value={m} data-testid={`${testId}-${m}`}>
            {t(`paymentMethods.${m}`)}
            {amounts?.get(m) !== undefined && ` ${formatYuan(amounts.get(m) ?? 0)}`}
          </Radio.Button>
        ))}
      </Radio.Group>
    </Form.Item>
  );
}

/** 收订金 on an open, unsettled order, by any method that is money. */
export function TakeDepositModal({ order, onClose }: { order: WorkOrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const take = useTakeDeposit();
  const rules = useFormRules();
  const positive = usePositiveYuan();
  const refusal = useSubmitError(form);

  const submit = (values: Values) => {
    refusal.clear();
    const amount = yuanToFen(values.amount) ?? 0;
    take.mutate(
      { id: order.id, method: values.method, amount, reference: values.reference.trim() },
      {
        onSuccess: () => {
          void message.success(
            t('deposits.taken', { amount: formatYuan(amount), method: t(`paymentMethods.${values.method}`) }),
          );
          onClose();
        },
        onError: refusal.show,
      },
    );
  };

  return (
    <FormModal<Values>
      title={t('deposits.takeTitle', { orderNo: order.orderNo })}
      testId="deposit-take"
      name="depositTake"
      form={form}
      initialValues={{ method: 'cash', amount: '', reason: '', reference: '' }}
      pending={take.isPending}
      error={refusal.error}
      submitText={t('deposits.take')}
      onFinish={submit}
      onClose={onClose}
    >
      <MethodField name="method" testId="deposit-method" />
      <Form.Item
        label={t('deposits.amountYuan')}
        name="amount"
        rules={[rules.money(fen, { required: true }), positive]}
      >
        <YuanInput autoFocus data-testid="deposit-amount" />
      </Form.Item>
      <Form.Item
        label={t('deposits.reference')}
        name="reference"
        rules={[rules.text(takeDepositInput.shape.reference)]}
      >
        <TextInput schema={takeDepositInput.shape.reference} data-testid="deposit-reference" />
      </Form.Item>
    </FormModal>
  );
}

/** 退订金 by one method, with a reason, approved by a manager; after settling only what is above it. */
export function RefundDepositModal({ order, onClose }: { order: WorkOrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const refund = useRefundDeposit();
  const approval = useApprovedSubmit(form, 'refund');
  const rules = useFormRules();
  const positive = usePositiveYuan();
  const deposit = order.deposit;
  const held = new Map<string, number>((deposit?.byMethod ?? []).map((m) => [m.method, m.amount]));
  const first = deposit?.byMethod[0]?.method ?? 'cash';
  const due = deposit?.refundDue ?? 0;

  const submit = (values: Values) => {
    const amount = yuanToFen(values.amount) ?? 0;
    const input = {
      id: order.id,
      method: values.method,
      amount,
      reason: values.reason.trim(),
      reference: values.reference.trim(),
    };
    approval.submit(input, refund.mutateAsync, () => {
      void message.success(
        t('deposits.refunded', { amount: formatYuan(amount), method: t(`paymentMethods.${values.method}`) }),
      );
      onClose();
    });
  };

  return (
    <>
      <FormModal<Values>
        title={t('deposits.refundTitle', { orderNo: order.orderNo })}
        testId="deposit-refund"
        name="depositRefund"
        form={form}
        initialValues={{
          method: first,
          amount: fenToYuan(Math.min(due, held.get(first) ?? 0)),
          reason: '',
          reference: '',
        }}
        pending={refund.isPending || approval.asking}
        error={approval.error}
        submitText={t('deposits.refund')}
        onFinish={submit}
        onClose={onClose}
      >
        <Typography.Paragraph type="secondary">{t('deposits.refundHelp')}</Typography.Paragraph>
        <MethodField name="method" testId="deposit-refund-method" amounts={held} />
        <Form.Item
          label={t('deposits.amountYuan')}
          name="amount"
          rules={[rules.money(fen, { required: true }), positive]}
        >
          <YuanInput data-testid="deposit-refund-amount" />
        </Form.Item>
        <Form.Item
          label={t('deposits.reason')}
          name="reason"
          rules={[rules.text(refundDepositInput.shape.reason)]}
        >
          <TextInput schema={refundDepositInput.shape.reason} autoFocus data-testid="deposit-refund-reason" />
        </Form.Item>
        <Form.Item
          label={t('deposits.reference')}
          name="reference"
          rules={[rules.text(refundDepositInput.shape.reference)]}
        >
          <TextInput schema={refundDepositInput.shape.reference} data-testid="deposit-refund-reference" />
        </Form.Item>
      </FormModal>
      {approval.modal}
    </>
  );
}
