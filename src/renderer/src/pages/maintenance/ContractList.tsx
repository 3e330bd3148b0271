import { useState } from 'react';
import { Alert, Button, Flex, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ServiceContract } from '@shared/schemas/maintenance';
import { useContracts } from '../../api/maintenance';
import { useCan } from '../../api/session';
import { errorMessage } from '../../i18n/errorMessage';
import { NewContractModal } from './NewContractModal';

const STATE_COLORS = { pending: 'blue', active: 'green', expired: 'default' } as const;

/** 维保合同: every contract with its period, what it covers and the visits used (cancelled orders give theirs back). */
export function ContractList() {
  const { t } = useTranslation();
  const canWrite = useCan('contracts.write');
  const [creating, setCreating] = useState(false);
  const list = useContracts({});
  return (
    <Flex vertical gap="middle" data-testid="contracts">
      {canWrite && (
        <Flex>
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="contract-new">
            {t('maintenance.newContract')}
          </Button>
        </Flex>
      )}
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
      <Table<ServiceContract>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('maintenance.contractNo'), dataIndex: 'contractNo' },
          {
            title: t('maintenance.customer'),
            render: (_, c) => <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>,
          },
          { title: t('maintenance.devices'), render: (_, c) => c.devices.map((d) => d.label).join('、') },
          { title: t('maintenance.period'), render: (_, c) => `${c.startsOn} ~ ${c.endsOn}` },
          { title: t('maintenance.covers'), render: (_, c) => t(`contractCovers.${c.covers}`) },
          {
            title: t('maintenance.visitsUsed'),
            render: (_, c) => (
              <span data-testid={`contract-visits-${c.contractNo}`}>
                {c.visitsUsed} / {c.visits}
              </span>
            ),
          },
          {
            title: t('maintenance.status'),
            render: (_, c) => (
              <Tag color={STATE_COLORS[c.state]}>{t(`maintenance.contractStates.${c.state}`)}</Tag>
            ),
          },
          {
            title: t('maintenance.actions'),
            render: (_, c) =>
              c.state === 'active' && c.visitsUsed < c.visits && c.devices.length > 0 ? (
                <Flex gap="small" wrap>
                  {c.devices.map((d) => (
                    <Link
                      key={d.id}
                      to={`/intake?${new URLSearchParams({ customerId: c.customerId, deviceId: d.id, serviceType: 'maintenance', contractId: c.id }).toString()}`}
                      data-testid={`contract-order-${c.contractNo}-${d.id}`}
                    >
                      <Button size="small">{t('maintenance.orderFor', { device: d.label })}</Button>
                    </Link>
                  ))}
                </Flex>
              ) : null,
          },
        ]}
      />
      <NewContractModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
