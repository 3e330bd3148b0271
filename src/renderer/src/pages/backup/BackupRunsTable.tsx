import { Button, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { failedItsDrill, type BackupRun } from '@shared/schemas/backup';
import { formatDateTime } from '../../lib/format';
import { backupRunError } from '../../i18n/errorMessage';
import { formatBytes, formatSeconds } from './format';
import { triggerLabel } from './labels';

interface BackupRunsTableProps {
  runs: BackupRun[];
  /** Present for those who may restore: a 恢复 button on every good run whose file is still there. */
  onRestore?: (file: string) => void;
  testId: string;
  loading?: boolean;
  /** Leave out the duration and who ran it (the recovery screen's narrower list). */
  compact?: boolean;
}

/** The file's own name; the folder is in the tooltip (and the same for most rows). */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Backup runs, newest first: the history on the backup page, the candidates on the recovery screen. */
export function BackupRunsTable({ runs, onRestore, testId, loading, compact }: BackupRunsTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<BackupRun> = [
    {
      title: t('backup.history.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: number) => formatDateTime(at),
    },
    {
      title: t('backup.history.trigger'),
      dataIndex: 'trigger',
      width: 130,
      render: (_, run) => triggerLabel(run.trigger, t),
    },
    {
      title: t('backup.history.size'),
      dataIndex: 'bytes',
      width: 90,
      align: 'right',
      // A backup that failed its drill was written: its size is known.
      render: (_, run) => (run.ok || failedItsDrill(run) ? formatBytes(run.bytes) : t('common.none')),
    },
    {
      title: t('backup.history.duration'),
      key: 'duration',
      dataIndex: 'durationMs',
      width: 96,
      align: 'right',
      render: (_, run) => t('backup.seconds', { n: formatSeconds(run.durationMs) }),
    },
    {
      title: t('backup.history.result'),
      key: 'result',
      render: (_, run) =>
        run.ok ? (
          <>
            <Tag color="success">{t('backup.history.ok')}</Tag>
            {run.proof && (
              <Tooltip title={t('backup.history.provenHelp', { at: formatDateTime(run.proof.at) })}>
                <Tag color="processing" data-testid={`${testId}-proven`}>
                  {t('backup.history.proven')}
                </Tag>
              </Tooltip>
            )}
          </>
        ) : (
          <>
            <Tag color="error">
              {t(failedItsDrill(run) ? 'backup.history.drillFailed' : 'backup.history.failed')}
            </Tag>
            <Typography.Text type="danger">{backupRunError(run, t)}</Typography.Text>
          </>
        ),
    },
    {
      title: t('backup.history.file'),
      dataIndex: 'file',
      ellipsis: { showTitle: false },
      render: (_, run) =>
        run.file === null ? (
          t('common.none')
        ) : (
          <Tooltip title={run.file} placement="topLeft">
            {!run.exists && <Tag color="default">{t('backup.history.gone')}</Tag>}
            <Typography.Text delete={!run.exists} type={run.exists ? undefined : 'secondary'}>
              {baseName(run.file)}
            </Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: t('backup.history.by'),
      key: 'by',
      dataIndex: 'username',
      width: 90,
      render: (_, run) => run.username ?? t('common.none'),
    },
    ...(onRestore
      ? [
          {
            title: t('backup.history.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, run: BackupRun) =>
              run.ok && run.exists && run.file !== null ? (
                <Button
                  size="small"
                  icon={<RollbackOutlined />}
                  onClick={() => run.file !== null && onRestore(run.file)}
                  data-testid={`${testId}-restore`}
                >
                  {t('backup.history.restore')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Table<BackupRun>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={runs}
      pagination={runs.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      locale={{ emptyText: t('backup.history.empty') }}
      data-testid={testId}
      onRow={(run) => ({
        className: 'backup-run-row',
        'data-testid': `${testId}-row`,
        'data-ok': String(run.ok),
      })}
      columns={columns.filter((column) => !compact || (column.key !== 'duration' && column.key !== 'by'))}
    />
  );
}
