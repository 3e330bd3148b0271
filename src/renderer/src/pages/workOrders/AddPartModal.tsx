import { useRef, useState } from 'react';
import { App, Button, Col, Flex, Form, Row, Tag, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { orderQty } from '@shared/schemas/orderParts';
import type { Part } from '@shared/schemas/stock';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { useAddOrderPart } from '../../api/workOrders';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { fenToYuan, formatYuan } from '../../lib/money';
import { NumberInput } from '../../components/NumberInput';
import { numberOf } from '../../lib/numberText';
import { PartPicker } from '../../components/PartPicker';
import { showPartError } from './partErrors';
import { lineTerms, UnitPriceField, WarrantyAndOldPart, type LineTermsValues } from './PartLineFields';

interface Values extends LineTermsValues {
  partId: string;
  /** As typed. */
  qty: string;
}

/** The form keeps the chosen part's id; the picker above shows it. */
function ChosenId(_: { value?: string }) {
  return null;
}

/** Covered by warranty unless the order is out of warranty (the maker's, or our own repair warranty). */
function coveredByDefault(order: WorkOrderDetail): boolean {
  return order.warrantyStatus !== 'out';
}

/**
 * 添加配件: pick a part (search or scan), how many, at what price, whether the warranty covers it and
 * the old part taken out. Saving takes the parts off the shelf; too few on hand is said on the quantity.
 */
export function AddPartModal({ order, onClose }: { order: WorkOrderDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddOrderPart();
  const [part, setPart] = useState<Part | null>(null);
  const [error, setError] = useState<string | null>(null);
  const qtyRef = useRef<InputRef>(null);
  const rules = useFormRules();
  const searchRef = useRef<InputRef>(null);
  const covered = Form.useWatch('coveredByWarranty', form);

  const pick = (picked: Part) => {
    setPart(picked);
    setError(null);
    form.setFieldsValue({ partId: picked.id, unitPrice: fenToYuan(picked.salePrice) });
    form.setFields([{ name: 'qty', errors: [] }]);
    window.setTimeout(() => qtyRef.current?.select(), 0);
  };

  const save = (values: Values) => {
    setError(null);
    add.mutate(
      {
        id: order.id,
        partId: values.partId,
        qty: numberOf(values.qty, 0) ?? 0,
        ...lineTerms(values),
      },
      {
        onSuccess: () => {
          void message.success(t('orderParts.added', { code: part?.code ?? '' }));
          onClose();
        },
        onError: (e) => setError(showPartError(form, e, t, part)),
      },
    );
  };

  return (
    <FormModal<Values>
      title={t('orderParts.addTitle', { orderNo: order.orderNo })}
      testId="wo-part-add"
      name="addPart"
      form={form}
      initialValues={{
        qty: '1',
        coveredByWarranty: coveredByDefault(order),
        oldPartSerial: '',
        oldPartRma: false,
      }}
      pending={add.isPending}
      error={error}
      submitText={t('orderParts.addSubmit')}
      onFinish={save}
      onClose={onClose}
    >
      <Form.Item label={t('orderParts.part')} required extra={t('orderParts.pickerHelp')}>
        <Form.Item name="partId" noStyle rules={[{ required: true, message: t('orderParts.pickFirst') }]}>
          <ChosenId />
        </Form.Item>
        {part ? (
          <Flex
            justify="space-between"
            align="center"
            gap="small"
            className="pick-list"
            style={{ padding: '6px 10px' }}
            data-testid="wo-part-add-chosen"
          >
            <Flex vertical>
              <Flex gap="small" align="baseline" wrap>
                <Typography.Text strong>{part.code}</Typography.Text>
                <span>{part.name}</span>
                {part.spec && <Typography.Text type="secondary">{part.spec}</Typography.Text>}
              </Flex>
              <Flex gap={4}>
                <Tag color={part.onHand > 0 ? 'green' : 'red'}>
                  {t('orderParts.onHand', { qty: part.onHand, unit: part.unit })}
                </Tag>
                {part.location && <Tag>{t('orderParts.location', { location: part.location })}</Tag>}
                <Typography.Text type="secondary">
                  {t('orderParts.salePrice', { price: formatYuan(part.salePrice) })}
                </Typography.Text>
              </Flex>
            </Flex>
            <Button
              size="small"
              onClick={() => {
                setPart(null);
                form.setFieldsValue({ partId: undefined });
                window.setTimeout(() => searchRef.current?.focus(), 0);
              }}
              data-testid="wo-part-add-change"
            >
              {t('orderParts.changePart')}
            </Button>
          </Flex>
        ) : (
          <PartPicker testId="wo-part-picker" onPick={pick} inputRef={searchRef} autoFocus />
        )}
      </Form.Item>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item
            label={part ? t('orderParts.qtyIn', { unit: part.unit }) : t('orderParts.qty')}
            name="qty"
            rules={[rules.whole(orderQty, { required: true })]}
          >
            <NumberInput ref={qtyRef} data-testid="wo-part-add-qty" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <UnitPriceField
            testId="wo-part-add"
            extra={covered ? t('orderParts.coveredPriceHelp') : undefined}
          />
        </Col>
      </Row>
      <WarrantyAndOldPart
        testId="wo-part-add"
        warrantyNote={
          <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
            {t('orderParts.coveredDefault', { status: t(`warranty.${order.warrantyStatus}`) })}
          </Typography.Text>
        }
      />
    </FormModal>
  );
}
