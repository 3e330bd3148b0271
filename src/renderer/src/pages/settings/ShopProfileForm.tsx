import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopProfile } from '@shared/schemas/settings';
import { normalizeBranchCode, useFormRules } from '../../components/formRules';
import { LogoInput } from './LogoInput';
import { useSaveSettings } from './useSaveSettings';

interface ShopProfileFormProps {
  shop: ShopProfile;
  readOnly: boolean;
}

export function ShopProfileForm({ shop, readOnly }: ShopProfileFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ShopProfile>();
  const { save, pending } = useSaveSettings(form);
  const rules = useFormRules();

  const submit = (values: ShopProfile) => save({ shop: { ...values, logo: values.logo ?? null } });

  return (
    <Form<ShopProfile>
      form={form}
      name="shop"
      layout="vertical"
      data-testid="settings-shop-form"
      initialValues={shop}
      disabled={readOnly}
      onFinish={submit}
      style={{ maxWidth: 520 }}
    >
      <Form.Item label={t('settings.name')} name="name" rules={rules.shopName}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        label={t('settings.branchCode')}
        name="branchCode"
        rules={rules.branchCode}
        normalize={normalizeBranchCode}
        extra={t('settings.branchCodeHelp')}
      >
        <Input maxLength={8} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('settings.address')} name="address" rules={[rules.max(120)]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item label={t('settings.phone')} name="phone" rules={[rules.max(40)]}>
        <Input maxLength={40} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label={t('settings.logo')} name="logo" extra={readOnly ? undefined : t('settings.logoHelp')}>
        <LogoInput readOnly={readOnly} />
      </Form.Item>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={pending} data-testid="settings-shop-submit">
          {t('settings.saveShop')}
        </Button>
      )}
    </Form>
  );
}
