import { useState } from 'react';
import { Alert, Button, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  APPROVAL_METHODS,
  approvalInput,
  renewApprovalInput,
  type WorkOrderDetail,
} from '@shared/schemas/workOrders';
import { isOpen } from '@shared/workOrderStatus';
import { useRenewApproval } from '../../api/workOrders';
import { useCan } from '../../api/session';
import { FormModal } from '../../components/FormModal';
import { showFieldErrors } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { fenToYuan, formatYuan, yuanToFen } from '../../lib/money';
import { TextInput } from '../../components/TextInput';
import { YuanInput } from '../../components/YuanInput';
import { errorMessage } from '../../i18n/errorMessage';

interface RenewValues {
  /** 元 as typed. */
  amount: string;
  by: string;
  method: (typeof APPROVAL_METHODS)[number];
  note?: string;
}

/** 记录客户确认: who approved the new amount and how; the server keeps the time and the recorder. */
function RenewApprovalModal({ order, onClose }: { order: WorkOrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const [form] = Form.useForm<RenewValues>();
  const renew = useRenewApproval();
  const [error, setError] = useState<string | null>(null);
  const approved = order.quote.approved ?? 0;

  const submit = (values: RenewValues) => {
    setError(null);
    renew.mutate(
      {
        id: order.id,
        amount: yuanToFen(values.amount) ?? 0,
        approval: { by: values.by, method: values.method },
        note: values.note ?? '',
      },
      {
        onSuccess: onClose,
        onError: (e) => {
          showFieldErrors(form, e, t);
          setError(errorMessage(e, t));
        },
      },
    );
  };

  return (
    <FormModal<RenewValues>
      title={t('workOrders.renewTitle')}
      testId="wo-renew"
      name="renewApproval"
      form={form}
      initialValues={{ amount: fenToYuan(order.quote.billed), by: order.customerName, method: 'phone' }}
      pending={renew.isPending}
      error={error}
      submitText={t('workOrders.renewSubmit')}
      onFinish={submit}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('workOrders.renewHelp', {
          approved: formatYuan(approved),
          billed: formatYuan(order.quote.billed),
        })}
      </Typography.Paragraph>
      <Form.Item
        label={t('workOrders.renewAmount')}
        name="amount"
        rules={[
          rules.money(renewApprovalInput.shape.amount, { required: true }),
          {
            validator: (_, value: string) =>
              (yuanToFen(value) ?? approved + 1) > approved
                ? Promise.resolve()
                : Promise.reject(new Error(t('workOrders.renewAbove', { approved: formatYuan(approved) }))),
          },
        ]}
      >
        <YuanInput autoFocus data-testid="wo-renew-amount" />
      </Form.Item>
      <Form.Item label={t('workOrders.approvalBy')} name="by" rules={[rules.text(approvalInput.shape.by)]}>
        <TextInput schema={approvalInput.shape.by} data-testid="wo-renew-by" />
      </Form.Item>
      <Form.Item label={t('workOrders.approvalMethod')} name="method" rules={[rules.required]}>
        <Select
          options={APPROVAL_METHODS.map((m) => ({ value: m, label: t(`approvalMethods.${m}`) }))}
          data-testid="wo-renew-method"
        />
      </Form.Item>
      <Form.Item
        label={t('workOrders.moveNote')}
        name="note"
        rules={[rules.text(renewApprovalInput.shape.note)]}
      >
        <TextInput schema={renewApprovalInput.shape.note} data-testid="wo-renew-note" />
      </Form.Item>
    </FormModal>
  );
}

/**
 * The lines outgrew the quote the customer approved (beyond the tolerance in 收费设置): by how much,
 * and 记录客户确认 for their renewed approval, which settling waits for. The server decides the excess.
 */
export function QuoteExcess({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const canRecord = useCan('workOrders.transition');
  const [open, setOpen] = useState(false);
  const { approved, billed, excess } = order.quote;
  // A standing settlement froze the lines as settled: nothing is left to approve.
  if (excess === 0 || approved === null || order.settlement?.status === 'active') return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        data-testid="wo-quote-excess"
        title={t('workOrders.quoteExcess', { amount: formatYuan(excess) })}
        description={t('workOrders.quoteExcessDetail', {
          approved: formatYuan(approved),
          billed: formatYuan(billed),
        })}
        action={
          canRecord && isOpen(order.status) ? (
            <Button onClick={() => setOpen(true)} data-testid="wo-renew-open">
              {t('workOrders.renewOpen')}
            </Button>
          ) : null
        }
      />
      {open && <RenewApprovalModal order={order} onClose={() => setOpen(false)} />}
    </>
  );
}
