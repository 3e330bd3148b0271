import { Alert, Button, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useWarrantyExpiring } from '../../api/maintenance';
import { errorMessage } from '../../i18n/errorMessage';

/** 保修到期提醒: whom to call before the maker's warranty ends (customers who asked not to be called are left off). */
export function WarrantyExpiringList() {
  const { t } = useTranslation();
  const list = useWarrantyExpiring();
  return (
    <Flex vertical gap="middle" data-testid="warranty-expiring">
      {list.data && (
        <Typography.Text type="secondary">
          {t('maintenance.warrantyHint', { days: list.data.days, date: list.data.today })}
        </Typography.Text>
      )}
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error, t)} />}
      <Table
        rowKey="deviceId"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('maintenance.customer'),
            render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
          },
          { title: t('maintenance.phone'), dataIndex: 'phone' },
          { title: t('maintenance.device'), dataIndex: 'deviceLabel' },
          { title: t('maintenance.warrantyEnd'), dataIndex: 'warrantyEnd' },
          {
            title: t('maintenance.actions'),
            render: (_, r) => (
              <Link to={`/customers/${r.customerId}`}>
                <Button size="small">{t('maintenance.openCustomer')}</Button>
              </Link>
            ),
          },
        ]}
      />
    </Flex>
  );
}
