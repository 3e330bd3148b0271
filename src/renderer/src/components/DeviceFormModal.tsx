import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Device } from '@shared/schemas/devices';
import { useCreateDevice, useReloadDevice, useUpdateDevice } from '../api/devices';
import { useSettings } from '../api/settings';
import { errorMessage } from '../i18n/errorMessage';
import { DeviceFieldsInputs, deviceFormValues, toDeviceInput, type DeviceFormValues } from './DeviceFields';
import { FormModal } from './FormModal';
import { showFieldErrors } from './formErrors';
import { useEditVersion } from './staleEdit';

interface DeviceFormModalProps {
  customerId: string;
  /** The device to edit; none creates a new one for the customer. */
  device?: Device;
  onClose: () => void;
  onSaved?: (device: Device) => void;
}

export function DeviceFormModal({ customerId, device, onClose, onSaved }: DeviceFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeviceFormValues>();
  const settings = useSettings();
  const create = useCreateDevice();
  const update = useUpdateDevice();
  const categories = settings.data?.counter.deviceCategories ?? [];
  const reload = useReloadDevice(device?.id ?? '');
  const edit = useEditVersion(device?.version, reload, (fresh) =>
    form.setFieldsValue(deviceFormValues(fresh, categories)),
  );
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const done = (saved: Device) => {
    void message.success(t(device ? 'devices.updated' : 'devices.created'));
    onSaved?.(saved);
    onClose();
  };
  const submit = (values: DeviceFormValues) => {
    const fields = toDeviceInput(values);
    const onError = (e: Error) => {
      showFieldErrors(form, e, t);
      edit.onSaveError(e);
    };
    if (device)
      update.mutate({ id: device.id, version: edit.version, ...fields }, { onSuccess: done, onError });
    else create.mutate({ customerId, ...fields }, { onSuccess: done, onError });
  };

  if (settings.isPending) return null;
  return (
    <FormModal<DeviceFormValues>
      title={t(device ? 'devices.editTitle' : 'devices.createTitle')}
      testId="device"
      name={device ? 'editDevice' : 'createDevice'}
      form={form}
      initialValues={deviceFormValues(device ?? null, categories)}
      pending={pending}
      error={error && errorMessage(error, t)}
      onFinish={submit}
      onClose={onClose}
    >
      <DeviceFieldsInputs
        categories={categories}
        categoryKinds={settings.data?.counter.categoryKinds ?? {}}
        autoFocus
        full
        perRow={2}
      />
    </FormModal>
  );
}
