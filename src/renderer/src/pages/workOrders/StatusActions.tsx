import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Form, Select, Tooltip, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  approvalInput,
  APPROVAL_METHODS,
  transitionInput,
  type WorkOrderDetail,
} from '@shared/schemas/workOrders';
import { needsApproval, needsReason, nextStatuses, type WorkOrderStatus } from '@shared/workOrderStatus';
import type { InputOf } from '@shared/contract';
import { ApiError } from '../../lib/apiError';
import { queryKeys } from '../../api/keys';
import { useTransition } from '../../api/workOrders';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { TextArea, TextInput } from '../../components/TextInput';
import { AwaitingPartsModal } from './AwaitingPartsModal';
import { HoldModal, UnrepairableModal } from './OutcomeModals';
import { HandOverModal, needsHandover } from './HandOverModal';
import { handoverSettings as handoverSettingsSchema } from '@shared/schemas/handover';
import { useSettings } from '../../api/settings';

type TransitionMove = Omit<InputOf<'workOrders.transition'>, 'id' | 'to'>;
import { errorMessage } from '../../i18n/errorMessage';

type ApprovalMethod = (typeof APPROVAL_METHODS)[number];
const NO_HANDOVER_SETTINGS = handoverSettingsSchema.parse({});
const moveNote = transitionInput.shape.note;

/** The verb on a move's button: what the person at the bench does, by the target status. */
function moveKey(from: WorkOrderStatus, to: WorkOrderStatus) {
  if (from === 'qc' && to === 'inRepair') return 'moves.qcFailed' as const;
  if ((from === 'declined' || from === 'unrepairable') && to === 'ready')
    return 'moves.returnUnrepaired' as const;
  return `moves.${to}` as const;
}

type DialogKind = 'reason' | 'approval' | 'parts' | 'unrepairable' | 'hold' | 'handover';

interface ReasonValues {
  note: string;
}

interface ApprovalValues {
  by: string;
  method: ApprovalMethod;
  note?: string;
}

/**
 * The legal next moves of the order, and nothing else (the state machine in src/shared decides).
 * Cancelling and declining ask for the reason; leaving 待确认 for the bench asks who approved the
 * quote and how; waiting for parts asks which parts (or a note); giving up (无法修复) asks why;
 * parking (挂起) asks why and when to call back; an order on hold resumes to where it was parked
 * (恢复). A move the server refuses (someone moved the order meanwhile) says so plainly.
 */
export function StatusActions({
  order,
  scanned = false,
  onScanHandled,
}: {
  order: WorkOrderDetail;
  /** The claim ticket was just scanned to open this order: delivery opens its hand-over at once. */
  scanned?: boolean;
  onScanHandled?: () => void;
}) {
  const { t } = useTranslation();
  const settings = useSettings();
  // Until the settings arrive, the defaults: the checklist alone decides.
  const handoverSettings = settings.data?.handover ?? NO_HANDOVER_SETTINGS;
  const queryClient = useQueryClient();
  const transition = useTransition();
  const rules = useFormRules();
  const [dialog, setDialog] = useState<{ to: WorkOrderStatus; kind: DialogKind } | null>(null);
  // A refusal is about the order as it was: every change since (a payment, a move) drops it. The
  // "changed by someone else" notice explains the reload itself, so it stays (version null).
  const version = `${order.status}|${order.updatedAt}|${order.events.length}`;
  const [refused, setRefused] = useState<{ text: string; version: string | null } | null>(null);
  const refusal = refused && (refused.version ?? version) === version ? refused.text : null;
  const setRefusal = (text: string | null, sticky = false) =>
    setRefused(text === null ? null : { text, version: sticky ? null : version });
  /** A refused dialog with fields of its own stays open with what was entered, the reason above its buttons. */
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [reasonForm] = Form.useForm<ReasonValues>();
  const [approvalForm] = Form.useForm<ApprovalValues>();
  const moves = nextStatuses(order.status, order.heldFrom);
  const resuming = (to: WorkOrderStatus) => order.status === 'onHold' && to === order.heldFrom;
  const label = (to: WorkOrderStatus) =>
    resuming(to) ? t('moves.resume', { status: t(`statuses.${to}`) }) : t(moveKey(order.status, to));

  const run = (to: WorkOrderStatus, extra: TransitionMove) => {
    setRefusal(null);
    setDialogError(null);
    transition.mutate(
      { id: order.id, to, ...extra },
      {
        // The status tag and the timeline show the move; no toast to pile up at a busy bench.
        onSuccess: () => setDialog(null),
        onError: (error) => {
          const stale = error instanceof ApiError && error.code === 'INVALID_TRANSITION';
          const keepsOpen =
            dialog?.kind === 'parts' ||
            dialog?.kind === 'unrepairable' ||
            dialog?.kind === 'hold' ||
            dialog?.kind === 'handover';
          if (keepsOpen && !stale) {
            setDialogError(errorMessage(error, t));
            return;
          }
          setDialog(null);
          if (stale) {
            setRefusal(
              t('workOrders.invalidMove', {
                orderNo: order.orderNo,
                from: t(`statuses.${order.status}`),
                to: t(`statuses.${to}`),
              }),
              true,
            );
            void queryClient.invalidateQueries({ queryKey: queryKeys.workOrder(order.id) });
          } else {
            // Delivery waits for payment, cancelling for a void: the billing services say why.
            setRefusal(errorMessage(error, t));
          }
        },
      },
    );
  };

  // A scanned claim ticket lands on the delivery: its hand-over opens once, as soon as it can.
  const scanOpened = useRef(false);
  const canDeliver = moves.includes('delivered');
  useEffect(() => {
    if (!scanned || scanOpened.current || !canDeliver) return;
    scanOpened.current = true;
    setDialog({ to: 'delivered', kind: 'handover' });
  }, [scanned, canDeliver]);

  const start = (to: WorkOrderStatus) => {
    setDialogError(null);
    if (to === 'awaitingParts') setDialog({ to, kind: 'parts' });
    else if (to === 'unrepairable') setDialog({ to, kind: 'unrepairable' });
    else if (to === 'onHold') setDialog({ to, kind: 'hold' });
    else if (to === 'delivered' && needsHandover(order, handoverSettings, scanned))
      setDialog({ to, kind: 'handover' });
    else if (needsReason(to)) setDialog({ to, kind: 'reason' });
    else if (needsApproval(order.status, to)) setDialog({ to, kind: 'approval' });
    else run(to, {});
  };

  return (
    <Flex vertical gap="small" data-testid="wo-moves">
      {moves.length === 0 ? (
        <Typography.Text type="secondary" data-testid="wo-no-moves">
          {t('workOrders.noMoves')}
        </Typography.Text>
      ) : (
        <Flex gap="small" wrap>
          {moves.map((to, index) => {
            const danger = to === 'cancelled' || to === 'declined' || to === 'unrepairable';
            return (
              <Tooltip key={to} title={`→ ${t(`statuses.${to}`)}`}>
                <Button
                  type={index === 0 ? 'primary' : 'default'}
                  danger={danger}
                  loading={transition.isPending && transition.variables?.to === to}
                  disabled={transition.isPending}
                  onClick={() => start(to)}
                  data-testid={`wo-move-${to}`}
                >
                  {label(to)}
                </Button>
              </Tooltip>
            );
          })}
        </Flex>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal}
          closable={{ onClose: () => setRefusal(null) }}
          data-testid="wo-move-error"
        />
      )}
      {dialog?.kind === 'reason' && (
        <FormModal<ReasonValues>
          title={t('workOrders.reasonTitle', { action: label(dialog.to) })}
          testId="wo-reason"
          name="moveReason"
          form={reasonForm}
          pending={transition.isPending}
          submitText={label(dialog.to)}
          onFinish={({ note }) => run(dialog.to, { note })}
          onClose={() => setDialog(null)}
        >
          <Form.Item
            label={t('workOrders.reason')}
            name="note"
            rules={[rules.required, rules.text(moveNote)]}
          >
            <TextArea
              schema={moveNote}
              autoFocus
              autoSize={{ minRows: 2, maxRows: 6 }}
              data-testid="wo-reason-input"
            />
          </Form.Item>
        </FormModal>
      )}
      {dialog?.kind === 'parts' && (
        <AwaitingPartsModal
          order={order}
          needsApproval={needsApproval(order.status, dialog.to)}
          title={t('orderParts.waitTitle', { orderNo: order.orderNo })}
          submitText={label(dialog.to)}
          pending={transition.isPending}
          error={dialogError}
          onSubmit={(move) => run(dialog.to, move)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'unrepairable' && (
        <UnrepairableModal
          order={order}
          submitText={label(dialog.to)}
          pending={transition.isPending}
          error={dialogError}
          onSubmit={(move) => run(dialog.to, move)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'hold' && (
        <HoldModal
          order={order}
          submitText={label(dialog.to)}
          pending={transition.isPending}
          error={dialogError}
          onSubmit={(move) => run(dialog.to, move)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'handover' && (
        <HandOverModal
          order={order}
          settings={handoverSettings}
          scanned={scanned}
          pending={transition.isPending}
          error={dialogError}
          onSubmit={(handover) => run(dialog.to, { handover })}
          onClose={() => {
            setDialog(null);
            onScanHandled?.();
          }}
        />
      )}
      {dialog?.kind === 'approval' && (
        <FormModal<ApprovalValues>
          title={t('workOrders.approvalTitle')}
          testId="wo-approval"
          name="moveApproval"
          form={approvalForm}
          initialValues={{ by: order.customerName, method: 'phone' }}
          pending={transition.isPending}
          submitText={label(dialog.to)}
          onFinish={({ by, method, note }) => run(dialog.to, { approval: { by, method }, note: note ?? '' })}
          onClose={() => setDialog(null)}
        >
          <Typography.Paragraph type="secondary">{t('workOrders.approvalHelp')}</Typography.Paragraph>
          <Form.Item
            label={t('workOrders.approvalBy')}
            name="by"
            rules={[rules.text(approvalInput.shape.by)]}
          >
            <TextInput schema={approvalInput.shape.by} autoFocus data-testid="wo-approval-by" />
          </Form.Item>
          <Form.Item label={t('workOrders.approvalMethod')} name="method" rules={[rules.required]}>
            <Select
              options={APPROVAL_METHODS.map((m) => ({ value: m, label: t(`approvalMethods.${m}`) }))}
              data-testid="wo-approval-method"
            />
          </Form.Item>
          <Form.Item label={t('workOrders.moveNote')} name="note" rules={[rules.text(moveNote)]}>
            <TextInput schema={moveNote} data-testid="wo-approval-note" />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}
