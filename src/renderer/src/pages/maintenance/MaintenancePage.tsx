import { useState } from 'react';
import { Button, Card, Form, Modal, Select, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../api/session';
import { ContractList } from './ContractList';
import { CustomerSelect, useCustomerDevices } from './CustomerDevicePicker';
import { DevicePlansModal } from './DevicePlansModal';
import { DueList } from './DueList';
import { WarrantyExpiringList } from './WarrantyExpiringList';

const TABS = ['due', 'contracts', 'warranty'] as const;
type Tab = (typeof TABS)[number];

/** 新建保养计划 starts from the customer and the device; the device's plans open next. */
function PickDevice({
  open,
  onPicked,
  onClose,
}: {
  open: boolean;
  onPicked: (id: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const devices = useCustomerDevices(customerId);
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('maintenance.newPlan')} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label={t('maintenance.customer')}>
          <CustomerSelect value={customerId} onChange={setCustomerId} testId="plan-customer" />
        </Form.Item>
        <Form.Item label={t('maintenance.device')}>
          <Select<string> options={devices} onChange={onPicked} data-testid="plan-device" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 保养: the due list, service contracts and the warranty-expiry call list. */
export function MaintenancePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'due';
  const canContracts = useCan('contracts.read');
  const [picking, setPicking] = useState(false);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  return (
    <Card
      title={t('maintenance.title')}
      data-testid="maintenance"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setPicking(true)} data-testid="plan-new">
          {t('maintenance.newPlan')}
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          {
            key: 'due',
            label: <span data-testid="mt-tab-due">{t('maintenance.dueTitle')}</span>,
            children: <DueList />,
          },
          ...(canContracts
            ? [
                {
                  key: 'contracts',
                  label: <span data-testid="mt-tab-contracts">{t('maintenance.contractsTitle')}</span>,
                  children: <ContractList />,
                },
              ]
            : []),
          {
            key: 'warranty',
            label: <span data-testid="mt-tab-warranty">{t('maintenance.warrantyTitle')}</span>,
            children: <WarrantyExpiringList />,
          },
        ]}
      />
      <PickDevice
        open={picking}
        onClose={() => setPicking(false)}
        onPicked={(id) => {
          setPicking(false);
          setDeviceId(id);
        }}
      />
      <DevicePlansModal deviceId={deviceId} onClose={() => setDeviceId(null)} />
    </Card>
  );
}
