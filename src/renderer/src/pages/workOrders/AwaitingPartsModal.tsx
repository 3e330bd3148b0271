import { useState } from 'react';
import { Button, Flex, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Part } from '@shared/schemas/stock';
import { APPROVAL_METHODS, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { PartPicker } from '../../components/PartPicker';

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
  const [lines, setLines] = useState<{ part: Part; qty: number }[]>([]);
  const [linesError, setLinesError] = useState<string | null>(null);

  const add = (part: Part) => {
    setLinesError(null);
    setLines((current) =>
      current.some((l) => l.part.id === part.id)
        ? current.map((l) => (l.part.id === part.id ? { ...l, qty: l.qty + 1 } : l))
        : current.length >= MAX_LINES
          ? current
          : [...current, { part, qty: 1 }],
    );
  };

  const finish = (values: Values) => {
    const note = values.note?.trim() ?? '';
    if (lines.length === 0 && !note) {
      setLinesError(t('orderParts.waitNeedsSomething'));
      return;
    }
    onSubmit({
      waitingFor: lines.map((l) => ({ partId: l.part.id, qty: l.qty })),
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
                <InputNumber<number>
                  min={1}
                  max={10_000}
                  precision={0}
                  value={l.qty}
                  aria-label={t('orderParts.qty')}
                  style={{ width: 88 }}
                  onChange={(qty) =>
                    setLines((current) =>
                      current.map((c) => (c.part.id === l.part.id ? { ...c, qty: qty ?? 1 } : c)),
                    )
                  }
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
        rules={[rules.max(500)]}
        extra={t('orderParts.waitNoteHelp')}
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
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
              rules={[rules.required, rules.max(40)]}
              style={{ flex: 1 }}
            >
              <Input maxLength={40} data-testid="wo-approval-by" />
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
