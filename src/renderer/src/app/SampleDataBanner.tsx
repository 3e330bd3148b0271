import { Alert, App, Button } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useRemoveSampleData } from '../api/backup';
import { useCan, useIsHost } from '../api/session';
import { errorMessage } from '../i18n/errorMessage';
import { useSignInAgain } from '../pages/backup/signInAgain';

/**
 * Over every screen of the demo shop: where its records come from, and (admin, on the host) its
 * removal in one step after a confirmation that says what goes and what stays.
 */
export function SampleDataBanner() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const mayReset = useCan('backup.reset');
  const isHost = useIsHost();
  const canRemove = mayReset && isHost;
  const signInAgain = useSignInAgain();
  const remove = useRemoveSampleData((result) =>
    signInAgain(t('sampleData.doneTitle'), [t('sampleData.done', { file: result.safetyBackup })]),
  );
  const confirm = () =>
    modal.confirm({
      title: t('sampleData.confirmTitle'),
      content: t('sampleData.confirm'),
      okText: t('sampleData.remove'),
      okButtonProps: { danger: true, 'data-testid': 'sample-data-remove-ok' },
      onOk: () => remove.mutateAsync().then(() => undefined),
    });

  return (
    <Alert
      type="info"
      showIcon
      className="sample-data-banner"
      data-testid="sample-data-banner"
      title={t('sampleData.banner')}
      description={
        <>
          {t('sampleData.bannerHelp')}
          {remove.isError && <div className="sample-data-banner__error">{errorMessage(remove.error, t)}</div>}
        </>
      }
      action={
        canRemove && (
          <Button
            danger
            icon={<DeleteOutlined />}
            loading={remove.isPending}
            onClick={confirm}
            data-testid="sample-data-remove"
          >
            {t('sampleData.remove')}
          </Button>
        )
      }
    />
  );
}
