import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useResetData } from '../../api/backup';
import { BackupProgressBar } from './BackupProgressBar';
import { useSignInAgain } from './signInAgain';
import { errorMessage } from '../../i18n/errorMessage';

/** 清空数据 (admin): the shop name typed in full unlocks the button; the server backs up first. */
export function ResetCard({ shopName }: { shopName: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const signInAgain = useSignInAgain();
  const reset = useResetData((result) =>
    signInAgain(t('backup.reset.doneTitle'), [t('backup.reset.done', { file: result.safetyBackup })]),
  );
  const matches = typed.trim() === shopName;

  return (
    <Card
      title={<Typography.Text type="danger">{t('backup.reset.section')}</Typography.Text>}
      style={{ borderColor: '#ffccc7' }}
      data-testid="backup-reset-card"
    >
      <Flex vertical gap="middle" style={{ maxWidth: 640 }}>
        <Alert type="warning" showIcon title={t('backup.reset.help')} />
        <div>
          <Typography.Text strong>{t('backup.reset.typeName', { name: shopName })}</Typography.Text>
          <Input
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            status={typed !== '' && !matches ? 'error' : undefined}
            disabled={reset.isPending}
            data-testid="backup-reset-confirm-name"
          />
          {typed !== '' && !matches && (
            <Typography.Text type="danger">{t('backup.reset.mismatch')}</Typography.Text>
          )}
        </div>
        <div>
          <Button
            danger
            type="primary"
            icon={<DeleteOutlined />}
            disabled={!matches}
            loading={reset.isPending}
            onClick={() => reset.mutate({ confirm: typed.trim() })}
            data-testid="backup-reset"
          >
            {t('backup.reset.button')}
          </Button>
        </div>
        {reset.isPending && <BackupProgressBar running outcome={null} testId="reset-progress" />}
        {reset.isError && <Alert type="error" showIcon title={errorMessage(reset.error, t)} />}
      </Flex>
    </Card>
  );
}
