import { Alert, Button, Flex, Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInspectBackup, useRestoreBackup, type RestoreDoor } from '../../api/backup';
import { formatDateTime } from '../../lib/format';
import { BackupProgressBar } from './BackupProgressBar';
import { InspectionView } from './InspectionView';
import { useSignInAgain } from './signInAgain';
import { errorMessage } from '../../i18n/errorMessage';

interface RestoreDialogProps {
  /** `backup` for a signed-in manager, `recovery` from the damaged-database screen. */
  door: RestoreDoor;
  file: string;
  onClose: () => void;
}

/**
 * Restore in three steps inside one modal: the archive is verified and described, the manager
 * confirms knowing current data will be replaced, then the restore runs and everyone signs in
 * again (an app-level message over the sign-in screen). Mount it only while open.
 */
export function RestoreDialog({ door, file, onClose }: RestoreDialogProps) {
  const { t } = useTranslation();
  const inspect = useInspectBackup(door, file);
  const signInAgain = useSignInAgain();
  const restore = useRestoreBackup(door, (result) => {
    onClose();
    const time = formatDateTime(result.restoredFrom.manifest.createdAt);
    const recovery = door === 'recovery';
    signInAgain(
      recovery ? t('backup.recovery.doneTitle') : t('backup.restore.doneTitle'),
      [
        recovery ? t('backup.recovery.done', { time }) : t('backup.restore.done', { time }),
        t('backup.restore.safety', { file: result.safetyBackup }),
      ],
      recovery ? t('backup.recovery.enter') : t('backup.restore.signInAgain'),
    );
  });
  const busy = restore.isPending;

  const confirm = () => {
    if (inspect.data) restore.mutate({ file, expectCreatedAt: inspect.data.manifest.createdAt });
  };

  const footer = (
    <Flex justify="end" gap="small">
      <Button onClick={onClose} disabled={busy} data-testid="restore-cancel">
        {t('common.cancel')}
      </Button>
      {inspect.isSuccess && (
        <Button type="primary" danger loading={busy} onClick={confirm} data-testid="restore-confirm">
          {t('backup.restore.confirm')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Modal
      open
      width={720}
      title={t('backup.restore.title')}
      footer={footer}
      closable={!busy}
      mask={{ closable: false }}
      keyboard={!busy}
      onCancel={onClose}
      destroyOnHidden
      data-testid="restore-dialog"
    >
      {inspect.isPending && (
        <Flex vertical align="center" gap="small" style={{ padding: 32 }}>
          <Spin />
          <Typography.Text type="secondary">{t('backup.restore.checking')}</Typography.Text>
        </Flex>
      )}
      {inspect.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(inspect.error, t)}
          data-testid="restore-inspect-error"
        />
      )}
      {inspect.isSuccess && (
        <Flex vertical gap="middle">
          <Alert
            type="error"
            showIcon
            title={t('backup.restore.warningTitle')}
            description={t('backup.restore.warning', {
              time: formatDateTime(inspect.data.manifest.createdAt),
            })}
            data-testid="restore-warning"
          />
          <InspectionView inspection={inspect.data} />
          {busy &&
            (door === 'backup' ? (
              <BackupProgressBar running outcome={null} testId="restore-progress" />
            ) : (
              <Flex gap="small" align="center">
                <Spin size="small" />
                <Typography.Text>{t('backup.restore.restoring')}</Typography.Text>
              </Flex>
            ))}
          {restore.isError && (
            <Alert type="error" showIcon title={errorMessage(restore.error, t)} data-testid="restore-error" />
          )}
        </Flex>
      )}
    </Modal>
  );
}
