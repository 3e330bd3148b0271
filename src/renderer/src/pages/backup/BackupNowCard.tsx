import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BackupRun } from '@shared/schemas/backup';
import { useBackupNow } from '../../api/backup';
import { useCan } from '../../api/session';
import { formatDateTime } from '../../lib/format';
import { BackupProgressBar } from './BackupProgressBar';
import { formatBytes, formatSeconds } from './format';
import { PathInput } from './PathInput';
import { backupRunError, errorMessage } from '../../i18n/errorMessage';

/** 立即备份: the folder from the settings (or typed for this once), the button, the bar, the result. */
export function BackupNowCard({ savedFolder }: { savedFolder: string | null }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState(savedFolder ?? '');
  // A folder newly saved (under 自动备份, or adopted by this backup) refills the box; the result of
  // the run stays on screen.
  const [shownSaved, setShownSaved] = useState(savedFolder);
  if (shownSaved !== savedFolder) {
    setShownSaved(savedFolder);
    setFolder(savedFolder ?? '');
  }
  const run = useBackupNow();
  const canConfigure = useCan('backup.configure');
  const typed = folder.trim();
  const started = run.isPending || run.isSuccess || run.isError;
  const failed = run.isError || (run.isSuccess && !run.data.ok);

  return (
    <Card title={t('backup.now.section')} data-testid="backup-now-card">
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('backup.now.help')}</Typography.Text>
        <div>
          <Typography.Text strong>{t('backup.folder')}</Typography.Text>
          <PathInput kind="folder" value={folder} onChange={setFolder} testId="backup-now-folder" />
          {typed !== '' && typed !== (savedFolder ?? '') && (
            <Typography.Text
              type="secondary"
              style={{ display: 'block', marginTop: 4 }}
              data-testid="backup-now-hint"
            >
              {savedFolder === null && canConfigure ? t('backup.now.adoptHint') : t('backup.now.oneOffHint')}
            </Typography.Text>
          )}
        </div>
        {typed === '' && <Alert type="info" showIcon title={t('backup.now.noFolder')} />}
        <div>
          <Button
            type="primary"
            size="large"
            icon={<CloudUploadOutlined />}
            loading={run.isPending}
            disabled={typed === ''}
            onClick={() => run.mutate({ folder: typed })}
            data-testid="backup-now"
          >
            {t('backup.now.button')}
          </Button>
        </div>
        {started && (
          <BackupProgressBar
            running={run.isPending}
            outcome={run.isPending ? null : failed ? 'failed' : 'ok'}
          />
        )}
        {run.isSuccess && <RunResult run={run.data} />}
        {run.isError && (
          <Alert
            type="error"
            showIcon
            title={t('backup.now.failed')}
            description={errorMessage(run.error, t)}
            data-testid="backup-now-error"
          />
        )}
      </Flex>
    </Card>
  );
}

function RunResult({ run }: { run: BackupRun }) {
  const { t } = useTranslation();
  if (!run.ok) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('backup.now.failed')}
        description={backupRunError(run, t)}
        data-testid="backup-now-error"
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      title={`${t('backup.now.done')} · ${formatDateTime(run.at)}`}
      data-testid="backup-now-result"
      description={
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('backup.now.file')}>
            <Typography.Text copyable data-testid="backup-now-file">
              {run.file}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('backup.now.size')}>{formatBytes(run.bytes)}</Descriptions.Item>
          <Descriptions.Item label={t('backup.now.duration')}>
            {t('backup.seconds', { n: formatSeconds(run.durationMs) })}
          </Descriptions.Item>
        </Descriptions>
      }
    />
  );
}
