import { Layout } from 'antd';
import { HeaderBar } from './HeaderBar';
import { AppRoutes } from './AppRoutes';
import { SessionContext, type Session } from '../api/session';
import { SampleDataBanner } from './SampleDataBanner';
import { SideMenu } from './SideMenu';
import { useIdleLock } from './useIdleLock';
import { useLiveScreens } from './useLiveScreens';

/** The signed-in frame: header, side menu and the routed page. */
export function AppShell({ session }: { session: Session }) {
  useIdleLock(session.idleLockMinutes);
  useLiveScreens();
  return (
    <SessionContext value={session}>
      <Layout className="shell">
        <Layout.Header className="shell__header">
          <HeaderBar />
        </Layout.Header>
        <Layout>
          <Layout.Sider theme="light" width={208} className="shell__sider">
            <SideMenu />
          </Layout.Sider>
          <Layout.Content className="shell__content">
            {session.sampleData && <SampleDataBanner />}
            <AppRoutes />
          </Layout.Content>
        </Layout>
      </Layout>
    </SessionContext>
  );
}
