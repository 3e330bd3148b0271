import { Button, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuthState } from '../api/auth';
import { ApiError } from '../lib/apiError';
import { LoadingScreen } from '../components/LoadingScreen';
import { errorMessage } from '../i18n/errorMessage';
import { FirstRunPage } from '../pages/auth/FirstRunPage';
import { LockScreen } from '../pages/auth/LockScreen';
import { RecoveryPage } from '../pages/backup/RecoveryPage';
import { SignInPage } from '../pages/auth/SignInPage';
import { PairingPage } from '../pages/auth/PairingPage';
import { pairingRefusal } from '../api/pairing';
import { mustPairAgain } from '../api/shell';
import { PairAgainPage } from '../pages/auth/PairAgainPage';
import { AppShell } from './AppShell';

/**
 * First run → sign in → lock screen → the app, all decided by `auth.state`; a database that failed
 * its start-up check answers DATABASE_DAMAGED and gets the guided restore instead.
 */
export function Boot() {
  const { t } = useTranslation();
  const state = useAuthState();

  if (state.isPending) return <LoadingScreen />;
  if (state.isError && state.error instanceof ApiError && state.error.code === 'DATABASE_DAMAGED') {
    return <RecoveryPage />;
  }
  // A desktop terminal the host refuses for good connects again from the first-run choice.
  if (state.isError && mustPairAgain(state.error)) return <PairAgainPage error={state.error} />;
  // A browser on the LAN that the host does not know (yet, or any more) pairs before signing in.
  const unpaired = pairingRefusal(state.error);
  if (unpaired) return <PairingPage revoked={unpaired === 'terminalRevoked'} />;
  if (state.isError) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Result
          status="error"
          title={t('app.loadFailed')}
          subTitle={errorMessage(state.error, t)}
          extra={
            <Button type="primary" onClick={() => void state.refetch()}>
              {t('app.retry')}
            </Button>
          }
        />
      </Flex>
    );
  }

  const { setupNeeded, user, locked, shopName, idleLockMinutes, terminal, sampleData } = state.data;
  if (setupNeeded) return <FirstRunPage />;
  if (!user) return <SignInPage shopName={shopName} />;
  if (locked) return <LockScreen user={user} />;
  return <AppShell session={{ user, shopName, idleLockMinutes, terminal, sampleData }} />;
}
