import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePairAgain } from '../../api/shell';
import { AuthLayout } from '../../components/AuthLayout';
import { errorMessage } from '../../i18n/errorMessage';

/**
 * The desktop terminal whose host refuses it for good (revoked, unknown, or a new certificate after
 * the host moved): say why, and offer to forget that host and connect again with a new code.
 */
export function PairAgainPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const pairAgain = usePairAgain();
  return (
    <AuthLayout title={t('lan.pairAgain.title')} width={460}>
      <Alert type="error" showIcon title={errorMessage(error, t)} data-testid="pair-again-reason" />
      <Typography.Paragraph style={{ marginTop: 16 }}>{t('lan.pairAgain.intro')}</Typography.Paragraph>
      <Button
        type="primary"
        block
        loading={pairAgain.isPending}
        data-testid="pair-again"
        onClick={() => pairAgain.mutate()}
      >
        {t('lan.pairAgain.button')}
      </Button>
    </AuthLayout>
  );
}
