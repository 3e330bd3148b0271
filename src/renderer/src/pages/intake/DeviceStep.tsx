import { useEffect, useRef, useState } from 'react';
import { Button, Flex, Form, Skeleton, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Device } from '@shared/schemas/devices';
import { useCreateDevice } from '../../api/devices';
import { useSettings } from '../../api/settings';
import { deviceName, WarrantyTag } from '../../components/counterTags';
import {
  DeviceFieldsInputs,
  deviceFormValues,
  toDeviceInput,
  type DeviceFormValues,
} from '../../components/DeviceFields';
import { showFieldErrors } from '../../components/formErrors';
import { PickList, type PickItem } from '../../components/PickList';
import { errorMessage } from '../../i18n/errorMessage';

function NewDeviceForm({
  customerId,
  onCreated,
  onCancel,
}: {
  customerId: string;
  onCreated: (id: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DeviceFormValues>();
  const settings = useSettings();
  const create = useCreateDevice();
  if (settings.isPending) return <Skeleton active />;
  const categories = settings.data?.counter.deviceCategories ?? [];

  return (
    <Form<DeviceFormValues>
      form={form}
      name="intakeDevice"
      layout="vertical"
      data-testid="intake-device-form"
      initialValues={deviceFormValues(null, categories)}
      onFinish={(values) =>
        create.mutate(
          { customerId, ...toDeviceInput(values) },
          { onSuccess: (d) => onCreated(d.id), onError: (e) => showFieldErrors(form, e, t) },
        )
      }
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) onCancel();
      }}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <PlusOutlined /> {t('intake.newDeviceTitle')}
      </Typography.Title>
      <DeviceFieldsInputs
        categories={categories}
        categoryKinds={settings.data?.counter.categoryKinds ?? {}}
        autoFocus
      />
      {create.error && (
        <Typography.Paragraph type="danger" data-testid="intake-device-error">
          {errorMessage(create.error, t)}
        </Typography.Paragraph>
      )}
      <Flex gap="small">
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending}
          data-testid="intake-device-submit"
        >
          {t('intake.createDevice')} <span className="kbd">Enter</span>
        </Button>
        {onCancel && (
          <Button onClick={onCancel} data-testid="intake-device-cancel">
            {t('intake.backToDevices')}
          </Button>
        )}
      </Flex>
    </Form>
  );
}

/** Step 2: which device. ↑↓ Enter pick one of the customer's devices; the last row adds a new one. */
export function DeviceStep({
  customerId,
  devices,
  onPicked,
}: {
  customerId: string;
  devices: Device[];
  onPicked: (id: string) => void;
}) {
  const { t } = useTranslation();
  const active = devices.filter((d) => d.archivedAt === null);
  const [creating, setCreating] = useState(active.length === 0);
  const [index, setIndex] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!creating) listRef.current?.focus();
  }, [creating]);

  if (creating) {
    return (
      <NewDeviceForm
        customerId={customerId}
        onCreated={onPicked}
        onCancel={active.length > 0 ? () => setCreating(false) : undefined}
      />
    );
  }

  const items: PickItem[] = active.map((d) => ({
    key: d.id,
    testId: `intake-device-${d.id}`,
    content: (
      <>
        <Flex gap="middle" align="baseline">
          <Typography.Text type="secondary">{d.category}</Typography.Text>
          <Typography.Text strong>{deviceName(d)}</Typography.Text>
          {d.serialNo && <span>{d.serialNo}</span>}
        </Flex>
        <Flex gap={4} align="center">
          {d.warrantyEnd && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('intake.warrantyUntil', { date: d.warrantyEnd })}
            </Typography.Text>
          )}
          <WarrantyTag status={d.warrantyToday} />
        </Flex>
      </>
    ),
  }));
  items.push({
    key: 'new',
    testId: 'intake-new-device',
    content: (
      <Typography.Text>
        <PlusOutlined /> {t('intake.newDevice')}
      </Typography.Text>
    ),
  });

  return (
    <Flex vertical gap="small">
      <PickList
        items={items}
        active={index}
        onActive={setIndex}
        onPick={(i) => {
          const device = active[i];
          if (device) onPicked(device.id);
          else setCreating(true);
        }}
        testId="intake-device-list"
        label={t('intake.stepDevice')}
        focusable
        listRef={listRef}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('intake.pickHint')}
      </Typography.Text>
    </Flex>
  );
}
