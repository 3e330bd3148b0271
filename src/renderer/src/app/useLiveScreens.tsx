import { useEffect } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { startOver } from '../api/auth';
import { takeOwnReplacement } from '../api/backup';
import { call } from '../api/client';
import { useNotices } from '../api/notices';

/**
 * Keeps the signed-in screens live with the host's change notices. A restore on the host (or this
 * terminal revoked) signs everyone out: the words stay up while the app falls back underneath to
 * the sign-in or pairing screen.
 */
export function useLiveScreens(): void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  // A restore of this screen's own whose notice never came here (signed out first) is over.
  useEffect(() => void takeOwnReplacement(), []);
  useNotices(
    (reason) => {
      // This screen ran the restore or reset itself: its own dialog says so and signs in again.
      if (reason === 'restored' && takeOwnReplacement()) return;
      modal.warning({
        title: t('lan.signedOut.title'),
        content: (
          <span data-testid="signed-out-notice">
            {t(reason === 'restored' ? 'errors.signedOutByRestore' : 'errors.terminalRevoked')}
          </span>
        ),
      });
      void startOver(queryClient);
    },
    // The change feed broke: one call says whether the host answers (the away banner follows it),
    // so a screen left idle shows the host gone too.
    () => void call('auth.state', {}),
  );
}
