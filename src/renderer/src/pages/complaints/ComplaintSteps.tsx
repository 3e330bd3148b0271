import { Flex, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../api/complaints';
import { formatDateTime } from '../../lib/format';
import { formatYuan } from '../../lib/money';

type Step = Complaint['steps'][number];

const COLORS: Record<Step['kind'], string> = {
  created: 'blue',
  status: 'blue',
  note: 'gray',
  assign: 'gray',
  resolution: 'gold',
  confirmation: 'green',
};

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** What one step says, from its kind and the data it stored. */
function describe(s: Step, t: TFunction): { line: string; detail: string | null } {
  const status = (v: string | null) => (v ? t(`complaintStatuses.${v}`, { defaultValue: v }) : '');
  const data = s.data ?? {};
  switch (s.kind) {
    case 'created':
      return { line: t('complaints.steps.created'), detail: null };
    case 'status':
      return {
        line: t('complaints.steps.status', { from: status(s.fromStatus), to: status(s.toStatus) }),
        detail: null,
      };
    case 'note':
      return { line: t('complaints.steps.note'), detail: null };
    case 'assign':
      return {
        line: s.note ? t('complaints.steps.assign', { name: s.note }) : t('complaints.steps.unassigned'),
        detail: null,
      };
    case 'resolution': {
      const kind = text(data.kind);
      const link =
        kind === 'refund' && typeof data.amount === 'number'
          ? t('complaints.steps.refundAmount', { amount: formatYuan(-data.amount) })
          : kind === 'rework'
            ? t(data.opened ? 'complaints.steps.reworkOpened' : 'complaints.steps.reworkOrder', {
                orderNo: text(data.reworkOrderNo),
              })
            : kind === 'compensation' && typeof data.compensationAmount === 'number'
              ? t('complaints.steps.compensationAmount', { amount: formatYuan(data.compensationAmount) })
              : null;
      return {
        line: `${t('complaints.steps.status', { from: status(s.fromStatus), to: status(s.toStatus) })} · ${t(
          'complaints.steps.resolution',
          { kind: t(`resolutionKinds.${kind}`, { defaultValue: kind }) },
        )}`,
        detail: link,
      };
    }
    case 'confirmation':
      return {
        line: `${t('complaints.steps.status', { from: status(s.fromStatus), to: status(s.toStatus) })} · ${t(
          'complaints.steps.confirmation',
          { by: text(data.by), how: text(data.how) },
        )}`,
        detail: null,
      };
  }
}

/** The complaint's steps, newest first: who, when, what, and the note of each. */
export function ComplaintSteps({ steps }: { steps: Step[] }) {
  const { t } = useTranslation();
  const sorted = [...steps].reverse();
  return (
    <Timeline
      data-testid="complaint-steps"
      items={sorted.map((s) => {
        const { line, detail } = describe(s, t);
        return {
          key: s.id,
          color: COLORS[s.kind],
          content: (
            <Flex vertical gap={2} data-testid="complaint-step" data-kind={s.kind} data-to={s.toStatus ?? ''}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(s.at)} · {s.userName ?? t('common.system')}
                {s.terminalName && ` · ${s.terminalName}`}
              </Typography.Text>
              <span>{line}</span>
              {detail && <span>{detail}</span>}
              {s.note && s.kind !== 'assign' && <div className="wo-timeline-note">{s.note}</div>}
            </Flex>
          ),
        };
      })}
    />
  );
}
