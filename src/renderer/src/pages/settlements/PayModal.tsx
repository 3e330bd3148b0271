import { App, Col, Flex, Form, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { addPaymentInput, PAYMENT_METHODS, type PaymentMethod } from '@shared/schemas/settlements';
import { fen } from '@shared/schemas/stock';
import { usePay, type Settlement } from '../../api/settlements';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { fenToYuan, formatYuan, yuanToFen } from '../../lib/money';
import { TextInput } from '../../components/TextInput';
import { YuanInput } from '../../components/YuanInput';
import { useApprovedSubmit } from './ManagerApproval';

interface Values {
  method: PaymentMethod;
  /** 元, as typed. */
  amount: string;
  tendered: string;
  reference: string;
}

/**
 * 收款: a method, the amount (the balance unless part is paid now and part later), for cash what was
 * handed over with the change worked out as it is typed. On account (挂账) asks for a manager.
 */
export function PayModal({ settlement, onClose }: { settlement: Settlement; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const pay = usePay();
  const approval = useApprovedSubmit(form, 'onAccount');
  const rules = useFormRules();
  const method = Form.useWatch('method', form) ?? 'cash';
  const amount = yuanToFen(Form.useWatch('amount', form));
  const tendered = yuanToFen(Form.useWatch('tendered', form));
  const change = method === 'cash' && amount !== null && tendered !== null ? tendered - amount : null;
  const balance = settlement.balance;

  const submit = (values: Values) => {
    const amountFen = yuanToFen(values.amount) ?? 0;
    const tenderedFen = values.method === 'cash' ? yuanToFen(values.tendered) : null;
    const input = {
      settlementId: settlement.id,
      method: values.method,
      amount: amountFen,
      ...(tenderedFen !== null ? { tendered: tenderedFen } : {}),
      reference: values.method === 'cash' ? '' : values.reference.trim(),
    };
    approval.submit(input, pay.mutateAsync, (s) => {
      void message.success(
        t('settlements.pay.done', {
          amount: formatYuan(amountFen),
          method: t(`paymentMethods.${values.method}`),
        }),
      );
      if (s.paymentStatus === 'paid') void message.success(t('settlements.pay.paidAll'));
      onClose();
    });
  };

  return (
    <>
      <FormModal<Values>
        title={t('settlements.pay.title', { no: settlement.settlementNo })}
        testId="pay"
        name="pay"
        form={form}
        initialValues={{ method: 'cash', amount: fenToYuan(balance), tendered: '', reference: '' }}
        pending={pay.isPending || approval.asking}
        error={approval.error}
        submitText={t('settlements.pay.submit')}
        onFinish={submit}
        onClose={onClose}
      >
        <Typography.Paragraph>
          <Typography.Text strong data-testid="pay-balance">
            {t('settlements.pay.balance', { amount: formatYuan(balance) })}
          </Typography.Text>
        </Typography.Paragraph>
        <Form.Item label={t('settlements.pay.method')} name="method">
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="pay-method">
            {PAYMENT_METHODS.map((m) => (
              <Radio.Button key={m} value={m} data-testid={`pay-method-${m}`}>
                {t(`paymentMethods.${m}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {method === 'onAccount' && (
          <Typography.Paragraph type="warning" data-testid="pay-on-account-help">
            {t('settlements.pay.onAccountHelp')}
          </Typography.Paragraph>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              label={t('settlements.pay.amountYuan')}
              name="amount"
              rules={[
                rules.money(fen, { required: true }),
                {
                  validator: (_, value: string) => {
                    const fen = yuanToFen(value);
                    if (!fen || fen <= 0)
                      return Promise.reject(new Error(t('settlements.pay.amountRequired')));
                    if (fen > balance) {
                      return Promise.reject(
                        new Error(t('settlements.pay.amountTooHigh', { amount: formatYuan(balance) })),
                      );
                    }
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <YuanInput autoFocus data-testid="pay-amount" />
            </Form.Item>
          </Col>
          {method === 'cash' && (
            <Col span={12}>
              <Form.Item
                label={t('settlements.pay.tenderedYuan')}
                name="tendered"
                dependencies={['amount']}
                rules={[
                  rules.money(fen),
                  ({ getFieldValue }) => ({
                    validator: (_, value: string) => {
                      const given = yuanToFen(value);
                      const due = yuanToFen(getFieldValue('amount') as string);
                      return given !== null && due !== null && given < due
                        ? Promise.reject(new Error(t('settlements.pay.tenderedTooLow')))
                        : Promise.resolve();
                    },
                  }),
                ]}
              >
                <YuanInput data-testid="pay-tendered" />
              </Form.Item>
            </Col>
          )}
        </Row>
        {method === 'cash' && (
          <Flex justify="end" align="baseline" gap="small" style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">{t('settlements.pay.change')}</Typography.Text>
            <Typography.Text
              strong
              type={change !== null && change < 0 ? 'danger' : undefined}
              style={{ fontSize: 20 }}
              data-testid="pay-change"
            >
              {formatYuan(change !== null && change > 0 ? change : 0)}
            </Typography.Text>
          </Flex>
        )}
        {method !== 'cash' && (
          <Form.Item
            label={t('settlements.pay.reference')}
            name="reference"
            rules={[rules.text(addPaymentInput.shape.reference)]}
          >
            <TextInput
              schema={addPaymentInput.shape.reference}
              placeholder={t('settlements.pay.referencePlaceholder')}
              data-testid="pay-reference"
            />
          </Form.Item>
        )}
      </FormModal>
      {approval.modal}
    </>
  );
}
