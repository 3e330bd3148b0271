import { useState } from 'react';
import { Button, Flex, Form, Select, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { orderQty } from '@shared/schemas/orderParts';
import type { Part } from '@shared/schemas/stock';
import {
  approvalInput,
  APPROVAL_METHODS,
  transitionInput,
  type WorkOrderDetail,
} from '@shared/schemas/workOrders';
import { numberProblem } from '../../components/fieldChecks';
import { FormModal } from '../../components/FormModal';
import { problemText, useFormRules } from '../../components/formRules';
import { NumberInput } from '../../components/NumberInput';
import { numberOf } from '../../lib/numberText';
import { PartPicker } from '../../components/PartPicker';
import { TextArea, TextInput } from '../../components/TextInput';

type ApprovalMethod = (typeof APPROVAL_METHODS)[number];

/** The most parts one wait may list (the contract's limit). */
const MAX_LINES = 20;

interface Values {
  note?: string;
  by?: string;
  method?: ApprovalMethod;
}

export interface AwaitingPartsMove {
  waitingFor: { partId: string; qty: number }[];
  note: string;
  approval?: { by: string; method: ApprovalMethod };
}

interface AwaitingPartsModalProps {
  order: WorkOrderDetail;
  /** Leaving 待确认 for the parts wait also records the customer's yes. */
  needsApproval: boolean;
  title: string;
  submitText: string;
  pending: boolean;
  error: string | null;
  onSubmit: (move: AwaitingPartsMove) => void;
  onClose: () => void;
}

/**
 * 等待配件: which catalog parts (and how many) the order waits for, or a note when the part is not
 * in the catalog. A purchase receipt of a listed part later flags the order.
 */
export function AwaitingPartsModal(props: AwaitingPartsModalProps) {
  const { order, needsApproval, title, submitText, pending, error, onSubmit, onClose } = props;
  const { t } = useTranslation();
  const rules = useFormRules();
  const [form] = Form.useForm<Values>();
  // Quantities as typed; each is checked against the contract's own schema before moving.
  const [lines, setLines] = useState<{ part: Part; qty: string }[]>([]);
  const qtyProblem = (qty: string) => numberProblem(orderQty, { kind: 'whole' }, qty, true);
  const [linesError, setLinesError] = useState<string | null>(null);

  const add = (part: Part) => {
    setLinesError(null);
    if (lines.some((l) => l.part.id === part.id)) {
      const more = (qty: string) => String((numberOf(qty, 0) ?? 0) + 1);
      setLines(lines.map((l) => (l.part.id === part.id ? { ...l, qty: more(l.qty) } : l)));
    } else if (lines.length >= MAX_LINES) {
      setLinesError(t('validation.tooMany', { max: MAX_LINES }));
    } else {
      setLines([...lines, { part, qty: '1' }]);
    }
  };

  const finish = (values: Values) => {
    const note = values.note?.trim() ?? '';
    if (lines.length === 0 && !note) {
      setLinesError(t('orderParts.waitNeedsSomething'));
      return;
    }
    const wrong = lines.find((l) => qtyProblem(l.qty));
    const problem = wrong && qtyProblem(wrong.qty);
    if (wrong && problem) {
      setLinesError(`${wrong.part.code}: ${problemText(problem, t)}`);
      return;
    }
    onSubmit({
      waitingFor: lines.map((l) => ({ partId: l.part.id, qty: numberOf(l.qty, 0) ?? 0 })),
      note,
      ...(needsApproval && values.by && values.method
        ? { approval: { by: values.by.trim(), method: values.method } }
        : {}),
    });
  };

  return (
    <FormModal<Values>
      title={title}
      testId="wo-await"
      name="awaitParts"
      form={form}
      initialValues={needsApproval ? { by: order.customerName, method: 'phone' } : {}}
      pending={pending}
      error={error ?? linesError}
      submitText={submitText}
      onFinish={finish}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('orderParts.waitHelp')}</Typography.Paragraph>
      <Form.Item label={t('orderParts.waitParts')}>
        <Flex vertical gap="small">
          <PartPicker
            testId="wo-await-picker"
            onPick={add}
            chosenIds={lines.map((l) => l.part.id)}
            autoFocus
          />
          {lines.map((l) => (
            <Flex
              key={l.part.id}
              align="center"
              gap="small"
              justify="space-between"
              data-testid={`wo-await-line-${l.part.code}`}
            >
              <Flex gap="small" align="baseline" wrap style={{ minWidth: 0 }}>
                <Typography.Text strong>{l.part.code}</Typography.Text>
                <span>{l.part.name}</span>
                <Tag color={l.part.onHand > 0 ? 'green' : 'red'}>
                  {t('orderParts.onHand', { qty: l.part.onHand, unit: l.part.unit })}
                </Tag>
              </Flex>
              <Flex gap="small" align="center">
                <NumberInput
                  value={l.qty}
                  status={qtyProblem(l.qty) ? 'error' : undefined}
                  aria-label={t('orderParts.qty')}
                  style={{ width: 88 }}
                  onChange={(e) => {
                    const qty = e.target.value;
                    setLinesError(null);
                    setLines((current) => current.map((c) => (c.part.id === l.part.id ? { ...c, qty } : c)));
                  }}
                  data-testid={`wo-await-qty-${l.part.code}`}
                />
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('orderParts.remove')}
                  onClick={() => setLines((current) => current.filter((c) => c.part.id !== l.part.id))}
                />
              </Flex>
            </Flex>
          ))}
        </Flex>
      </Form.Item>
      <Form.Item
        label={t('orderParts.waitNote')}
        name="note"
        rules={[rules.text(transitionInput.shape.note)]}
        extra={t('orderParts.waitNoteHelp')}
      >
        <TextArea
          schema={transitionInput.shape.note}
          autoSize={{ minRows: 1, maxRows: 4 }}
          onChange={() => setLinesError(null)}
          data-testid="wo-await-note"
        />
      </Form.Item>
      {needsApproval && (
        <>
          <Typography.Paragraph type="secondary">{t('workOrders.approvalHelp')}</Typography.Paragraph>
          <Flex gap="small">
            <Form.Item
              label={t('workOrders.approvalBy')}
              name="by"
              rules={[rules.text(approvalInput.shape.by)]}
              style={{ flex: 1 }}
            >
              <TextInput schema={approvalInput.shape.by} data-testid="wo-approval-by" />
            </Form.Item>
            <Form.Item
              label={t('workOrders.approvalMethod')}
              name="method"
              rules={[rules.required]}
              style={{ flex: 1 }}
            >
              <Select
                options={APPROVAL_METHODS.map((m) => ({ value: m, label: t(`approvalMethods.${m}`) }))}
                data-testid="wo-approval-method"
              />
            </Form.Item>
          </Flex>
        </>
      )}
    </FormModal>
  );
}
