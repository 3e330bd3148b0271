import { App, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { createSupplierInput, type Supplier } from '@shared/schemas/stock';
import { useCreateSupplier, useReloadSupplier, useUpdateSupplier } from '../../../api/stock';
import { FormModal } from '../../../components/FormModal';
import { useFormRules } from '../../../components/formRules';
import { TextArea, TextInput } from '../../../components/TextInput';
import { showFieldErrors } from '../../../components/formErrors';
import { useEditVersion } from '../../../components/staleEdit';
import { errorMessage } from '../../../i18n/errorMessage';

const fields = createSupplierInput.shape;

interface SupplierValues {
  name: string;
  contact?: string;
  phone?: string;
  notes?: string;
}

/** 新建 / 编辑供应商: name, contact, phone, notes. */
export function SupplierFormModal({ supplier, onClose }: { supplier?: Supplier; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SupplierValues>();
  const rules = useFormRules();
  const create = useCreateSupplier();
  const update = useUpdateSupplier();
  const error = create.error ?? update.error;
  const reload = useReloadSupplier(supplier?.id ?? '');
  const edit = useEditVersion(supplier?.version, reload, (fresh) => form.setFieldsValue(fresh));

  const submit = (values: SupplierValues) => {
    const fields = {
      name: values.name,
      contact: values.contact ?? '',
      phone: values.phone ?? '',
      notes: values.notes ?? '',
    };
    const onSuccess = (saved: Supplier) => {
      void message.success(
        t(supplier ? 'stock.suppliers.updated' : 'stock.suppliers.created', { name: saved.name }),
      );
      onClose();
    };
    const onError = (e: Error) => {
      showFieldErrors(form, e, t, { topLevelOnly: true });
      edit.onSaveError(e);
    };
    if (supplier)
      update.mutate({ id: supplier.id, version: edit.version, ...fields }, { onSuccess, onError });
    else create.mutate(fields, { onSuccess, onError });
  };

  return (
    <FormModal<SupplierValues>
      title={
        supplier ? t('stock.suppliers.editTitle', { name: supplier.name }) : t('stock.suppliers.createTitle')
      }
      testId="supplier"
      name={supplier ? 'editSupplier' : 'createSupplier'}
      form={form}
      initialValues={supplier ?? {}}
      pending={create.isPending || update.isPending}
      error={error ? errorMessage(error, t) : null}
      onFinish={submit}
      onClose={onClose}
    >
      <Form.Item label={t('stock.suppliers.name')} name="name" rules={[rules.text(fields.name)]}>
        <TextInput schema={fields.name} autoFocus data-testid="supplier-name" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={t('stock.suppliers.contact')} name="contact" rules={[rules.text(fields.contact)]}>
            <TextInput schema={fields.contact} data-testid="supplier-contact" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('stock.suppliers.phone')} name="phone" rules={[rules.phone(fields.phone)]}>
            <Input inputMode="tel" autoComplete="off" data-testid="supplier-phone" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('stock.suppliers.notes')} name="notes" rules={[rules.text(fields.notes)]}>
        <TextArea schema={fields.notes} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="supplier-notes" />
      </Form.Item>
    </FormModal>
  );
}
