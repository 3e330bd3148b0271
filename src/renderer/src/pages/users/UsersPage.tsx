import { useState } from 'react';
import { Alert, Button, Card, Space, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '@shared/schemas/users';
import { useUsers } from '../../api/users';
import { useCan } from '../../api/session';
import { formatDateTime } from '../../lib/format';
import { RoleTag } from '../../components/RoleTag';
import { errorMessage } from '../../i18n/errorMessage';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserStatus } from './UserStatus';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserRow } | { kind: 'reset'; user: UserRow } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const canWrite = useCan('users.write');
  const [dialog, setDialog] = useState<Dialog>(null);

  const columns: TableColumnsType<UserRow> = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (_, user) => <RoleTag role={user.role} /> },
    { title: t('users.status'), key: 'status', render: (_, user) => <UserStatus user={user} /> },
    {
      title: t('users.lastSignIn'),
      dataIndex: 'lastSignInAt',
      render: (_, user) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t('users.never')),
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      render: (_, user) => formatDateTime(user.createdAt),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('users.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size="small">
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'edit', user })}
            data-testid={`user-edit-${user.username}`}
          >
            {t('users.edit')}
          </Button>
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'reset', user })}
            data-testid={`user-reset-${user.username}`}
          >
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    });
  }

  const close = () => setDialog(null);
  return (
    <Card
      title={t('users.title')}
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="users-create"
          >
            {t('users.create')}
          </Button>
        )
      }
    >
      {users.error && (
        <Alert type="error" showIcon title={errorMessage(users.error, t)} style={{ marginBottom: 16 }} />
      )}
      <Table<UserRow>
        rowKey="id"
        data-testid="users-table"
        loading={users.isPending}
        dataSource={users.data}
        columns={columns}
        onRow={(user) => ({ className: 'user-row', 'data-testid': `user-row-${user.username}` })}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        size="middle"
      />
      {dialog?.kind === 'create' && <CreateUserModal onClose={close} />}
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={close} />}
    </Card>
  );
}
