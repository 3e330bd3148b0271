import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Skeleton,
  Space,
  Tag,
  Tooltip,
  Typography,
  type DescriptionsProps,
} from 'antd';
import { EditOutlined, PrinterOutlined, SafetyCertificateOutlined, TagOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { noteInput, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { localDate } from '@shared/dates';
import { isOpen } from '@shared/workOrderStatus';
import { useAddNote, useAssign, useWorkOrder } from '../../api/workOrders';
import { TechnicianSelect } from '../../components/TechnicianSelect';
import { useCan } from '../../api/session';
import {
  OutcomeTag,
  OverdueTag,
  PriorityTag,
  RecallDueTag,
  StatusTag,
  WarrantyTag,
} from '../../components/counterTags';
import { formatMinute } from '../../lib/format';
import { isPlainKey } from '../../components/keyboard';
import { textProblem } from '../../components/fieldChecks';
import { problemText } from '../../components/formRules';
import { formatYuan } from '../../lib/money';
import { TextArea } from '../../components/TextInput';
import '../../components/counter.css';
import { Attachments } from './Attachments';
import { DevicePassword } from './DevicePassword';
import { IntakeEditModal } from './IntakeEditModal';
import { OrderCharges } from './OrderCharges';
import { OrderParts } from './OrderParts';
import { PartsArrivedTag } from './PartsArrivedTag';
import { OrderComplaintButton } from '../complaints/OrderComplaintButton';
import { QuoteExcess } from './QuoteExcess';
import { SettlementPanel } from './SettlementPanel';
import { DepositPanel } from './DepositPanel';
import { StatusActions } from './StatusActions';
import { OrderSignatures } from './OrderSignatures';
import { OnsitePanel } from './OnsitePanel';
import { WorkOrderTimeline } from './Timeline';
import { OrderMessages } from '../messages/OrderMessages';
import { showsWaiting, WaitingFor } from './WaitingFor';
import { WarrantyOverrideModal } from './WarrantyOverrideModal';
import { WorkForm } from './WorkForm';
import { errorMessage } from '../../i18n/errorMessage';

/** Who does the job; only a role with workOrders.assign may change it, and only while the order is open. */
function AssignSelect({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const assign = useAssign();
  const canAssign = useCan('workOrders.assign');
  if (!canAssign || !isOpen(order.status)) {
    return <span data-testid="wo-technician">{order.technicianName ?? t('workOrders.unassigned')}</span>;
  }
  return (
    <TechnicianSelect
      value={order.technicianId}
      current={
        order.technicianId
          ? { id: order.technicianId, name: order.technicianName ?? order.technicianId }
          : undefined
      }
      placeholder={t('workOrders.unassigned')}
      style={{ width: 180 }}
      loading={assign.isPending}
      aria-label={t('workOrders.technician')}
      data-testid="wo-assign"
      onChange={(technicianId) =>
        assign.mutate(
          { id: order.id, technicianId: technicianId ?? null },
          {
            onSuccess: () => void message.success(t('workOrders.assigned')),
            onError: (e) => void message.error(errorMessage(e, t)),
          },
        )
      }
    />
  );
}

function NoteBox({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const add = useAddNote();
  // The note as typed: over the limit it is refused with the counter red, never cut.
  const problem = text.trim() ? textProblem(noteInput.shape.note, text) : null;
  const submit = () => {
    const note = text.trim();
    if (!note || problem) return;
    add.mutate(
      { id: order.id, note },
      { onSuccess: () => setText(''), onError: (e) => void message.error(errorMessage(e, t)) },
    );
  };
  return (
    <Flex vertical gap="small" style={{ marginBottom: 16 }}>
      <TextArea
        schema={noteInput.shape.note}
        status={problem ? 'error' : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
        placeholder={t('workOrders.notePlaceholder')}
        autoSize={{ minRows: 2, maxRows: 5 }}
        style={{ marginBottom: 16 }}
        data-testid="wo-note-input"
      />
      <Flex justify="end" align="center" gap="small">
        {problem && (
          <Typography.Text type="danger" data-testid="wo-note-problem">
            {problemText(problem, t)}
          </Typography.Text>
        )}
        <Button
          onClick={submit}
          loading={add.isPending}
          disabled={!text.trim() || problem !== null}
          data-testid="wo-note-add"
        >
          {t('workOrders.addNote')}
        </Button>
      </Flex>
    </Flex>
  );
}

type Dialog = 'intake' | 'warranty' | null;

/** One work order: header and moves, customer and device, intake, the bench's work, parts, photos, timeline. */
export function WorkOrderDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const order = useWorkOrder(id);
  const canWrite = useCan('workOrders.write');
  const canTransition = useCan('workOrders.transition');
  const canOverride = useCan('workOrders.overrideWarranty');
  const canSeeSettlement = useCan('settlements.read');
  const canMessage = useCan('messages.send');
  const [dialog, setDialog] = useState<Dialog>(null);
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  // Opened by scanning its claim ticket in the search box: delivery's hand-over opens at once.
  const scanned = (location.state as { scanned?: boolean } | null)?.scanned === true;

  // P prints the intake receipt: the last key of a keyboard-only intake.
  useEffect(() => {
    if (!id) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (
        (event.key === 'p' || event.key === 'P') &&
        isPlainKey(event) &&
        !document.querySelector('.ant-modal-wrap')
      ) {
        event.preventDefault();
        void navigate(`/print/intake/${id}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id, navigate]);

  if (order.isPending) return <Skeleton active />;
  if (order.isError) {
    return (
      <Result
        status="warning"
        title={errorMessage(order.error, t)}
        extra={<Link to="/work-orders">{t('workOrders.back')}</Link>}
      />
    );
  }

  const o = order.data;
  const open = isOpen(o.status);
  // A settlement copied the lines: they stay as settled until it is voided.
  const settled = o.settlement?.status === 'active';
  const none = t('common.none');

  const customerItems: DescriptionsProps['items'] = [
    {
      key: 'customer',
      label: t('workOrders.customer'),
      children: (
        <Link to={`/customers/${o.customerId}`} data-testid="wo-customer">
          {o.customerName}
        </Link>
      ),
    },
    { key: 'phone', label: t('customers.phone'), children: o.customerPhone || none },
    {
      key: 'device',
      label: t('workOrders.device'),
      children: <span data-testid="wo-device">{o.deviceLabel}</span>,
    },
    { key: 'serial', label: t('devices.serialNo'), children: o.serialNo || none },
    // 进厂里程 of a vehicle's order, with the reason when it was below the last reading.
    ...(o.intakeMileage
      ? [
          {
            key: 'mileage',
            label: t('intake.mileage'),
            children: (
              <span data-testid="wo-mileage">
                {t('timeline.mileageKm', { km: o.intakeMileage.km.toLocaleString() })}
                {o.intakeMileage.reason ? `（${o.intakeMileage.reason}）` : ''}
              </span>
            ),
          },
        ]
      : []),
  ];

  const intakeItems: DescriptionsProps['items'] = [
    { key: 'channel', label: t('workOrders.channel'), children: t(`channels.${o.channel}`) },
    { key: 'serviceType', label: t('workOrders.serviceType'), children: t(`serviceTypes.${o.serviceType}`) },
    {
      key: 'fault',
      label: t('workOrders.fault'),
      span: 'filled',
      children: (
        <span style={{ whiteSpace: 'pre-wrap' }} data-testid="wo-fault">
          {o.reportedFault}
        </span>
      ),
    },
    {
      key: 'accessories',
      label: t('workOrders.accessories'),
      span: 'filled',
      children: (
        <Space size={[4, 4]} wrap data-testid="wo-accessories">
          {o.accessories.length === 0 && !o.accessoriesNote && none}
          {o.accessories.map((a) => (
            <Tag key={a}>{t(`accessories.${a}`)}</Tag>
          ))}
          {o.accessoriesNote && <span>{o.accessoriesNote}</span>}
        </Space>
      ),
    },
    { key: 'condition', label: t('workOrders.condition'), span: 'filled', children: o.condition || none },
    {
      key: 'password',
      label: t('workOrders.devicePassword'),
      children: <DevicePassword value={o.devicePassword} exists={o.hasDevicePassword} />,
    },
    {
      key: 'promisedAt',
      label: t('workOrders.promisedAt'),
      children: (
        <Space size={4}>
          <span className={o.overdue ? 'wo-overdue-date' : undefined} data-testid="wo-promised">
            {formatMinute(o.promisedAt)}
          </span>
          {o.overdue && <OverdueTag />}
        </Space>
      ),
    },
    { key: 'technician', label: t('workOrders.technician'), children: <AssignSelect order={o} /> },
    {
      key: 'createdAt',
      label: t('workOrders.createdAt'),
      children: `${formatMinute(o.createdAt)} · ${o.createdBy}`,
    },
    ...(o.importedFrom
      ? [
          {
            key: 'importedFrom',
            label: t('workOrders.importedFrom'),
            span: 'filled' as const,
            children: (
              <span data-testid="wo-imported-from">
                {t('workOrders.importedFromText', {
                  file: o.importedFrom.fileName,
                  row: o.importedFrom.row,
                  at: formatMinute(o.importedFrom.at),
                })}
                {o.importedFrom.sourceNo &&
                  ` · ${t('workOrders.importedSourceNo', { no: o.importedFrom.sourceNo })}`}
                {o.importedFrom.technicianName &&
                  ` · ${t('workOrders.importedTechnician', { name: o.importedFrom.technicianName })}`}
              </span>
            ),
          },
        ]
      : []),
    {
      key: 'intakeEstimate',
      label: t('workOrders.intakeEstimate'),
      children: (
        <span data-testid="wo-intake-estimate-shown">
          {o.intakeEstimate === null ? none : formatYuan(o.intakeEstimate)}
        </span>
      ),
    },
    {
      key: 'estimate',
      label: t('workOrders.estimate'),
      children: (
        <span data-testid="wo-estimate-shown">{o.estimate === null ? none : formatYuan(o.estimate)}</span>
      ),
    },
    ...(o.approval
      ? [
          {
            key: 'approval',
            label: t('workOrders.approval'),
            span: 'filled' as const,
            children: (
              <span data-testid="wo-approval-shown">
                {o.approval.amount !== null && `${formatYuan(o.approval.amount)} · `}
                {t('workOrders.approvalText', {
                  by: o.approval.by,
                  method: t(`approvalMethods.${o.approval.method}`),
                  time: formatMinute(o.approval.at),
                  recordedBy: o.approval.recordedBy,
                })}
              </span>
            ),
          },
        ]
      : []),
    ...(o.cancelReason
      ? [
          {
            key: 'cancel',
            label: t('workOrders.cancelReason'),
            span: 'filled' as const,
            children: o.cancelReason,
          },
        ]
      : []),
    ...(o.outcome
      ? [
          {
            key: 'outcome',
            label: t('workOrders.outcome'),
            span: 'filled' as const,
            children: (
              <Space size={4} data-testid="wo-outcome">
                <OutcomeTag outcome={o.outcome} />
                {o.unrepairableReason && (
                  <span data-testid="wo-unrepairable-reason-shown">
                    {t(`unrepairableReasons.${o.unrepairableReason}`)}
                  </span>
                )}
              </Space>
            ),
          },
        ]
      : []),
    ...(o.status === 'onHold' && o.holdReason !== null && o.heldAt !== null
      ? [
          {
            key: 'hold',
            label: t('workOrders.hold'),
            span: 'filled' as const,
            children: (
              <span data-testid="wo-hold-shown">
                {t('workOrders.holdText', {
                  reason: o.holdReason,
                  since: formatMinute(o.heldAt),
                  from: o.heldFrom ? t(`statuses.${o.heldFrom}`) : '',
                })}
              </span>
            ),
          },
        ]
      : []),
    ...(o.recallAt !== null
      ? [
          {
            key: 'recallAt',
            label: t('workOrders.recallAt'),
            children: (
              <Space size={4}>
                <span data-testid="wo-recall-shown">{localDate(o.recallAt)}</span>
                {o.recallDue && <RecallDueTag />}
              </Space>
            ),
          },
        ]
      : []),
    ...(o.diagnosedAt
      ? [{ key: 'diagnosedAt', label: t('workOrders.diagnosedAt'), children: formatMinute(o.diagnosedAt) }]
      : []),
    ...(o.readyAt
      ? [{ key: 'readyAt', label: t('workOrders.readyAt'), children: formatMinute(o.readyAt) }]
      : []),
    ...(o.deliveredAt
      ? [{ key: 'deliveredAt', label: t('workOrders.deliveredAt'), children: formatMinute(o.deliveredAt) }]
      : []),
  ];

  return (
    <Flex vertical gap="middle" data-testid="wo-detail" data-status={o.status}>
      <Card
        title={
          <Flex gap="small" align="center" wrap>
            <span data-testid="wo-order-no">{o.orderNo}</span>
            <StatusTag status={o.status} />
            <PriorityTag priority={o.priority} />
            <WarrantyTag status={o.warrantyStatus} reason={o.warrantyOverrideReason} />
            {o.outcome && o.outcome !== o.status && <OutcomeTag outcome={o.outcome} />}
            {o.overdue && <OverdueTag />}
            {o.recallDue && <RecallDueTag />}
            {o.partsArrived && <PartsArrivedTag />}
            {o.imported && <Tag data-testid="wo-imported-tag">{t('workOrders.imported')}</Tag>}
            {o.reworkOfId && (
              <Link to={`/work-orders/${o.reworkOfId}`} data-testid="wo-rework-link">
                <Tag color="volcano">{t('workOrders.reworkOf', { orderNo: o.reworkOfNo ?? '' })}</Tag>
              </Link>
            )}
          </Flex>
        }
        extra={
          <Space wrap>
            <Tooltip title={t('workOrders.printHotkey')}>
              <Button
                icon={<PrinterOutlined />}
                href={`#/print/intake/${o.id}`}
                data-testid="wo-print-intake"
              >
                {t('workOrders.printIntake')} <span className="kbd">P</span>
              </Button>
            </Tooltip>
            <Button icon={<PrinterOutlined />} href={`#/print/claim/${o.id}`} data-testid="wo-print-claim">
              {t('workOrders.printClaim')}
            </Button>
            <Button
              icon={<PrinterOutlined />}
              href={`#/print/jobsheet/${o.id}`}
              data-testid="wo-print-jobsheet"
            >
              {t('workOrders.printJobSheet')}
            </Button>
            <Button icon={<TagOutlined />} href={`#/print/label/${o.id}`} data-testid="wo-print-label">
              {t('workOrders.printLabel')}
            </Button>
            <OrderComplaintButton order={o} />
          </Space>
        }
      >
        <Flex vertical gap="middle">
          {justCreated && (
            <Alert
              type="success"
              showIcon
              data-testid="wo-created"
              title={t('workOrders.createdBanner', { orderNo: o.orderNo })}
              action={
                // The device (or its bag) gets its label before it leaves the counter.
                <Button
                  size="small"
                  icon={<TagOutlined />}
                  href={`#/print/label/${o.id}`}
                  data-testid="wo-created-label"
                >
                  {t('workOrders.printLabel')}
                </Button>
              }
            />
          )}
          {o.warrantyOverrideReason && (
            <Typography.Text type="secondary" data-testid="wo-warranty-reason">
              {t('workOrders.overrideNote', {
                computed: t(`warranty.${o.warrantyComputed}`),
                reason: o.warrantyOverrideReason,
              })}
            </Typography.Text>
          )}
          <QuoteExcess order={o} />
          {canTransition ? (
            <StatusActions
              order={o}
              scanned={scanned}
              onScanHandled={() => void navigate(location.pathname, { replace: true, state: null })}
            />
          ) : (
            <Typography.Text type="secondary">{t('workOrders.noTransitionRight')}</Typography.Text>
          )}
          {open && (canWrite || canOverride) && (
            <Space wrap>
              {canWrite && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setDialog('intake')}
                  data-testid="wo-edit-intake"
                >
                  {t('workOrders.editIntake')}
                </Button>
              )}
              {canOverride && (
                <Button
                  size="small"
                  icon={<SafetyCertificateOutlined />}
                  onClick={() => setDialog('warranty')}
                  data-testid="wo-override-warranty"
                >
                  {t('workOrders.overrideWarranty')}
                </Button>
              )}
            </Space>
          )}
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap="middle">
            <Card size="small" title={t('workOrders.customerDevice')}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }} items={customerItems} />
            </Card>
            <Card size="small" title={t('workOrders.intakeInfo')}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={intakeItems}
                data-testid="wo-intake-info"
              />
            </Card>
            <Card size="small" title={t('workOrders.work')}>
              <WorkForm key={`${o.id}|${open}`} order={o} readOnly={!canWrite || !open} />
            </Card>
            {showsWaiting(o) && (
              <Card size="small" title={t('orderParts.waitingTitle')}>
                <WaitingFor order={o} />
              </Card>
            )}
            <Card size="small" title={t('settlements.charges.title')}>
              <OrderCharges order={o} canEdit={canWrite && open} />
            </Card>
            <Card size="small" title={t('orderParts.title')}>
              <OrderParts order={o} canEdit={canWrite && open && !settled} />
            </Card>
            <Card size="small" title={t('workOrders.photos')}>
              <Attachments order={o} canWrite={canWrite} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap="middle">
            {canSeeSettlement && (
              <Card size="small" title={t('settlements.panel.title')}>
                <SettlementPanel order={o} />
              </Card>
            )}
            {o.deposit && (
              <Card size="small" title={t('deposits.title')}>
                <DepositPanel order={o} />
              </Card>
            )}
            {o.channel === 'onsite' && (
              <Card size="small" title={t('onsite.title')}>
                <OnsitePanel order={o} />
              </Card>
            )}
            <Card size="small" title={t('handover.signaturesTitle')}>
              <OrderSignatures order={o} canWrite={canWrite} />
            </Card>
            <Card
              size="small"
              title={t('workOrders.timeline')}
              extra={canMessage && <OrderMessages workOrderId={o.id} customerName={o.customerName} />}
            >
              {canWrite && <NoteBox order={o} />}
              <WorkOrderTimeline events={o.events} />
            </Card>
          </Flex>
        </Col>
      </Row>

      {dialog === 'intake' && <IntakeEditModal order={o} onClose={() => setDialog(null)} />}
      {dialog === 'warranty' && <WarrantyOverrideModal order={o} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
