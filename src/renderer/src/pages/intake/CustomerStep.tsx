import { useState } from 'react';
import { Button, Col, Flex, Form, Input, Radio, Row, Select, Tag, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_TYPES,
  createCustomerInput,
  phoneNumber,
  type CustomerType,
} from '@shared/schemas/customers';
import { phoneDigitsOf, useCreateCustomer, usePhoneMatches } from '../../api/customers';
import { searchTerm, useGlobalSearch, useSearchNow, type SearchResult } from '../../api/search';
import { useSettings } from '../../api/settings';
import { conflictMatches } from '../../components/formErrors';
import { DuplicatePhoneWarning, matchLabel } from '../../components/DuplicatePhoneWarning';
import { useFormRules } from '../../components/formRules';
import { phoneQuery } from '../../components/GlobalSearch';
import { handleListKey, PickList, type PickItem } from '../../components/PickList';
import { TextInput } from '../../components/TextInput';
import { errorMessage } from '../../i18n/errorMessage';

interface NewCustomerValues {
  name: string;
  phone: string;
  level: string;
  type: CustomerType;
}

type Choice = { kind: 'customer'; id: string } | { kind: 'new' };

function choicesOf(result: SearchResult | undefined): Choice[] {
  return [
    ...(result?.customers ?? []).map((c) => ({ kind: 'customer' as const, id: c.id })),
    { kind: 'new' },
  ];
}

/** A new customer in four fields (name, phone, level, type); Enter saves. The rest can wait. */
function NewCustomerForm({
  text,
  onCreated,
  onCancel,
}: {
  text: string;
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const rules = useFormRules();
  const [form] = Form.useForm<NewCustomerValues>();
  const settings = useSettings();
  const create = useCreateCustomer();
  const [acknowledged, setAcknowledged] = useState(false);
  const phone = Form.useWatch('phone', form) ?? '';
  const live = usePhoneMatches([phone]);
  const refused = conflictMatches(create.error);
  const matches = live.length > 0 ? live.map((m) => ({ id: m.id, label: matchLabel(m) })) : refused;
  const levels = settings.data?.counter.customerLevels ?? ['普通'];
  const typed = text.trim();
  const initialPhone = phoneQuery(typed) ?? '';

  const submit = (values: NewCustomerValues) =>
    create.mutate(
      {
        name: values.name,
        type: values.type,
        level: values.level,
        phones: [{ phone: phoneDigitsOf(values.phone), label: '' }],
        allowDuplicatePhone: acknowledged,
      },
      { onSuccess: (c) => onCreated(c.id) },
    );

  return (
    <Form<NewCustomerValues>
      form={form}
      name="intakeCustomer"
      layout="vertical"
      data-testid="intake-customer-form"
      initialValues={{
        name: initialPhone ? '' : typed,
        phone: initialPhone,
        level: levels[0],
        type: 'individual',
      }}
      onFinish={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <UserAddOutlined /> {t('intake.newCustomerTitle')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('customers.name')}
            name="name"
            rules={[rules.text(createCustomerInput.shape.name)]}
          >
            <TextInput
              schema={createCustomerInput.shape.name}
              autoFocus
              autoComplete="off"
              data-testid="intake-new-name"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('customers.phone')} name="phone" rules={[rules.phone(phoneNumber)]}>
            <Input inputMode="tel" autoComplete="off" data-testid="intake-new-phone" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label={t('customers.level')} name="level">
            <Select options={levels.map((l) => ({ value: l, label: l }))} data-testid="intake-new-level" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('customers.type')} name="type">
            <Radio.Group
              options={CUSTOMER_TYPES.map((ty) => ({ value: ty, label: t(`customerTypes.${ty}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <DuplicatePhoneWarning
        matches={matches}
        acknowledged={acknowledged}
        onAcknowledge={setAcknowledged}
        onUse={onCreated}
      />
      {create.error && !(refused.length > 0 && acknowledged) && (
        <Typography.Paragraph type="danger" data-testid="intake-customer-error">
          {errorMessage(create.error, t)}
        </Typography.Paragraph>
      )}
      <Flex gap="small">
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending}
          data-testid="intake-customer-submit"
        >
          {t('intake.createCustomer')} <span className="kbd">Enter</span>
        </Button>
        <Button onClick={onCancel} data-testid="intake-customer-cancel">
          {t('intake.backToSearch')}
        </Button>
      </Flex>
    </Form>
  );
}

/**
 * Step 1: who. Type a phone (or its tail), a name or pinyin initials; ↑↓ and Enter pick a customer.
 * The last row is always 新客户, highlighted at once when nobody matches.
 */
export function CustomerStep({
  initialText,
  onPicked,
}: {
  initialText: string;
  onPicked: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialText);
  const [creating, setCreating] = useState(phoneQuery(initialText) !== null);
  const [active, setActive] = useState(0);
  const { query, q } = useGlobalSearch(text);
  const searchNow = useSearchNow();
  const typed = searchTerm(text);
  const result = typed ? query.data : undefined;
  const choices = choicesOf(result);
  const phone = phoneQuery(typed);

  const pickChoice = (choice: Choice | undefined) => {
    if (!choice) return;
    if (choice.kind === 'customer') onPicked(choice.id);
    else setCreating(true);
  };
  const pick = async (index: number) => {
    const settled = !typed || (q === typed && !query.isPlaceholderData);
    if (settled) return pickChoice(choices[index]);
    // Enter came before the results for what is typed now: ask now, take the best match.
    const fresh = await searchNow(typed).catch(() => undefined);
    pickChoice(choicesOf(fresh)[0]);
  };

  if (creating)
    return <NewCustomerForm text={text} onCreated={onPicked} onCancel={() => setCreating(false)} />;

  const items: PickItem[] = (result?.customers ?? []).map((c) => ({
    key: c.id,
    testId: `intake-customer-${c.id}`,
    content: (
      <>
        <Flex gap="middle" align="baseline">
          <Typography.Text strong>{c.name}</Typography.Text>
          <span>{c.phone}</span>
          <Typography.Text type="secondary">{c.code}</Typography.Text>
        </Flex>
        <Flex gap={4}>
          <Tag>{c.level}</Tag>
          {c.archived && <Tag>{t('customers.archivedTag')}</Tag>}
        </Flex>
      </>
    ),
  }));
  items.push({
    key: 'new',
    testId: 'intake-new-customer',
    content: (
      <Typography.Text>
        <UserAddOutlined /> {phone ? t('intake.newCustomerWithPhone', { phone }) : t('intake.newCustomer')}
      </Typography.Text>
    ),
  });

  return (
    <Flex vertical gap="small">
      <Input
        autoFocus
        size="large"
        value={text}
        allowClear
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => void handleListKey(e, items.length, active, setActive, (i) => void pick(i))}
        placeholder={t('intake.searchPlaceholder')}
        aria-label={t('intake.searchLabel')}
        data-testid="intake-customer-search"
      />
      <PickList
        items={items}
        active={active}
        onActive={setActive}
        onPick={(i) => void pick(i)}
        testId="intake-customer-list"
        label={t('intake.stepCustomer')}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('intake.pickHint')}
      </Typography.Text>
    </Flex>
  );
}
