import { Alert, Button, Flex } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { failedItsDrill, type BackupStatus } from '@shared/schemas/backup';
import { useBackupStatus } from '../api/backup';
import { useCan, useIsHost } from '../api/session';
import { backupRunError } from '../i18n/errorMessage';
import { formatMinute } from '../lib/format';

/** Problems that put data at risk right now are red; a backup merely due is amber. */
const SEVERE = new Set(['unreachable', 'lastFailed']);

/**
 * The home-screen warning when backups are missing, old, failing or have nowhere to go. Renders
 * nothing while the status loads or when all is well.
 */
export function BackupWarning() {
  const { t } = useTranslation();
  const status = useBackupStatus();
  // The backup page is the host's: a terminal sees the warning without the way there.
  const mayBackUp = useCan('backup.run');
  const atHost = useIsHost();
  const canOpen = mayBackUp && atHost;
  const navigate = useNavigate();
  if (!status.data?.warning) return null;
  const { warning } = status.data;

  return (
    <Alert
      type={SEVERE.has(warning) ? 'error' : 'warning'}
      showIcon
      data-testid="backup-warning"
      data-warning={warning}
      title={headline(status.data, t)}
      description={<Details status={status.data} />}
      action={
        canOpen ? (
          <Button
            size="small"
            type="primary"
            onClick={() => void navigate('/backup')}
            data-testid="backup-warning-open"
          >
            {t('backup.warning.open')}
          </Button>
        ) : undefined
      }
    />
  );
}

function headline(status: BackupStatus, t: TFunction): string {
  switch (status.warning) {
    case 'stale':
      return t('backup.warning.stale', { days: Math.floor(status.ageDays ?? 0) });
    case 'never':
      return t('backup.warning.never');
    case 'unreachable':
      return t('backup.warning.unreachable');
    case 'noFolder':
      // A one-off backup into a typed folder (by someone who may not set the folder) is still a backup.
      return status.lastGood ? t('backup.warning.noFolderAuto') : t('backup.warning.noFolder');
    case 'lastFailed':
    case null:
      return t(
        status.lastRun && failedItsDrill(status.lastRun)
          ? 'backup.warning.lastDrillFailed'
          : 'backup.warning.lastFailed',
      );
  }
}

function Details({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const { lastGood, lastRun } = status;
  const days = Math.floor(status.ageDays ?? 0);
  const lines = [
    lastGood
      ? t('backup.warning.lastGood', {
          time: formatMinute(lastGood.at),
          age: days < 1 ? t('backup.warning.ageToday') : t('backup.warning.ageDays', { days }),
        })
      : t('backup.warning.noneGood'),
    ...(status.folder && status.warning === 'unreachable'
      ? [t('backup.warning.folder', { folder: status.folder })]
      : []),
    ...(status.warning === 'lastFailed' && lastRun && !lastRun.ok
      ? [t('backup.warning.error', { error: backupRunError(lastRun, t) })]
      : []),
  ];
  return (
    <Flex vertical gap={2}>
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </Flex>
  );
}
