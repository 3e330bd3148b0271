import { useState } from 'react';
import { App, Checkbox, Col, Form, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceItem } from '@shared/schemas/billing';
import { addChargeInput, type ChargeLine } from '@shared/schemas/charges';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { useAddCharge, useUpdateCharge } from '../../api/settlements';
import { useSettings } from '../../api/settings';
import { TechnicianSelect } from '../../components/TechnicianSelect';
import { FormModal } from '../../components/FormModal';
import { useFormRules } from '../../components/formRules';
import { fenToYuan, formatYuan, yuanToFen } from '../../lib/money';
import { NumberInput } from '../../components/NumberInput';
import { numberOf, numberText } from '../../lib/numberText';
import { YuanInput } from '../../components/YuanInput';
import { useManagerApproval } from '../settlements/ManagerApproval';
import { errorMessage } from '../../i18n/errorMessage';
import { showFieldErrors } from '../../components/formErrors';

interface Values {
  itemCode: string | undefined;
  technicianId: string | null;
  /** Hours and 元, as typed. */
  hours: string;
  amount: string;
  coveredByWarranty: boolean;
}

/** Covered unless the order is out of warranty: the server's own default for a new line. */
function coveredByDefault(order: WorkOrderDetail): boolean {
  return order.warrantyStatus !== 'out';
}

/**
 * 添加/修改 a labor or fee line. A new line starts from the service item: its standard hours and
 * price, the order's technician and warranty. An amount below the item's price asks for a manager
 * when the billing settings say so (the server decides; the form warns beforehand).
 */
export function ChargeModal({
  order,
  line,
  onClose,
}: {
  order: WorkOrderDetail;
  /** The line to edit; a new line when absent. */
  line?: ChargeLine;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const settings = useSettings();
  const add = useAddCharge();
  const update = useUpdateCharge();
  const approval = useManagerApproval();
  const [error, setError] = useState<string | null>(null);
  const rules = useFormRules();
  const fields = addChargeInput.shape;
  const billing = settings.data?.billing;
  const items = (billing?.serviceItems ?? []).filter((i) => i.active || i.code === line?.itemCode);
  const code = Form.useWatch('itemCode', form) ?? line?.itemCode;
  const item: ServiceItem | undefined = (billing?.serviceItems ?? []).find((i) => i.code === code);
  const kind = item?.kind ?? line?.kind ?? 'labor';
  const amount = yuanToFen(Form.useWatch('amount', form));
  const below =
    item !== undefined &&
    amount !== null &&
    amount >= 0 &&
    amount < item.price &&
    (billing?.laborBelowPriceNeedsApproval ?? false);

  const keep = line?.technicianId ?? order.technicianId;
  const keepName = line ? line.technicianName : order.technicianName;
  const current = keep ? { id: keep, name: keepName ?? keep } : undefined;

  const pick = (picked: string) => {
    const next = billing?.serviceItems.find((i) => i.code === picked);
    if (!next) return;
    form.setFieldsValue({
      hours: next.kind === 'labor' ? numberText(next.hours) : '',
      amount: fenToYuan(next.price),
      technicianId: next.kind === 'labor' ? order.technicianId : null,
    });
  };

  const submit = (values: Values) => {
    setError(null);
    const labor = kind === 'labor';
    const terms = {
      ...(labor ? { technicianId: values.technicianId ?? null, hours: numberOf(values.hours, 1) ?? 0 } : {}),
      amount: yuanToFen(values.amount) ?? 0,
      coveredByWarranty: values.coveredByWarranty,
    };
    const name = item?.name ?? line?.name ?? '';
    const done = (key: 'added' | 'updated') => () => {
      void message.success(t(`settlements.charges.${key}`, { name }));
      onClose();
    };
    const failed = (e: unknown) => {
      showFieldErrors(form, e, t, { topLevelOnly: true });
      setError(errorMessage(e, t));
    };
    if (line) {
      const input = { lineId: line.id, ...terms };
      approval.withApproval((given) => update.mutateAsync(given ? { ...input, approval: given } : input), {
        what: 'belowPrice',
        onSuccess: done('updated'),
        onError: failed,
      });
    } else {
      const input = { id: order.id, itemCode: values.itemCode ?? '', ...terms };
      approval.withApproval((given) => add.mutateAsync(given ? { ...input, approval: given } : input), {
        what: 'belowPrice',
        onSuccess: done('added'),
        onError: failed,
      });
    }
  };

  const initialValues: Values = line
    ? {
        itemCode: line.itemCode,
        technicianId: line.technicianId,
        hours: line.kind === 'labor' ? numberText(line.hours) : '',
        amount: fenToYuan(line.amount),
        coveredByWarranty: line.coveredByWarranty,
      }
    : {
        itemCode: undefined,
        technicianId: order.technicianId,
        hours: '',
        amount: '',
        coveredByWarranty: coveredByDefault(order),
      };

  return (
    <>
      <FormModal<Values>
        title={
          line
            ? t('settlements.charges.editTitle', { name: line.name })
            : t('settlements.charges.addTitle', { orderNo: order.orderNo })
        }
        testId="wo-charge"
        name="charge"
        form={form}
        initialValues={initialValues}
        pending={add.isPending || update.isPending || approval.asking}
        error={error}
        onFinish={submit}
        onClose={onClose}
      >
        {!line && items.length === 0 && settings.data && (
          <Typography.Paragraph type="warning">{t('settlements.charges.noItems')}</Typography.Paragraph>
        )}
        <Form.Item
          label={t('settlements.charges.item')}
          name="itemCode"
          rules={[{ required: true, message: t('validation.required') }]}
          extra={
            item &&
            (item.kind === 'labor'
              ? t('settlements.charges.standard', { price: formatYuan(item.price), hours: item.hours })
              : t('settlements.charges.standardFee', { price: formatYuan(item.price) }))
          }
        >
          <Select
            autoFocus={!line}
            disabled={Boolean(line)}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('settlements.charges.itemPlaceholder')}
            onChange={pick}
            options={items.map((i) => ({
              value: i.code,
              label: `${i.code} ${i.name} · ${t(`lineKinds.${i.kind}`)}`,
            }))}
            data-testid="wo-charge-item"
          />
        </Form.Item>
        {kind === 'labor' ? (
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item label={t('settlements.charges.technician')} name="technicianId">
                <TechnicianSelect
                  placeholder={t('settlements.charges.unassigned')}
                  current={current}
                  data-testid="wo-charge-technician"
                />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item
                label={t('settlements.charges.hours')}
                name="hours"
                rules={[rules.decimal(fields.hours, 1, { required: true })]}
              >
                <NumberInput
                  decimal
                  suffix={t('settlements.charges.hoursUnit')}
                  style={{ width: '100%' }}
                  data-testid="wo-charge-hours"
                />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Typography.Paragraph type="secondary">
            {t('settlements.charges.feeNoTechnician')}
          </Typography.Paragraph>
        )}
        <Form.Item
          label={t('settlements.charges.amountYuan')}
          name="amount"
          rules={[rules.money(fields.amount, { required: true })]}
          extra={
            below && item ? (
              <Typography.Text type="warning" data-testid="wo-charge-below">
                {t('settlements.charges.belowPrice', { price: formatYuan(item.price) })}
              </Typography.Text>
            ) : undefined
          }
        >
          <YuanInput data-testid="wo-charge-amount" />
        </Form.Item>
        <Form.Item name="coveredByWarranty" valuePropName="checked">
          <Checkbox data-testid="wo-charge-warranty">
            {t('settlements.charges.coveredByWarranty')}
            <Typography.Text type="secondary">
              {t('settlements.charges.coveredDefault', { status: t(`warranty.${order.warrantyStatus}`) })}
            </Typography.Text>
          </Checkbox>
        </Form.Item>
      </FormModal>
      {approval.modal}
    </>
  );
}
