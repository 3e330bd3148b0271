import { useState } from 'react';
import { Alert, App, Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TerminalRow } from '@shared/schemas/lan';
import { useRevokeTerminal, useTerminals } from '../../api/lan';
import { errorMessage } from '../../i18n/errorMessage';
import { formatDateTime } from '../../lib/format';
import { RenameTerminalModal } from './RenameTerminalModal';

/** Every paired terminal; revoked ones stay listed, greyed, so the list says who was let in. */
export function TerminalsTable() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const terminals = useTerminals();
  const revoke = useRevokeTerminal();
  const [renaming, setRenaming] = useState<TerminalRow | null>(null);
  const none = t('common.none');

  const confirmRevoke = (row: TerminalRow) =>
    modal.confirm({
      title: t('lan.terminals.revokeTitle', { name: row.name }),
      content: t('lan.terminals.revokeBody'),
      okText: t('lan.terminals.revokeOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        revoke.mutateAsync({ id: row.id }).then(
          () => void message.success(t('lan.terminals.revokedDone')),
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });

  const columns: TableColumnsType<TerminalRow> = [
    { title: t('lan.terminals.name'), dataIndex: 'name' },
    { title: t('lan.terminals.address'), dataIndex: 'address', render: (_, r) => r.address ?? none },
    {
      title: t('lan.terminals.lastSeen'),
      dataIndex: 'lastSeenAt',
      render: (_, r) => (r.lastSeenAt === null ? none : formatDateTime(r.lastSeenAt)),
    },
    { title: t('lan.terminals.signedInAs'), dataIndex: 'signedInAs', render: (_, r) => r.signedInAs ?? none },
    {
      title: t('lan.terminals.pairedAt'),
      dataIndex: 'pairedAt',
      render: (_, r) => formatDateTime(r.pairedAt),
    },
    {
      title: t('lan.terminals.state'),
      key: 'state',
      render: (_, r) =>
        r.revokedAt === null ? (
          <Tag color="green">{t('lan.terminals.active')}</Tag>
        ) : (
          <Tag data-testid="lan-terminal-revoked">{t('lan.terminals.revoked')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.revokedAt === null && (
          <Space size="small">
            <Button size="small" onClick={() => setRenaming(r)} data-testid="lan-terminal-rename">
              {t('lan.terminals.rename')}
            </Button>
            <Button size="small" danger onClick={() => confirmRevoke(r)} data-testid="lan-terminal-revoke">
              {t('lan.terminals.revoke')}
            </Button>
          </Space>
        ),
    },
  ];

  if (terminals.isError && !terminals.data) {
    return <Alert type="error" showIcon title={errorMessage(terminals.error, t)} />;
  }
  return (
    <>
      <Table<TerminalRow>
        rowKey="id"
        size="middle"
        data-testid="lan-terminals"
        loading={terminals.isPending}
        dataSource={terminals.data}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('lan.terminals.empty') }}
        onRow={(r) => ({ className: 'lan-terminal', 'data-testid': 'lan-terminal-row', 'data-name': r.name })}
        rowClassName={(r) => (r.revokedAt === null ? '' : 'lan-terminal--revoked')}
      />
      {renaming && <RenameTerminalModal terminal={renaming} onClose={() => setRenaming(null)} />}
    </>
  );
}
