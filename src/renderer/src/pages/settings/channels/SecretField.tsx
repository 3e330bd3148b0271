import { Checkbox, Form, Input, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SecretChange, SecretState } from '@shared/schemas/channels';

const STATE_COLOR: Record<SecretState, string> = { notSet: 'default', set: 'green', unreadable: 'red' };

/** What a secret field's typing and its clear box mean for the save: replace, clear or keep. */
export function secretChangeOf(typed: string | undefined, clear: boolean | undefined): SecretChange {
  if (typed) return { action: 'replace', value: typed };
  return clear ? { action: 'clear' } : { action: 'keep' };
}

/**
 * A secret the server never sends back: its state as a tag (已设置 / 未设置 / 无法解密), a password box
 * that replaces it when something is typed, and a box to remove it.
 */
export function SecretField({
  name,
  clearName,
  label,
  state,
  testId,
}: {
  name: string[];
  clearName: string[];
  label: string;
  state: SecretState;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={
        <Space>
          {label}
          <Tag color={STATE_COLOR[state]} data-testid={`${testId}-state`}>
            {t(`channelSettings.secret.${state}`)}
          </Tag>
        </Space>
      }
      required={false}
    >
      <Form.Item name={name} noStyle>
        <Input.Password
          autoComplete="new-password"
          placeholder={t(
            state === 'notSet'
              ? 'channelSettings.secret.newPlaceholder'
              : 'channelSettings.secret.keepPlaceholder',
          )}
          data-testid={testId}
        />
      </Form.Item>
      {state !== 'notSet' && (
        <Form.Item name={clearName} valuePropName="checked" noStyle>
          <Checkbox style={{ marginTop: 4 }} data-testid={`${testId}-clear`}>
            {t('channelSettings.secret.clear')}
          </Checkbox>
        </Form.Item>
      )}
    </Form.Item>
  );
}
