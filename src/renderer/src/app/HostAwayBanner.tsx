import { useEffect, useSyncExternalStore } from 'react';
import { Alert } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { hostAway, onHostAway } from '../api/hostReach';

/** How often to ask whether the host is back while it is away. */
const POLL_MS = 2000;

/**
 * 无法连接主机，正在重试…: shown over every screen while calls get no answer. What is on screen
 * stays (queries pause, see api/hostReach.ts); the host is asked every two seconds, and once it
 * answers the banner goes and every query is read again (changes made meanwhile were not pushed).
 */
export function HostAwayBanner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const away = useSyncExternalStore(onHostAway, hostAway);

  useEffect(
    () =>
      onHostAway((isAway) => {
        if (!isAway) void queryClient.invalidateQueries();
      }),
    [queryClient],
  );

  useEffect(() => {
    if (!away) return;
    const timer = setInterval(() => void call('auth.state', {}), POLL_MS);
    return () => clearInterval(timer);
  }, [away]);

  if (!away) return null;
  return (
    <div className="host-away" role="alert">
      <Alert
        type="error"
        showIcon
        title={t('lan.away.title')}
        description={t('lan.away.hint')}
        data-testid="host-away"
      />
    </div>
  );
}
