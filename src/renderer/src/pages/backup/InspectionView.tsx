import { Alert, Descriptions, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BackupInspection } from '@shared/schemas/backup';
import { formatDateTime } from '../../lib/format';
import { formatBytes } from './format';
import { knownTableCounts, triggerLabel } from './labels';

/** What a verified backup holds: when, which shop, which versions, and how many records of each kind. */
export function InspectionView({ inspection }: { inspection: BackupInspection }) {
  const { t } = useTranslation();
  const { manifest } = inspection;
  const rows = knownTableCounts(manifest.rowCounts, t);

  return (
    <div data-testid="backup-inspection">
      <Descriptions
        column={2}
        size="small"
        bordered
        title={
          <Typography.Text type="success">
            <CheckCircleFilled /> {t('backup.restore.checked')}
          </Typography.Text>
        }
      >
        <Descriptions.Item label={t('backup.restore.createdAt')} span={2}>
          <span data-testid="backup-inspection-created">{formatDateTime(manifest.createdAt)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.restore.shop')} span={2}>
          {[manifest.shopName, manifest.branchCode].filter(Boolean).join(' · ') || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.restore.appVersion')}>{manifest.appVersion}</Descriptions.Item>
        <Descriptions.Item label={t('backup.restore.schemaVersion')}>
          {manifest.schemaVersion}
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.restore.trigger')}>
          {triggerLabel(manifest.trigger, t)}
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.restore.size')}>
          {formatBytes(inspection.bytes)}
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.restore.file')} span={2}>
          <Typography.Text style={{ wordBreak: 'break-all' }}>{inspection.file}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {inspection.needsMigration && (
        <Alert type="info" showIcon title={t('backup.restore.needsMigration')} style={{ marginTop: 12 }} />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('backup.restore.rows')}
      </Typography.Title>
      <Descriptions column={3} size="small" bordered data-testid="backup-inspection-rows">
        {rows.map((row) => (
          <Descriptions.Item key={row.table} label={row.label}>
            <span data-testid={`backup-rows-${row.table}`}>{row.count}</span>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </div>
  );
}
