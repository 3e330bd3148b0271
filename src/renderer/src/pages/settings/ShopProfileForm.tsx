import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { branchCode, shopProfile, type ShopProfile } from '@shared/schemas/settings';
import { normalizeBranchCode, useFormRules } from '../../components/formRules';
import { TextInput } from '../../components/TextInput';
import { LogoInput } from './LogoInput';

const fields = shopProfile.shape;
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
      <Form.Item label={t('settings.name')} name="name" rules={[rules.text(fields.name)]}>
        <TextInput schema={fields.name} />
      </Form.Item>
      <Form.Item
        label={t('settings.branchCode')}
        name="branchCode"
        rules={[rules.text(branchCode, 'branchCode')]}
        normalize={normalizeBranchCode}
        extra={t('settings.branchCodeHelp')}
      >
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('settings.address')} name="address" rules={[rules.text(fields.address)]}>
        <TextInput schema={fields.address} />
      </Form.Item>
      <Form.Item label={t('settings.phone')} name="phone" rules={[rules.text(fields.phone)]}>
        <TextInput schema={fields.phone} style={{ width: 240 }} />
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
