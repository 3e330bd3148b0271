import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopProfile } from '@shared/schemas/settings';
import { useUpdateSettings } from '../../api/settings';
import { showFieldErrors } from '../../components/formErrors';
import { normalizeBranchCode, useFormRules } from '../../components/formRules';
import { errorMessage } from '../../i18n/errorMessage';
import { LogoInput } from './LogoInput';

interface ShopProfileFormProps {
  shop: ShopProfile;
  readOnly: boolean;
}

export function ShopProfileForm({ shop, readOnly }: ShopProfileFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShopProfile>();
  const update = useUpdateSettings();
  const rules = useFormRules();

  const submit = (values: ShopProfile) =>
    update.mutate(
      { shop: { ...values, logo: values.logo ?? null } },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => {
          showFieldErrors(form, error, t);
          void message.error(errorMessage(error, t));
        },
      },
    );

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
        <Button
          type="primary"
          htmlType="submit"
          loading={update.isPending}
          data-testid="settings-shop-submit"
        >
          {t('settings.saveShop')}
        </Button>
      )}
    </Form>
  );
}
