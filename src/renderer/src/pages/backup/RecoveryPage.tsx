import { useState } from 'react';
import { Alert, Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRecoveryState } from '../../api/backup';
import { AuthLayout } from '../../components/AuthLayout';
import { BackupRunsTable } from './BackupRunsTable';
import { PathInput } from './PathInput';
import { RestoreDialog } from './RestoreDialog';
import { errorMessage } from '../../i18n/errorMessage';

/**
 * The guided restore shown instead of the app when the start-up check found the database
 * damaged. Nobody can sign in, so it uses the public recovery.* methods.
 */
export function RecoveryPage() {
  const { t } = useTranslation();
  const state = useRecoveryState();
  const [file, setFile] = useState('');
  const [restoring, setRestoring] = useState<string | null>(null);
  const typed = file.trim();

  return (
    <AuthLayout title={t('backup.recovery.title')} width={960}>
      <Flex vertical gap="middle" data-testid="recovery-page">
        <Result status="warning" style={{ padding: 0 }} subTitle={t('backup.recovery.subtitle')} />
        {state.isPending && <Skeleton active />}
        {state.isError && <Alert type="error" showIcon title={errorMessage(state.error, t)} />}
        {state.data?.problem && (
          <Alert
            type="error"
            showIcon
            title={t('backup.recovery.problem')}
            description={<Typography.Text code>{state.data.problem}</Typography.Text>}
            data-testid="recovery-problem"
          />
        )}
        {state.data && (
          <Card size="small" title={t('backup.recovery.candidates')}>
            {state.data.candidates.length === 0 ? (
              <Alert type="info" showIcon title={t('backup.recovery.noCandidates')} />
            ) : (
              <BackupRunsTable
                runs={state.data.candidates}
                onRestore={setRestoring}
                testId="recovery-candidates"
                compact
              />
            )}
          </Card>
        )}
        <Card size="small" title={t('backup.recovery.other')}>
          <Flex gap="small" wrap>
            <div style={{ flex: 1, minWidth: 320 }}>
              <PathInput
                kind="backupFile"
                value={file}
                onChange={setFile}
                placeholder={t('backup.restore.filePlaceholder')}
                testId="recovery-file"
              />
            </div>
            <Button disabled={typed === ''} onClick={() => setRestoring(typed)} data-testid="recovery-check">
              {t('backup.restore.check')}
            </Button>
          </Flex>
        </Card>
        <Typography.Text type="secondary">{t('backup.recovery.help')}</Typography.Text>
      </Flex>
      {restoring !== null && (
        <RestoreDialog door="recovery" file={restoring} onClose={() => setRestoring(null)} />
      )}
    </AuthLayout>
  );
}
