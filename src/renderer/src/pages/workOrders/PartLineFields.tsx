import type { ReactNode } from 'react';
import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuanToFen } from '../../components/money';

/** The terms of a part line that adding and editing it share; the price is in 元 in the form. */
export interface LineTermsValues {
  unitPrice: number | null;
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
export function WarrantyAndOldPart({ testId, warrantyNote }: { testId: string; warrantyNote?: ReactNode }) {
  const { t } = useTranslation();
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
          <Form.Item label={t('orderParts.oldPartSerial')} name="oldPartSerial" rules={[{ max: 80 }]}>
            <Input
              maxLength={80}
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
