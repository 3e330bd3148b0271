import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type DescriptionsProps,
  type TableColumnsType,
} from 'antd';
import {
  EditOutlined,
  FileAddOutlined,
  InboxOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Device } from '@shared/schemas/devices';
import type { WorkOrderRow } from '@shared/schemas/workOrders';
import { ApiError } from '../../lib/apiError';
import { useArchiveCustomer, useCustomer, useRestoreCustomer } from '../../api/customers';
import { useArchiveDevice, useRestoreDevice } from '../../api/devices';
import { useCan } from '../../api/session';
import { deviceName, OverdueTag, StatusTag, WarrantyTag } from '../../components/counterTags';
import { DeviceFormModal } from '../../components/DeviceFormModal';
import { formatMinute } from '../../lib/format';
import '../../components/counter.css';
import { CustomerFormModal } from './CustomerFormModal';
import { MergeCustomerModal } from './MergeCustomerModal';
import { errorMessage } from '../../i18n/errorMessage';

type Dialog = { kind: 'edit' } | { kind: 'merge' } | { kind: 'device'; device?: Device } | null;

/** 客户档案: profile, phones, devices with their warranty, the work-order history and the actions. */
export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const detail = useCustomer(id);
  const canWrite = useCan('customers.write');
  const canMerge = useCan('customers.merge');
  const canIntake = useCan('workOrders.write') && canWrite;
  const archive = useArchiveCustomer();
  const restore = useRestoreCustomer();
  const archiveDevice = useArchiveDevice();
  const restoreDevice = useRestoreDevice();
  const [dialog, setDialog] = useState<Dialog>(null);

  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) {
    const mergedInto = detail.error instanceof ApiError ? detail.error.details?.matches?.[0] : undefined;
    return (
      <Result
        status="warning"
        title={errorMessage(detail.error, t)}
        data-testid="customer-missing"
        extra={
          mergedInto ? (
            <Link to={`/customers/${mergedInto.id}`} data-testid="customer-merged-into">
              {t('customers.openMergedInto', { label: mergedInto.label })}
            </Link>
          ) : (
            <Link to="/customers">{t('customers.back')}</Link>
          )
        }
      />
    );
  }

  const { customer, devices, workOrders } = detail.data;
  const archived = customer.archivedAt !== null;
  const fail = (e: Error) => void message.error(errorMessage(e, t));

  const deviceColumns: TableColumnsType<Device> = [
    { title: t('devices.category'), dataIndex: 'category', width: 90 },
    {
      title: t('devices.label'),
      key: 'name',
      render: (_, d) => (
        <Space size={6}>
          <span>{deviceName(d)}</span>
          {d.archivedAt !== null && <Tag>{t('customers.archivedTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('devices.serialNo'), dataIndex: 'serialNo', render: (v: string) => v || t('common.none') },
    {
      title: t('devices.purchaseDate'),
      dataIndex: 'purchaseDate',
      width: 110,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('devices.warrantyEnd'),
      dataIndex: 'warrantyEnd',
      width: 110,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('devices.warrantyToday'),
      dataIndex: 'warrantyToday',
      width: 100,
      render: (_, d) => <WarrantyTag status={d.warrantyToday} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, d) => (
        <Space size="small">
          {canIntake && d.archivedAt === null && !archived && (
            <Button
              size="small"
              type="link"
              onClick={() => void navigate(`/intake?customerId=${customer.id}&deviceId=${d.id}`)}
              data-testid={`device-intake-${d.id}`}
            >
              {t('customers.newIntake')}
            </Button>
          )}
          {canWrite && (
            <Button
              size="small"
              type="link"
              onClick={() => setDialog({ kind: 'device', device: d })}
              data-testid={`device-edit-${d.id}`}
            >
              {t('common.edit')}
            </Button>
          )}
          {canWrite &&
            (d.archivedAt === null ? (
              <Popconfirm
                title={t('devices.archiveConfirm')}
                onConfirm={() => archiveDevice.mutate(d.id, { onError: fail })}
              >
                <Button size="small" type="link" data-testid={`device-archive-${d.id}`}>
                  {t('customers.archive')}
                </Button>
              </Popconfirm>
            ) : (
              <Button
                size="small"
                type="link"
                onClick={() => restoreDevice.mutate(d.id, { onError: fail })}
                data-testid={`device-restore-${d.id}`}
              >
                {t('customers.restore')}
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  const orderColumns: TableColumnsType<WorkOrderRow> = [
    {
      title: t('workOrders.orderNo'),
      dataIndex: 'orderNo',
      width: 190,
      render: (_, o) => <Link to={`/work-orders/${o.id}`}>{o.orderNo}</Link>,
    },
    {
      title: t('workOrders.status'),
      dataIndex: 'status',
      width: 100,
      render: (_, o) => <StatusTag status={o.status} />,
    },
    { title: t('workOrders.device'), dataIndex: 'deviceLabel', ellipsis: true },
    { title: t('workOrders.fault'), dataIndex: 'reportedFault', ellipsis: true },
    {
      title: t('workOrders.warranty'),
      dataIndex: 'warrantyStatus',
      width: 100,
      render: (_, o) => <WarrantyTag status={o.warrantyStatus} />,
    },
    {
      title: t('workOrders.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (_, o) => formatMinute(o.createdAt),
    },
    {
      title: t('workOrders.promisedAt'),
      dataIndex: 'promisedAt',
      width: 170,
      render: (_, o) => (
        <Space size={4}>
          <span className={o.overdue ? 'wo-overdue-date' : undefined}>{formatMinute(o.promisedAt)}</span>
          {o.overdue && <OverdueTag />}
        </Space>
      ),
    },
  ];

  const none = t('common.none');
  const profileItems: DescriptionsProps['items'] = [
    {
      key: 'phones',
      label: t('customers.phones'),
      children: (
        <Flex vertical gap={2}>
          {customer.phones.map((p, i) => (
            <span key={p.phone}>
              {p.phone}
              {p.label && <Typography.Text type="secondary"> · {p.label}</Typography.Text>}
              {i === 0 && customer.phones.length > 1 && (
                <Tag style={{ marginInlineStart: 6 }} variant="filled" color="blue">
                  {t('customers.primary')}
                </Tag>
              )}
            </span>
          ))}
        </Flex>
      ),
    },
    { key: 'company', label: t('customers.company'), children: customer.company || none },
    { key: 'email', label: t('customers.email'), children: customer.email || none },
    { key: 'address', label: t('customers.address'), children: customer.address || none },
    {
      key: 'tags',
      label: t('customers.tags'),
      children:
        customer.tags.length > 0
          ? customer.tags.map((tg) => (
              <Tag key={tg} color="processing" variant="filled">
                {tg}
              </Tag>
            ))
          : none,
    },
    { key: 'createdAt', label: t('customers.createdAt'), children: formatMinute(customer.createdAt) },
    ...(customer.notes
      ? [
          {
            key: 'notes',
            label: t('customers.notes'),
            span: 'filled' as const,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{customer.notes}</span>,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap="middle" data-testid="customer-detail">
      <Card
        title={
          <Flex gap="small" align="center" wrap>
            <span data-testid="customer-title">{customer.name}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="customer-code">
              {customer.code}
            </Typography.Text>
            <Tag color="gold">{customer.level}</Tag>
            <Tag>{t(`customerTypes.${customer.type}`)}</Tag>
            {customer.noContact && (
              <Tag color="red" data-testid="customer-no-contact-tag">
                {t('followUps.noContactTag')}
              </Tag>
            )}
            {archived && (
              <Tag color="default" data-testid="customer-archived">
                {t('customers.archivedTag')}
              </Tag>
            )}
          </Flex>
        }
        extra={
          <Space wrap>
            {canIntake && !archived && (
              <Button
                type="primary"
                icon={<FileAddOutlined />}
                onClick={() => void navigate(`/intake?customerId=${customer.id}`)}
                data-testid="customer-new-intake"
              >
                {t('customers.newIntake')}
              </Button>
            )}
            {canWrite && !archived && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => setDialog({ kind: 'device' })}
                data-testid="customer-new-device"
              >
                {t('customers.newDevice')}
              </Button>
            )}
            {canWrite && (
              <Button
                icon={<EditOutlined />}
                onClick={() => setDialog({ kind: 'edit' })}
                data-testid="customer-edit"
              >
                {t('common.edit')}
              </Button>
            )}
            {canMerge && !archived && (
              <Button
                icon={<MergeCellsOutlined />}
                onClick={() => setDialog({ kind: 'merge' })}
                data-testid="customer-merge"
              >
                {t('customers.merge')}
              </Button>
            )}
            {canWrite &&
              (archived ? (
                <Button
                  icon={<RollbackOutlined />}
                  loading={restore.isPending}
                  onClick={() =>
                    restore.mutate(customer.id, {
                      onSuccess: () => void message.success(t('customers.restored')),
                      onError: fail,
                    })
                  }
                  data-testid="customer-restore"
                >
                  {t('customers.restore')}
                </Button>
              ) : (
                <Popconfirm
                  title={t('customers.archiveConfirm')}
                  onConfirm={() =>
                    archive.mutate(customer.id, {
                      onSuccess: () => void message.success(t('customers.archived')),
                      onError: fail,
                    })
                  }
                >
                  <Button icon={<InboxOutlined />} loading={archive.isPending} data-testid="customer-archive">
                    {t('customers.archive')}
                  </Button>
                </Popconfirm>
              ))}
          </Space>
        }
      >
        {archive.error && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(archive.error, t)}
            style={{ marginBottom: 16 }}
            data-testid="customer-action-error"
          />
        )}
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          size="small"
          data-testid="customer-profile"
          items={profileItems}
        />
      </Card>

      <Card title={t('customers.devices')} size="small">
        <Table<Device>
          rowKey="id"
          size="small"
          data-testid="customer-devices"
          dataSource={devices}
          columns={deviceColumns}
          pagination={false}
          locale={{ emptyText: t('customers.noDevices') }}
          onRow={(d) => ({ className: 'device-row', 'data-testid': `device-row-${d.id}` })}
        />
      </Card>

      <Card title={t('customers.history')} size="small">
        <Table<WorkOrderRow>
          rowKey="id"
          size="small"
          data-testid="customer-orders"
          dataSource={workOrders}
          columns={orderColumns}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('customers.noOrders') }}
          onRow={(o) => ({
            className: o.overdue ? 'clickable-row wo-row--overdue' : 'clickable-row',
            onClick: () => void navigate(`/work-orders/${o.id}`),
          })}
        />
      </Card>

      {dialog?.kind === 'edit' && <CustomerFormModal customer={customer} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'merge' && <MergeCustomerModal keep={customer} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'device' && (
        <DeviceFormModal customerId={customer.id} device={dialog.device} onClose={() => setDialog(null)} />
      )}
    </Flex>
  );
}
