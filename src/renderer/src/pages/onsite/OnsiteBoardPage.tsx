import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, Flex, Space, Typography } from 'antd';
import { LeftOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { addDays } from '@shared/dates';
import type { OnsiteJob } from '@shared/schemas/onsite';
import { useAssignOnsite, useOnsiteBoard } from '../../api/onsite';
import { useCan } from '../../api/session';
import { errorMessage } from '../../i18n/errorMessage';
import { BoardCard, movedTechnicians, UNASSIGNED } from './BoardCard';

/** One lane (a technician's column, or 待派工) that takes dropped cards. */
function Lane({
  id,
  name,
  jobs,
  lanes,
  onMove,
  canAssign,
}: {
  id: string;
  name: string;
  jobs: OnsiteJob[];
  lanes: { id: string; name: string }[];
  onMove: (job: OnsiteJob, from: string, to: string) => void;
  canAssign: boolean;
}) {
  const { isOver, setNodeRef } = useDroppable({ id });
  return (
    <div
      ref={setNodeRef}
      data-testid="board-lane"
      data-lane={id}
      data-name={name}
      style={{ width: 250, flex: '0 0 250px' }}
    >
      <Card
        size="small"
        title={
          <Space>
            {name}
            <Badge count={jobs.length} showZero color={id === UNASSIGNED ? 'orange' : 'blue'} />
          </Space>
        }
        style={{ background: isOver ? '#e6f4ff' : undefined, minHeight: 320 }}
        styles={{ body: { padding: 8 } }}
      >
        <Flex vertical gap={8}>
          {jobs.map((job) => (
            <BoardCard
              key={job.workOrderId}
              job={job}
              lane={id}
              lanes={lanes}
              onMove={onMove}
              canAssign={canAssign}
            />
          ))}
        </Flex>
      </Card>
    </div>
  );
}

/**
 * 派工看板: a day's on-site visits by technician, with the unassigned lane. The day moves on the
 * server's today (the board says which day that is); a card drags to another lane, or its menu
 * reassigns it; overlapping windows of one technician are marked.
 */
export function OnsiteBoardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('day');
  const board = useOnsiteBoard(asked);
  const assign = useAssignOnsite();
  const canAssign = useCan('workOrders.assign');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor),
  );
  const data = board.data;
  const day = data?.day ?? asked;
  const go = (next: string) => setParams({ day: next }, { replace: true });

  const move = (job: OnsiteJob, from: string, to: string) => {
    if (from === to || !canAssign) return;
    assign.mutate({ id: job.workOrderId, technicianIds: movedTechnicians(job, from, to) });
  };
  const onDragEnd = (e: DragEndEvent) => {
    const from = e.active.data.current as { job: OnsiteJob; lane: string } | undefined;
    if (!from || !e.over) return;
    move(from.job, from.lane, String(e.over.id));
  };

  const lanes = [
    { id: UNASSIGNED, name: t('onsite.unassigned') },
    ...(data?.technicians ?? []).map((x) => ({ id: x.id, name: x.name })),
  ];
  const jobsOf = (lane: string) =>
    (data?.jobs ?? []).filter((j) =>
      lane === UNASSIGNED ? j.technicians.length === 0 : j.technicians.some((x) => x.id === lane),
    );

  return (
    <Flex vertical gap="middle" data-testid="onsite-board">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('onsite.boardTitle')}
        </Typography.Title>
        <Space wrap>
          <Button
            icon={<LeftOutlined />}
            disabled={!day}
            onClick={() => day && go(addDays(day, -1))}
            data-testid="board-prev"
          >
            {t('onsite.prevDay')}
          </Button>
          <Button disabled={!data} onClick={() => data && go(data.today)} data-testid="board-today">
            {t('onsite.today')}
          </Button>
          <Typography.Text strong data-testid="board-day">
            {day ?? ''}
          </Typography.Text>
          <Button disabled={!day} onClick={() => day && go(addDays(day, 1))} data-testid="board-next">
            {t('onsite.nextDay')} <RightOutlined />
          </Button>
          {day && (
            <Link to={`/print/routes/${day}`} data-testid="board-print">
              <Button icon={<PrinterOutlined />}>{t('onsite.printRoutes')}</Button>
            </Link>
          )}
        </Space>
      </Flex>
      <Typography.Text type="secondary">{t('onsite.dragHint')}</Typography.Text>
      {board.isError && <Alert type="error" showIcon title={errorMessage(board.error, t)} />}
      {assign.error && (
        <Alert type="error" showIcon title={errorMessage(assign.error, t)} data-testid="board-error" />
      )}
      {data && data.jobs.length === 0 && <Alert type="info" showIcon title={t('onsite.noJobs')} />}
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <Flex gap={12} style={{ overflowX: 'auto', paddingBottom: 8 }} align="start">
          {lanes.map((l) => (
            <Lane
              key={l.id}
              id={l.id}
              name={l.name}
              jobs={jobsOf(l.id)}
              lanes={lanes}
              onMove={move}
              canAssign={canAssign}
            />
          ))}
        </Flex>
      </DndContext>
    </Flex>
  );
}
