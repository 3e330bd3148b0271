import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

/**
 * Shown on a route the current role may not use, or (`notFound`) on an address that is no page:
 * never a silent jump to the home screen.
 */
export function Forbidden({ notFound = false }: { notFound?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Result
      status={notFound ? '404' : '403'}
      title={notFound ? t('forbidden.notFoundTitle') : t('forbidden.title')}
      subTitle={notFound ? t('forbidden.notFound', { path: pathname }) : t('forbidden.subtitle')}
      data-testid={notFound ? 'not-found' : 'forbidden'}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('forbidden.back')}
        </Button>
      }
    />
  );
}
