import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useContracts } from '../../api/maintenance';
import { useCan } from '../../api/session';

/**
 * 维保合同 at intake: the contracts covering this device that are in force. The server checks the
 * period, the device and the visits left again when the order is saved.
 */
export function ContractSelect({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const canRead = useCan('contracts.read');
  const contracts = useContracts({ deviceId }, canRead);
  const usable = (contracts.data ?? []).filter((c) => c.state === 'active');
  if (!canRead || usable.length === 0) return null;
  return (
    <Form.Item label={t('maintenance.contract')} name="contractId" extra={t('maintenance.contractHint')}>
      <Select<string | null>
        allowClear
        placeholder={t('maintenance.noContract')}
        options={usable.map((c) => ({
          value: c.id,
          label: `${c.contractNo} · ${t(`contractCovers.${c.covers}`)} · ${c.visitsUsed}/${c.visits}`,
        }))}
        data-testid="intake-contract"
      />
    </Form.Item>
  );
}
