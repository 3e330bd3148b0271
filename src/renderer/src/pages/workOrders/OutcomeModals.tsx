import { DatePicker, Form, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { transitionInput, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { UNREPAIRABLE_REASONS, type UnrepairableReason } from '@shared/workOrderStatus';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { TextArea } from '../../components/TextInput';
import { serverToday } from '../../lib/serverClock';

const moveNote = transitionInput.shape.note;

interface ModalProps<Move> {
  order: WorkOrderDetail;
  submitText: string;
  pending: boolean;
  /** The server's refusal of the last submit, shown above the buttons. */
  error: string | null;
  onSubmit: (move: Move) => void;
  onClose: () => void;
}

interface UnrepairableValues {
  unrepairableReason?: UnrepairableReason;
  note: string;
}

/** 无法修复: why (one of the reason codes) and what to tell the customer. */
export function UnrepairableModal(
  props: ModalProps<{ unrepairableReason: UnrepairableReason; note: string }>,
) {
  const { order, submitText, pending, error, onSubmit, onClose } = props;
  const { t } = useTranslation();
  const rules = useFormRules();
  const [form] = Form.useForm<UnrepairableValues>();
  return (
    <FormModal<UnrepairableValues>
      title={t('workOrders.unrepairableTitle', { orderNo: order.orderNo })}
      testId="wo-unrepairable"
      name="moveUnrepairable"
      form={form}
      pending={pending}
      error={error}
      submitText={submitText}
      onFinish={({ unrepairableReason, note }) => {
        if (unrepairableReason) onSubmit({ unrepairableReason, note });
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('workOrders.unrepairableHelp')}</Typography.Paragraph>
      <Form.Item
        label={t('workOrders.unrepairableReasonPick')}
        name="unrepairableReason"
        rules={[rules.required]}
      >
        <Select<UnrepairableReason>
          autoFocus
          options={UNREPAIRABLE_REASONS.map((r) => ({ value: r, label: t(`unrepairableReasons.${r}`) }))}
          data-testid="wo-unrepairable-reason"
        />
      </Form.Item>
      <Form.Item
        label={t('workOrders.unrepairableNote')}
        name="note"
        rules={[rules.required, rules.text(moveNote)]}
      >
        <TextArea
          schema={moveNote}
          autoSize={{ minRows: 2, maxRows: 6 }}
          data-testid="wo-unrepairable-note"
        />
      </Form.Item>
    </FormModal>
  );
}

interface HoldValues {
  note: string;
  recallAt?: Dayjs | null;
}

/**
 * 挂起（待客户）: why, and the day to call the customer back. The day is sent as its start (00:00
 * in the shop's time zone); the picker offers tomorrow on, as the server refuses a date before now.
 */
export function HoldModal(props: ModalProps<{ note: string; recallAt: number }>) {
  const { order, submitText, pending, error, onSubmit, onClose } = props;
  const { t } = useTranslation();
  const rules = useFormRules();
  const [form] = Form.useForm<HoldValues>();
  return (
    <FormModal<HoldValues>
      title={t('workOrders.holdTitle', { orderNo: order.orderNo })}
      testId="wo-hold"
      name="moveHold"
      form={form}
      pending={pending}
      error={error}
      submitText={submitText}
      onFinish={({ note, recallAt }) => {
        if (recallAt) onSubmit({ note, recallAt: recallAt.startOf('day').valueOf() });
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('workOrders.holdHelp')}</Typography.Paragraph>
      <Form.Item
        label={t('workOrders.holdReason')}
        name="note"
        rules={[rules.required, rules.text(moveNote)]}
      >
        <TextArea
          schema={moveNote}
          autoFocus
          autoSize={{ minRows: 2, maxRows: 6 }}
          data-testid="wo-hold-note"
        />
      </Form.Item>
      <Form.Item
        label={t('workOrders.holdRecall')}
        name="recallAt"
        // Not `rules.required`: its whitespace check reads the value as text, and a date is not.
        rules={[{ required: true, message: t('validation.required') }]}
        extra={t('workOrders.holdRecallHelp')}
      >
        <DatePicker
          format="YYYY-MM-DD"
          style={{ width: '100%' }}
          disabledDate={(d) => !d.isAfter(serverToday(), 'day')}
          data-testid="wo-hold-recall"
        />
      </Form.Item>
    </FormModal>
  );
}
