import type { ReactNode } from 'react';
import { App, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStartOver } from '../../api/backup';

/**
 * After a restore or reset the server has ended every session. The message is an app-level modal,
 * so it stays up while the app falls back to the sign-in screen underneath it.
 */
export function useSignInAgain() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const startOver = useStartOver();
  return (title: string, lines: ReactNode[], okText: string = t('backup.restore.signInAgain')) => {
    modal.success({
      title,
      width: 520,
      okText,
      content: (
        <Flex vertical gap={4} data-testid="backup-signed-out">
          {lines.map((line, index) => (
            // The lines are fixed for the life of the modal, so their order is their identity.
            <span key={index} style={{ wordBreak: 'break-all' }}>
              {line}
            </span>
          ))}
        </Flex>
      ),
    });
    void startOver();
  };
}
