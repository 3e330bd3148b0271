import { useState } from 'react';
import { Button, Card, Flex, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PathInput } from './PathInput';

/** 从备份恢复: a backup file by path (or the native chooser); the check and confirm follow in a modal. */
export function RestoreFileCard({ onInspect }: { onInspect: (file: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const typed = file.trim();
  return (
    <Card title={t('backup.restore.section')} data-testid="backup-restore-card">
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('backup.restore.help')}</Typography.Text>
        <div>
          <Typography.Text strong>{t('backup.restore.file')}</Typography.Text>
          <PathInput
            kind="backupFile"
            value={file}
            onChange={setFile}
            placeholder={t('backup.restore.filePlaceholder')}
            testId="backup-restore-file"
          />
        </div>
        <div>
          <Button
            icon={<SafetyCertificateOutlined />}
            disabled={typed === ''}
            onClick={() => onInspect(typed)}
            data-testid="backup-restore-check"
          >
            {t('backup.restore.check')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
