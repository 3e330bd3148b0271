import { Link } from 'react-router-dom';
import { Button, Card, Dropdown, Flex, Tag, Typography } from 'antd';
import { DownOutlined, HolderOutlined } from '@ant-design/icons';
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { OnsiteJob } from '@shared/schemas/onsite';
import { VisitButtons } from '../workOrders/OnsitePanel';

/** A lane of the board: a technician's id, or the unassigned lane. */
export const UNASSIGNED = 'unassigned';

/** What a move from one lane to another makes of the visit's technicians: `to` takes `from`'s place. */
export function movedTechnicians(job: OnsiteJob, from: string, to: string): string[] {
  if (to === UNASSIGNED) return [];
  const ids = job.technicians.map((x) => x.id);
  if (ids.includes(to)) return ids.filter((id) => id !== from);
  return from === UNASSIGNED ? [to, ...ids] : ids.map((id) => (id === from ? to : id));
}

/**
 * One visit in one lane. The handle drags it (mouse, touch, or the keyboard: space to lift, arrows,
 * space to drop); the 改派 menu does the same without dragging.
 */
export function BoardCard({
  job,
  lane,
  lanes,
  onMove,
  canAssign,
}: {
  job: OnsiteJob;
  lane: string;
  lanes: { id: string; name: string }[];
  onMove: (job: OnsiteJob, from: string, to: string) => void;
  /** Without the right to assign (a technician), the card neither drags nor offers the menu. */
  canAssign: boolean;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: `${job.workOrderId}|${lane}`,
    data: { job, lane },
    disabled: !canAssign,
  });
  const conflict = lane !== UNASSIGNED && job.conflictWith.includes(lane);
  const style = transform
    ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10 }
    : undefined;
  return (
    <div ref={setNodeRef} style={style} data-testid="board-card" data-order={job.orderNo} data-lane={lane}>
      <Card
        size="small"
        style={{ opacity: isDragging ? 0.6 : 1, borderColor: conflict ? '#ff4d4f' : undefined }}
        styles={{ body: { padding: 8 } }}
      >
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="center" gap={4}>
            <span
              {...listeners}
              {...attributes}
              style={{ cursor: 'grab', fontWeight: 600 }}
              data-testid="board-card-handle"
            >
              <HolderOutlined /> {job.fromTime}–{job.toTime}
            </span>
            {conflict && (
              <Tag color="red" data-testid="board-conflict">
                {t('onsite.conflict')}
              </Tag>
            )}
          </Flex>
          <Link to={`/work-orders/${job.workOrderId}`}>{job.orderNo}</Link>
          <Typography.Text>
            {job.customerName} {job.phones[0] ?? ''}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {job.address}
          </Typography.Text>
          <Typography.Text style={{ fontSize: 12 }}>{job.device}</Typography.Text>
          {job.technicians.length > 1 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {job.technicians.map((x) => x.name).join('、')}
            </Typography.Text>
          )}
          <Flex gap={4} wrap align="center">
            {canAssign && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    ...lanes
                      .filter((l) => l.id !== lane)
                      .map((l) => ({
                        key: l.id,
                        label:
                          l.id === UNASSIGNED
                            ? t('onsite.toUnassigned')
                            : t('onsite.reassignTo', { name: l.name }),
                      })),
                  ],
                  onClick: ({ key }) => onMove(job, lane, key),
                }}
              >
                <Button size="small" data-testid="board-reassign">
                  {t('onsite.reassign')} <DownOutlined />
                </Button>
              </Dropdown>
            )}
            <VisitButtons job={job} size="small" />
          </Flex>
        </Flex>
      </Card>
    </div>
  );
}
