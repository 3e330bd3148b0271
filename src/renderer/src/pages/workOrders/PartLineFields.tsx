import type { ReactNode } from 'react';
import { Checkbox, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { addOrderPartInput } from '@shared/schemas/orderParts';
import { useFormRules } from '../../components/formRules';
import { yuanToFen } from '../../lib/money';
import { TextInput } from '../../components/TextInput';
import { YuanInput } from '../../components/YuanInput';

const fields = addOrderPartInput.shape;

/** The terms of a part line that adding and editing it share; the price is in 元 in the form. */
export interface LineTermsValues {
  /** 元, as typed. */
  unitPrice: string;
  coveredByWarranty: boolean;
  oldPartSerial: string;
  oldPartRma: boolean;
}

/** The form's terms as the contract takes them: the price in fen, the old part's serial trimmed. */
export function lineTerms(values: LineTermsValues) {
  return {
    unitPrice: yuanToFen(values.unitPrice) ?? 0,
    coveredByWarranty: values.coveredByWarranty,
    oldPartSerial: values.oldPartSerial.trim(),
    oldPartRma: values.oldPartRma,
  };
}

/**
 * Whether the warranty covers the part (`warrantyNote` after the label says why it is ticked by
 * default), then the old part taken out: its serial and whether it goes back to the maker (RMA).
 */
/** The price per unit in 元, checked against the contract's money limits. */
export function UnitPriceField({
  testId,
  extra,
  autoFocus,
}: {
  testId: string;
  extra?: ReactNode;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const rules = useFormRules();
  return (
    <Form.Item
      label={t('orderParts.unitPriceYuan')}
      name="unitPrice"
      rules={[rules.money(fields.unitPrice, { required: true })]}
      extra={extra}
    >
      <YuanInput autoFocus={autoFocus} data-testid={`${testId}-price`} />
    </Form.Item>
  );
}

export function WarrantyAndOldPart({ testId, warrantyNote }: { testId: string; warrantyNote?: ReactNode }) {
  const { t } = useTranslation();
  const rules = useFormRules();
  return (
    <>
      <Form.Item name="coveredByWarranty" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid={`${testId}-warranty`}>
          {t('orderParts.coveredByWarranty')}
          {warrantyNote}
        </Checkbox>
      </Form.Item>
      <Row gutter={12} align="bottom">
        <Col span={16}>
          <Form.Item
            label={t('orderParts.oldPartSerial')}
            name="oldPartSerial"
            rules={[rules.text(fields.oldPartSerial)]}
          >
            <TextInput
              schema={fields.oldPartSerial}
              placeholder={t('orderParts.oldPartPlaceholder')}
              data-testid={`${testId}-old`}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="oldPartRma" valuePropName="checked">
            <Checkbox data-testid={`${testId}-rma`}>{t('orderParts.rma')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
