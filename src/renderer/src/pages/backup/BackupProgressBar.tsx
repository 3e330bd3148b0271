import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBackupProgress } from '../../api/backup';

interface BackupProgressBarProps {
  /** The backup/restore call is still pending: poll the server's progress. */
  running: boolean;
  /** How the call ended, once it has (the bar then stays at its final state). */
  outcome: 'ok' | 'failed' | null;
  testId?: string;
}

/** The progress of the running backup, restore or reset, polled from `backup.progress`. */
export function BackupProgressBar({ running, outcome, testId = 'backup-progress' }: BackupProgressBarProps) {
  const { t } = useTranslation();
  const progress = useBackupProgress(running);
  const live = running ? progress.data : undefined;

  const percent = outcome === 'ok' ? 100 : Math.round(live?.running ? live.percent : 0);
  const status = outcome === 'ok' ? 'success' : outcome === 'failed' ? 'exception' : 'active';
  const phase =
    outcome === 'ok'
      ? t('backup.phase.done')
      : outcome === 'failed'
        ? t('backup.phase.failed')
        : live?.running && live.phase
          ? t(`backup.phase.${live.phase}`)
          : t('backup.phase.waiting');

  return (
    <Flex vertical gap={4} style={{ maxWidth: 640 }} data-testid={testId} data-percent={percent}>
      <Progress percent={percent} status={status} />
      <Typography.Text type="secondary" data-testid={`${testId}-phase`}>
        {phase}
      </Typography.Text>
    </Flex>
  );
}
