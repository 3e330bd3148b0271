import { useState } from 'react';
import { Alert, Flex, Skeleton, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBackupHistory, useBackupSettings, useBackupStatus } from '../../api/backup';
import { useCan, useSession } from '../../api/session';
import { BackupWarning } from '../../components/BackupWarning';
import { AutoBackupCard } from './AutoBackupCard';
import { BackupNowCard } from './BackupNowCard';
import { BackupRunsTable } from './BackupRunsTable';
import { ExportAllCard } from './ExportAllCard';
import { ResetCard } from './ResetCard';
import { RestoreDialog } from './RestoreDialog';
import { RestoreFileCard } from './RestoreFileCard';
import { errorMessage } from '../../i18n/errorMessage';

/** 备份与恢复: back up now, automatic backups, history, restore, full export and (admin) reset. */
export function BackupPage() {
  const { t } = useTranslation();
  const { shopName } = useSession();
  const canConfigure = useCan('backup.configure');
  const canRestore = useCan('backup.restore');
  const canReset = useCan('backup.reset');
  const settings = useBackupSettings();
  const status = useBackupStatus();
  const history = useBackupHistory();
  const [restoring, setRestoring] = useState<string | null>(null);

  if (settings.isPending) return <Skeleton active />;
  if (settings.isError) return <Alert type="error" showIcon title={errorMessage(settings.error, t)} />;
  const savedFolder = settings.data.folder;

  return (
    <Flex vertical gap="middle" data-testid="backup-page">
      <BackupWarning />
      <BackupNowCard savedFolder={savedFolder} />
      <AutoBackupCard
        key={JSON.stringify(settings.data)}
        settings={settings.data}
        nextDailyAt={status.data?.nextDailyAt ?? null}
        statusAt={status.dataUpdatedAt}
        readOnly={!canConfigure}
      />
      <Card title={t('backup.history.section')} data-testid="backup-history-card">
        {history.isError ? (
          <Alert type="error" showIcon title={errorMessage(history.error, t)} />
        ) : (
          <BackupRunsTable
            runs={history.data ?? []}
            loading={history.isPending}
            onRestore={canRestore ? setRestoring : undefined}
            testId="backup-history"
          />
        )}
      </Card>
      {canRestore && <RestoreFileCard onInspect={setRestoring} />}
      <ExportAllCard />
      {canReset && shopName && <ResetCard shopName={shopName} />}
      {restoring !== null && (
        <RestoreDialog door="backup" file={restoring} onClose={() => setRestoring(null)} />
      )}
    </Flex>
  );
}
