import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

interface AuthLayoutProps {
  title: ReactNode;
  subtitle?: ReactNode;
  width?: number;
  children: ReactNode;
}

/** The centred card used by the first-run, sign-in and lock screens. */
export function AuthLayout({ title, subtitle, width = 400, children }: AuthLayoutProps) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" justify="center" className="auth-page">
      <div className="auth-page__lang">
        <LanguageSwitch />
      </div>
      <Typography.Title level={3} className="auth-page__brand">
        {t('app.name')}
      </Typography.Title>
      <Card style={{ width, maxWidth: '100%' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
        {children}
      </Card>
    </Flex>
  );
}
