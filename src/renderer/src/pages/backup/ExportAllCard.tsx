import { Alert, Button, Card, Flex, List, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useExportAll } from '../../api/backup';
import { formatBytes } from './format';
import { errorMessage } from '../../i18n/errorMessage';

/** 导出全部数据: one workbook with a sheet per area, written beside the backups on this computer. */
export function ExportAllCard() {
  const { t } = useTranslation();
  const run = useExportAll();
  return (
    <Card title={t('backup.exportAll.section')} data-testid="backup-export-card">
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('backup.exportAll.help')}</Typography.Text>
        <div>
          <Button
            icon={<FileExcelOutlined />}
            loading={run.isPending}
            onClick={() => run.mutate()}
            data-testid="backup-export-all"
          >
            {t('backup.exportAll.button')}
          </Button>
        </div>
        {run.isError && <Alert type="error" showIcon title={errorMessage(run.error, t)} />}
        {run.isSuccess && (
          <Alert
            type="success"
            showIcon
            data-testid="backup-export-result"
            title={
              <Typography.Text copyable={{ text: run.data.file }} style={{ wordBreak: 'break-all' }}>
                {t('backup.exportAll.done', { file: run.data.file })} ({formatBytes(run.data.bytes)})
              </Typography.Text>
            }
            description={
              <List
                size="small"
                header={t('backup.exportAll.sheets')}
                dataSource={run.data.sheets}
                renderItem={(sheet) => (
                  <List.Item style={{ padding: '2px 0' }}>
                    {t('backup.exportAll.sheetRows', { name: sheet.name, rows: sheet.rows })}
                  </List.Item>
                )}
              />
            }
          />
        )}
      </Flex>
    </Card>
  );
}
