import { Alert, App, Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '@shared/contract';
import { RESOLUTION_KINDS, type ComplaintStatus, type ResolutionKind } from '@shared/schemas/complaintKinds';
import { confirmationInput, moveComplaintInput, openReworkInput } from '@shared/schemas/complaints';
import { fen } from '@shared/schemas/stock';
import { useMoveComplaint, type Complaint } from '../../api/complaints';
import { FormModal } from '../../components/FormModal';
import { useSubmitError } from '../../components/formErrors';
import { useFormRules } from '../../components/formRules';
import { TextArea, TextInput } from '../../components/TextInput';
import { YuanInput } from '../../components/YuanInput';
import { formatMinute } from '../../lib/format';
import { formatYuan, yuanToFen } from '../../lib/money';

type ReworkMode = 'existing' | 'open';

interface Values {
  note: string;
  resolution?: {
    kind: ResolutionKind;
    refundPaymentId?: string;
    reworkOrderId?: string;
    reworkMode?: ReworkMode;
    reworkFault?: string;
    /** 元, as typed. */
    compensation?: string;
  };
  confirmation?: { by: string; how: string };
}

const noteSchema = moveComplaintInput.shape.note;

type MoveWord = Exclude<ComplaintStatus, 'received'> | 'backToWork';

/** The words of a move's button and title (no move leads back to 已受理). */
export function moveWord(from: ComplaintStatus, to: ComplaintStatus): MoveWord {
  if (from === 'awaitingConfirmation' && to === 'inProgress') return 'backToWork';
  return to === 'received' ? 'inProgress' : to;
}

/** The resolution as the contract takes it, from what the form holds. */
function resolutionOf(r: NonNullable<Values['resolution']>): InputOf<'complaints.move'>['resolution'] {
  switch (r.kind) {
    case 'refund':
      return { kind: 'refund', refundPaymentId: r.refundPaymentId };
    case 'rework':
      return r.reworkMode === 'open'
        ? { kind: 'rework', openRework: { reportedFault: r.reworkFault ?? '' } }
        : { kind: 'rework', reworkOrderId: r.reworkOrderId };
    case 'compensation':
      return { kind: 'compensation', compensationAmount: yuanToFen(r.compensation) ?? undefined };
    default:
      return { kind: r.kind };
  }
}

/** One step of a complaint, with its note; the answer asks for the resolution, closing for the confirmation. */
export function MoveComplaintModal({
  complaint,
  to,
  onClose,
}: {
  complaint: Complaint;
  to: ComplaintStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const rules = useFormRules();
  const move = useMoveComplaint();
  const refusal = useSubmitError(form);
  const kind = Form.useWatch(['resolution', 'kind'], form);
  const reworkMode = Form.useWatch(['resolution', 'reworkMode'], form);
  const answering = to === 'awaitingConfirmation';
  const closing = to === 'closed';
  const linksNeedOrder = (kind === 'refund' || kind === 'rework') && !complaint.workOrderId;

  const submit = (values: Values) => {
    refusal.clear();
    move.mutate(
      {
        id: complaint.id,
        version: complaint.version,
        to,
        note: values.note,
        ...(answering && values.resolution ? { resolution: resolutionOf(values.resolution) } : {}),
        ...(closing && values.confirmation ? { confirmation: values.confirmation } : {}),
      },
      {
        onSuccess: (c) => {
          void message.success(
            t('complaints.moves.done', { no: c.complaintNo, status: t(`complaintStatuses.${c.status}`) }),
          );
          onClose();
        },
        onError: refusal.show,
      },
    );
  };

  return (
    <FormModal<Values>
      title={`${t(`complaints.moves.${moveWord(complaint.status, to)}`)} · ${complaint.complaintNo}`}
      testId="complaint-move"
      name="complaintMove"
      form={form}
      initialValues={{
        note: '',
        ...(answering ? { resolution: { kind: 'apology', reworkMode: 'open' as const } } : {}),
        ...(closing ? { confirmation: { by: complaint.customerName, how: '' } } : {}),
      }}
      pending={move.isPending}
      error={refusal.error}
      submitText={t(`complaints.moves.${moveWord(complaint.status, to)}`)}
      onFinish={submit}
      onClose={onClose}
    >
      {answering && (
        <>
          <Form.Item label={t('complaints.moves.resolutionKind')} name={['resolution', 'kind']}>
            <Radio.Group optionType="button" data-testid="complaint-resolution-kind">
              {RESOLUTION_KINDS.map((k) => (
                <Radio.Button key={k} value={k}>
                  <span data-testid={`complaint-resolution-${k}`}>{t(`resolutionKinds.${k}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          {linksNeedOrder && (
            <Alert
              type="warning"
              showIcon
              title={t('complaints.moves.needsOrder')}
              style={{ marginBottom: 16 }}
            />
          )}
          {kind === 'refund' && complaint.workOrderId && (
            <Form.Item
              label={t('complaints.moves.refundPayment')}
              name={['resolution', 'refundPaymentId']}
              rules={[rules.required]}
              extra={complaint.refundChoices.length === 0 ? t('complaints.moves.noRefunds') : undefined}
            >
              <Select
                placeholder={t('complaints.moves.refundPlaceholder')}
                options={complaint.refundChoices.map((r) => ({
                  value: r.id,
                  label: `${r.settlementNo} · ${formatYuan(r.amount)} · ${formatMinute(r.at)}`,
                }))}
                data-testid="complaint-refund"
              />
            </Form.Item>
          )}
          {kind === 'rework' && complaint.workOrderId && (
            <>
              <Form.Item label={t('complaints.moves.reworkMode')} name={['resolution', 'reworkMode']}>
                <Radio.Group data-testid="complaint-rework-mode">
                  <Radio value="open">
                    <span data-testid="complaint-rework-open">{t('complaints.moves.reworkOpen')}</span>
                  </Radio>
                  <Radio value="existing" disabled={complaint.reworkChoices.length === 0}>
                    <span data-testid="complaint-rework-existing">
                      {t('complaints.moves.reworkExisting')}
                    </span>
                  </Radio>
                </Radio.Group>
              </Form.Item>
              {reworkMode === 'existing' ? (
                <Form.Item
                  label={t('complaints.moves.reworkOrder')}
                  name={['resolution', 'reworkOrderId']}
                  rules={[rules.required]}
                >
                  <Select
                    options={complaint.reworkChoices.map((o) => ({
                      value: o.id,
                      label: `${o.orderNo} · ${t(`statuses.${o.status}`, { defaultValue: o.status })}`,
                    }))}
                    data-testid="complaint-rework-order"
                  />
                </Form.Item>
              ) : (
                <Form.Item
                  label={t('complaints.moves.reworkFault')}
                  name={['resolution', 'reworkFault']}
                  rules={[rules.text(openReworkInput.shape.reportedFault)]}
                >
                  <TextInput
                    schema={openReworkInput.shape.reportedFault}
                    data-testid="complaint-rework-fault"
                  />
                </Form.Item>
              )}
            </>
          )}
          {kind === 'compensation' && (
            <Form.Item
              label={t('complaints.moves.compensationYuan')}
              name={['resolution', 'compensation']}
              rules={[rules.money(fen, { required: true })]}
            >
              <YuanInput data-testid="complaint-compensation" />
            </Form.Item>
          )}
        </>
      )}
      {closing && (
        <>
          <Form.Item
            label={t('complaints.moves.confirmedBy')}
            name={['confirmation', 'by']}
            rules={[rules.text(confirmationInput.shape.by)]}
          >
            <TextInput schema={confirmationInput.shape.by} data-testid="complaint-confirmed-by" />
          </Form.Item>
          <Form.Item
            label={t('complaints.moves.confirmedHow')}
            name={['confirmation', 'how']}
            rules={[rules.text(confirmationInput.shape.how)]}
          >
            <TextInput
              schema={confirmationInput.shape.how}
              placeholder={t('complaints.moves.confirmedHowPlaceholder')}
              data-testid="complaint-confirmed-how"
            />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('complaints.moves.note')} name="note" rules={[rules.text(noteSchema)]}>
        <TextArea
          schema={noteSchema}
          rows={3}
          autoFocus
          placeholder={t('complaints.moves.notePlaceholder')}
          data-testid="complaint-move-note"
        />
      </Form.Item>
    </FormModal>
  );
}
