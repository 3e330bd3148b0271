import { useState } from 'react';
import { Alert, Checkbox, Flex, Form, Radio, Tag, Typography } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  HANDOVER_OTHER,
  handoverItemInput,
  handoverInput,
  type HandoverInput,
  type HandoverSettings,
} from '@shared/schemas/handover';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { SignaturePad } from '../../components/SignaturePad';
import { TextInput } from '../../components/TextInput';
import { handoverItemName } from './handoverEvent';

const itemNote = handoverItemInput.shape.note;
const idNoteSchema = handoverInput.shape.idNote;

/** The lines to tick: the accessories recorded at intake, then the free-text items as 其他. */
export function checklistOf(order: Pick<WorkOrderDetail, 'accessories' | 'accessoriesNote'>): string[] {
  return order.accessoriesNote.trim() === ''
    ? [...order.accessories]
    : [...order.accessories, HANDOVER_OTHER];
}

/**
 * Whether delivering opens the hand-over: the order has items to hand back, the shop takes pickup
 * signatures or asks about the ticket, or the ticket was just scanned. Otherwise delivery is the
 * one click it always was.
 */
export function needsHandover(
  order: Pick<WorkOrderDetail, 'accessories' | 'accessoriesNote'>,
  settings: HandoverSettings,
  scanned: boolean,
): boolean {
  return (
    scanned ||
    checklistOf(order).length > 0 ||
    settings.pickupSignature !== 'off' ||
    settings.idNoteWithoutTicket
  );
}

interface HandOverValues {
  items: { item: string; returned: boolean; note?: string }[];
  ticket: 'with' | 'without';
  idNote?: string;
}

/**
 * 交机 at delivery: each item recorded at intake ticked as returned, or its note saying why not
 * (the form refuses an unticked line without one, as the server does); the claim ticket (a scan
 * ticks it) or, without it, the ID seen; the customer's pickup signature when the shop takes it.
 */
export function HandOverModal({
  order,
  settings,
  scanned,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  order: WorkOrderDetail;
  settings: HandoverSettings;
  scanned: boolean;
  pending: boolean;
  error: string | null;
  onSubmit: (handover: HandoverInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const [form] = Form.useForm<HandOverValues>();
  const [signature, setSignature] = useState<string | null>(null);
  const [signatureMissing, setSignatureMissing] = useState(false);
  const lines = checklistOf(order);
  const items = Form.useWatch('items', form) ?? [];
  const ticket = Form.useWatch('ticket', form);
  const signing = settings.pickupSignature !== 'off';
  const required = settings.pickupSignature === 'required';

  const finish = (values: HandOverValues) => {
    if (required && signature === null) {
      setSignatureMissing(true);
      return;
    }
    const withoutTicket = values.ticket === 'without';
    onSubmit({
      items: lines.map((item, i) => ({
        item,
        returned: values.items[i]?.returned ?? false,
        note: values.items[i]?.note ?? '',
      })),
      withoutTicket,
      idNote: withoutTicket ? (values.idNote ?? '') : '',
      signature,
    });
  };

  return (
    <FormModal<HandOverValues>
      title={t('handover.title', { orderNo: order.orderNo })}
      testId="wo-handover"
      name="handover"
      form={form}
      initialValues={{
        items: lines.map((item) => ({ item, returned: false, note: '' })),
        ticket: scanned || !settings.idNoteWithoutTicket ? 'with' : undefined,
      }}
      pending={pending}
      error={error}
      submitText={t('handover.submit')}
      onFinish={finish}
      onClose={onClose}
    >
      <Typography.Title level={5}>{t('handover.checklist')}</Typography.Title>
      {lines.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="wo-handover-nothing">
          {t('handover.nothingLeft')}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('handover.checklistHelp')}</Typography.Paragraph>
          {lines.map((item, i) => {
            const returned = items[i]?.returned ?? false;
            return (
              <Flex key={item} gap="small" align="start" data-testid={`wo-handover-item-${item}`}>
                <Form.Item
                  name={['items', i, 'returned']}
                  valuePropName="checked"
                  style={{ flex: '0 0 40%' }}
                >
                  <Checkbox data-testid={`wo-handover-returned-${item}`}>
                    {handoverItemName(item, t, order.accessoriesNote)}
                  </Checkbox>
                </Form.Item>
                <Form.Item
                  name={['items', i, 'note']}
                  style={{ flex: 1 }}
                  dependencies={[['items', i, 'returned']]}
                  rules={
                    returned
                      ? [rules.text(itemNote)]
                      : [
                          {
                            required: true,
                            whitespace: true,
                            message: t('fieldErrors.handoverNoteRequired'),
                          },
                          rules.text(itemNote),
                        ]
                  }
                >
                  <TextInput
                    schema={itemNote}
                    placeholder={returned ? t('handover.returnedNote') : t('handover.notReturnedNote')}
                    data-testid={`wo-handover-note-${item}`}
                  />
                </Form.Item>
              </Flex>
            );
          })}
        </>
      )}
      <Form.Item label={t('handover.ticket')} name="ticket" rules={[rules.required]}>
        <Radio.Group data-testid="wo-handover-ticket">
          <Radio value="with" data-testid="wo-handover-with-ticket">
            {t('handover.withTicket')}
          </Radio>
          <Radio value="without" data-testid="wo-handover-without-ticket">
            {t('handover.withoutTicket')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      {scanned && (
        <Tag
          icon={<ScanOutlined />}
          color="green"
          data-testid="wo-handover-scanned"
          style={{ marginBottom: 12 }}
        >
          {t('handover.scanned', { orderNo: order.orderNo })}
        </Tag>
      )}
      {ticket === 'without' && (
        <Form.Item
          label={t('handover.idNote')}
          name="idNote"
          rules={
            settings.idNoteWithoutTicket
              ? [rules.required, rules.text(idNoteSchema)]
              : [rules.text(idNoteSchema)]
          }
        >
          <TextInput
            schema={idNoteSchema}
            placeholder={t('handover.idNotePlaceholder')}
            data-testid="wo-handover-id-note"
          />
        </Form.Item>
      )}
      {signing && (
        <Form.Item
          label={t('handover.pickupSignature', {
            hint: required ? t('handover.pickupRequired') : t('handover.pickupOptional'),
          })}
          required={required}
        >
          <SignaturePad
            testId="wo-handover-signature"
            onChange={(url) => {
              setSignature(url);
              if (url) setSignatureMissing(false);
            }}
          />
          {signatureMissing && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 8 }}
              title={t('fieldErrors.pickupSignatureRequired')}
              data-testid="wo-handover-signature-missing"
            />
          )}
        </Form.Item>
      )}
    </FormModal>
  );
}
