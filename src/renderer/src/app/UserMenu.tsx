import { useState } from 'react';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import {
  DownOutlined,
  InfoCircleOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLock, useSignOut } from '../api/auth';
import { RoleTag } from '../components/RoleTag';
import { AboutModal } from './AboutModal';
import { ChangePasswordModal } from './ChangePasswordModal';
import { useSession } from '../api/session';

/** Current user and role; change password, lock the screen, sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const signOut = useSignOut();
  const { message } = App.useApp();
  const lock = useLock();
  const [changingPassword, setChangingPassword] = useState(false);
  const [about, setAbout] = useState(false);

  const items: MenuProps['items'] = [
    {
      key: 'changePassword',
      icon: <KeyOutlined />,
      label: <span data-testid="menu-change-password">{t('header.changePassword')}</span>,
    },
    {
      key: 'lock',
      icon: <LockOutlined />,
      label: <span data-testid="menu-lock">{t('header.lockScreen')}</span>,
    },
    {
      key: 'about',
      icon: <InfoCircleOutlined />,
      label: <span data-testid="menu-about">{t('about.menu')}</span>,
    },
    { type: 'divider' },
    {
      key: 'signOut',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="menu-sign-out">{t('header.signOut')}</span>,
    },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'changePassword') setChangingPassword(true);
    if (key === 'about') setAbout(true);
    // The next person at the counter should not see this user's notices.
    if (key === 'lock' || key === 'signOut') message.destroy();
    if (key === 'lock') lock.mutate();
    if (key === 'signOut') signOut.mutate();
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" data-testid="user-menu" loading={signOut.isPending}>
          <UserOutlined />
          <span data-testid="current-user">{user.displayName}</span>
          <RoleTag role={user.role} />
          <DownOutlined />
        </Button>
      </Dropdown>
      {changingPassword && <ChangePasswordModal onClose={() => setChangingPassword(false)} />}
      {about && <AboutModal onClose={() => setAbout(false)} />}
    </>
  );
}
