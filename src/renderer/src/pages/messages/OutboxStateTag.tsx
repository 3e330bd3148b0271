import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxState } from '@shared/schemas/messageKinds';

const COLORS: Record<OutboxState, string> = {
  ask: 'purple',
  queued: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  cancelled: 'default',
  skipped: 'default',
};

export function OutboxStateTag({ state }: { state: OutboxState }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state]} data-testid="outbox-state-tag" data-state={state}>
      {t(`outboxStates.${state}`)}
    </Tag>
  );
}
