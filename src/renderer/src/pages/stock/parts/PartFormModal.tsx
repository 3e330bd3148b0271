import { App, AutoComplete, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { createPartInput, type Part } from '@shared/schemas/stock';
import { useCreatePart, usePartFacets, useReloadPart, useUpdatePart } from '../../../api/stock';
import { FormModal } from '../../../components/FormModal';
import { useFormRules } from '../../../components/formRules';
import { fenToYuan, yuanToFen } from '../../../lib/money';
import { NumberInput } from '../../../components/NumberInput';
import { numberOf, numberText } from '../../../lib/numberText';
import { TextInput } from '../../../components/TextInput';
import { YuanInput } from '../../../components/YuanInput';
import { showFieldErrors } from '../../../components/formErrors';
import { useEditVersion } from '../../../components/staleEdit';
import { SupplierSelect } from '../suppliers/SupplierSelect';
import { errorMessage } from '../../../i18n/errorMessage';

const fields = createPartInput.shape;

interface PartValues {
  code: string;
  name: string;
  spec?: string;
  compatibleModels?: string;
  category?: string;
  unit: string;
  barcode?: string;
  /** 元, as typed. */
  costPrice?: string;
  salePrice?: string;
  minStock?: string;
  location?: string;
  defaultSupplierId?: string | null;
}

function toFields(v: PartValues) {
  return {
    code: v.code,
    name: v.name,
    spec: v.spec ?? '',
    compatibleModels: v.compatibleModels ?? '',
    category: v.category ?? '',
    unit: v.unit,
    barcode: v.barcode ?? '',
    salePrice: yuanToFen(v.salePrice) ?? 0,
    minStock: numberOf(v.minStock, 0) ?? 0,
    location: v.location ?? '',
    defaultSupplierId: v.defaultSupplierId ?? null,
  };
}

/** A stored part as the form shows it (prices in 元). */
function partFormValues(part: Part): Partial<PartValues> {
  return {
    ...part,
    costPrice: fenToYuan(part.costPrice),
    salePrice: fenToYuan(part.salePrice),
    minStock: numberText(part.minStock),
  };
}

const options = (values: string[] | undefined) => (values ?? []).map((v) => ({ value: v }));

/**
 * 新建 / 编辑配件. The cost price is only typed at creation: afterwards receipts move it (moving
 * average), so the edit form shows it but does not change it; a manager corrects it with 调整成本
 * in the part's drawer (a logged cost adjustment).
 */
export function PartFormModal({
  part,
  onClose,
  onSaved,
}: {
  part?: Part;
  onClose: () => void;
  onSaved?: (part: Part) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PartValues>();
  const rules = useFormRules();
  const facets = usePartFacets();
  const create = useCreatePart();
  const update = useUpdatePart();
  const error = create.error ?? update.error;
  const reload = useReloadPart(part?.id ?? '');
  const edit = useEditVersion(part?.version, reload, (fresh) => form.setFieldsValue(partFormValues(fresh)));

  const done = (saved: Part) => {
    void message.success(t(part ? 'stock.parts.updated' : 'stock.parts.created', { code: saved.code }));
    onSaved?.(saved);
    onClose();
  };
  const submit = (values: PartValues) => {
    const onError = (e: Error) => {
      showFieldErrors(form, e, t, { topLevelOnly: true });
      edit.onSaveError(e);
    };
    if (part)
      update.mutate(
        { id: part.id, version: edit.version, ...toFields(values) },
        { onSuccess: done, onError },
      );
    else
      create.mutate(
        { ...toFields(values), costPrice: yuanToFen(values.costPrice) ?? 0 },
        { onSuccess: done, onError },
      );
  };

  const initialValues: Partial<PartValues> = part
    ? partFormValues(part)
    : { unit: t('stock.parts.defaultUnit'), minStock: '0' };

  return (
    <FormModal<PartValues>
      title={part ? t('stock.parts.editTitle', { code: part.code }) : t('stock.parts.createTitle')}
      testId="part"
      name={part ? 'editPart' : 'createPart'}
      form={form}
      initialValues={initialValues}
      pending={create.isPending || update.isPending}
      error={error ? errorMessage(error, t) : null}
      onFinish={submit}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item
            label={t('stock.parts.code')}
            name="code"
            rules={[rules.text(fields.code)]}
            normalize={(v: string) => v.toUpperCase()}
          >
            <TextInput schema={fields.code} autoFocus={!part} data-testid="part-code" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item label={t('stock.parts.name')} name="name" rules={[rules.text(fields.name)]}>
            <TextInput schema={fields.name} autoFocus={Boolean(part)} data-testid="part-name" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item label={t('stock.parts.spec')} name="spec" rules={[rules.text(fields.spec)]}>
            <TextInput schema={fields.spec} data-testid="part-spec" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label={t('stock.parts.barcode')} name="barcode" rules={[rules.text(fields.barcode)]}>
            <TextInput schema={fields.barcode} data-testid="part-barcode" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('stock.parts.compatibleModels')}
        name="compatibleModels"
        rules={[rules.text(fields.compatibleModels)]}
      >
        <TextInput
          schema={fields.compatibleModels}
          placeholder={t('stock.parts.compatibleHint')}
          data-testid="part-models"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={9}>
          <Form.Item label={t('stock.parts.category')} name="category" rules={[rules.text(fields.category)]}>
            <AutoComplete
              options={options(facets.data?.categories)}
              showSearch={{ filterOption: true }}
              data-testid="part-category"
            />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item label={t('stock.parts.location')} name="location" rules={[rules.text(fields.location)]}>
            <AutoComplete
              options={options(facets.data?.locations)}
              showSearch={{ filterOption: true }}
              data-testid="part-location"
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('stock.parts.unit')} name="unit" rules={[rules.text(fields.unit)]}>
            <TextInput schema={fields.unit} data-testid="part-unit" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            label={t('stock.parts.costPrice')}
            name="costPrice"
            extra={part ? t('stock.parts.costLocked') : t('stock.parts.costHint')}
            rules={part ? [] : [rules.money(fields.costPrice)]}
          >
            <YuanInput disabled={Boolean(part)} data-testid="part-cost" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label={t('stock.parts.salePrice')}
            name="salePrice"
            rules={[rules.money(fields.salePrice)]}
          >
            <YuanInput data-testid="part-sale" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            label={t('stock.parts.minStock')}
            name="minStock"
            extra={t('stock.parts.minStockHint')}
            rules={[rules.whole(fields.minStock)]}
          >
            <NumberInput data-testid="part-min" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('stock.parts.defaultSupplier')} name="defaultSupplierId">
        <SupplierSelect testId="part-supplier" />
      </Form.Item>
    </FormModal>
  );
}
