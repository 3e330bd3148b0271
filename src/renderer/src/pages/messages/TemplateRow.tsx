import { Alert, Card, Col, Flex, Form, Input, Radio, Row, Tag, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  MESSAGE_VARIABLES,
  renderTemplate,
  smsLength,
  smsSegments,
  unknownVariables,
  type MessageValues,
} from '@shared/messageTemplates';
import { MESSAGE_MODES, type MessageEvent } from '@shared/schemas/messageKinds';
import { templateText } from '@shared/schemas/messages';
import { useFormRules } from '../../components/formRules';
import type { TemplateFormValues } from './templateForm';

/**
 * One event's template: its mode, its text with the variables to insert, and the live preview on the
 * chosen order (or the sample) with its length in SMS and the variables it lacks or does not know.
 */
export function TemplateRow({
  event,
  form,
  values,
}: {
  event: MessageEvent;
  form: FormInstance<TemplateFormValues>;
  values: MessageValues;
}) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const name = ['templates', event, 'text'] as ['templates', MessageEvent, 'text'];
  const text = Form.useWatch(name, form) ?? '';
  const mode = Form.useWatch(['templates', event, 'mode'], form);
  const rendered = renderTemplate(text, values);
  const unknown = unknownVariables(text);
  const chars = smsLength(rendered.text);
  const insert = (variable: string) => {
    form.setFieldValue(name, `${String(form.getFieldValue(name) ?? '')}{${variable}}`);
    void form.validateFields([name]);
  };

  return (
    <Card
      size="small"
      title={t(`messageEvents.${event}`)}
      data-testid={`template-${event}`}
      extra={
        <Form.Item name={['templates', event, 'mode']} noStyle>
          <Radio.Group
            optionType="button"
            size="small"
            data-testid={`template-${event}-mode`}
            options={MESSAGE_MODES.map((m) => ({ value: m, label: t(`messageModes.${m}`) }))}
          />
        </Form.Item>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item
            name={name}
            style={{ marginBottom: 8 }}
            rules={[
              rules.text(templateText),
              {
                validator: (_, value: string | undefined) => {
                  const [first] = unknownVariables(value ?? '');
                  return first === undefined
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(t('fieldErrors.unknownTemplateVariable', { variable: `{${first}}` })),
                      );
                },
              },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} data-testid={`template-${event}-text`} />
          </Form.Item>
          <Flex wrap gap={4}>
            {MESSAGE_VARIABLES.map((v) => (
              <Tag.CheckableTag
                key={v.name}
                checked={false}
                onChange={() => insert(v.name)}
                data-testid={`template-${event}-var-${v.alias}`}
              >
                {`{${v.name}}`}
              </Tag.CheckableTag>
            ))}
          </Flex>
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Text type="secondary">{t('messages.templates.preview')}</Typography.Text>
          <div className="message-preview" data-testid={`template-${event}-preview`} data-mode={mode}>
            {rendered.text}
          </div>
          <Flex gap={8} wrap align="center">
            <Typography.Text data-testid={`template-${event}-length`} data-segments={smsSegments(chars)}>
              {t('messages.templates.length', { chars, segments: smsSegments(chars) })}
            </Typography.Text>
            {rendered.missing.length > 0 && (
              <Tag color="orange" data-testid={`template-${event}-missing`}>
                {t('messages.templates.missing', { names: rendered.missing.join(t('common.listSeparator')) })}
              </Tag>
            )}
          </Flex>
          {unknown.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 8 }}
              title={t('messages.templates.unknown', {
                names: unknown.map((u) => `{${u}}`).join(t('common.listSeparator')),
              })}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
