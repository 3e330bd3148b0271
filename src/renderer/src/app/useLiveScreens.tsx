import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { startOver } from '../api/auth';
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
  useNotices((reason) => {
    modal.warning({
      title: t('lan.signedOut.title'),
      content: (
        <span data-testid="signed-out-notice">
          {t(reason === 'restored' ? 'errors.signedOutByRestore' : 'errors.terminalRevoked')}
        </span>
      ),
    });
    void startOver(queryClient);
  });
}
