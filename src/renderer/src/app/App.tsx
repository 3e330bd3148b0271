import { useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { QueryClientProvider } from '@tanstack/react-query';
import { HashRouter } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../i18n';
import { FirstRunGate } from '../pages/auth/FirstRunChoice';
import { Boot } from './Boot';
import { HostAwayBanner } from './HostAwayBanner';
import { createQueryClient } from './queryClient';
import { useReducedMotion } from './useReducedMotion';

/** Providers: antd locale follows the UI language, TanStack Query holds all server state. */
export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const english = isLanguage(i18n.language) && i18n.language === 'en-US';
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider
      locale={english ? enUSLocale : zhCNLocale}
      theme={{ token: { colorPrimary: '#1668dc', motion: !reducedMotion } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <HostAwayBanner />
          <HashRouter>
            <FirstRunGate>
              <Boot />
            </FirstRunGate>
          </HashRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
