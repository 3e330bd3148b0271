import type { ReactNode } from 'react';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../i18n';

/** 中文 / English. The choice is kept in localStorage ('desk.lang') by the i18n module. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const options: { value: Language; label: ReactNode }[] = [
    { value: 'zh-CN', label: <span data-testid="lang-zh-CN">{t('language.zh')}</span> },
    { value: 'en-US', label: <span data-testid="lang-en-US">{t('language.en')}</span> },
  ];
  return (
    <Segmented<Language>
      size="small"
      data-testid="lang-switch"
      aria-label={t('language.label')}
      value={currentLanguage()}
      options={options}
      onChange={(value) => void i18n.changeLanguage(value)}
    />
  );
}
