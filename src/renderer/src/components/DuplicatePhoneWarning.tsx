import { Alert, Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

interface DuplicateMatch {
  id: string;
  label: string;
}

interface DuplicatePhoneWarningProps {
  matches: DuplicateMatch[];
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
  /** Offer "this is the customer" beside each match (the intake picks the existing record). */
  onUse?: (id: string) => void;
}

/**
 * Someone else already has this phone number. Often it is the same person (use that record),
 * sometimes a family member sharing a number: the clerk ticks the box and saves anyway.
 */
export function DuplicatePhoneWarning({
  matches,
  acknowledged,
  onAcknowledge,
  onUse,
}: DuplicatePhoneWarningProps) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="duplicate-phone"
      title={t('customers.duplicateTitle')}
      description={
        <Flex vertical gap={4}>
          {matches.map((m) => (
            <Flex key={m.id + m.label} gap="small" align="center">
              {onUse ? (
                <Typography.Link onClick={() => onUse(m.id)} data-testid={`duplicate-use-${m.id}`}>
                  {m.label} · {t('customers.useThis')}
                </Typography.Link>
              ) : (
                <Link to={`/customers/${m.id}`}>{m.label}</Link>
              )}
            </Flex>
          ))}
          <Checkbox
            checked={acknowledged}
            onChange={(e) => onAcknowledge(e.target.checked)}
            data-testid="duplicate-ack"
          >
            {t('customers.duplicateAck')}
          </Checkbox>
        </Flex>
      }
    />
  );
}

/** A checkPhone hit as one line: 张三（C000123）13800138000. */
export function matchLabel(m: { name: string; code: string; phone: string }): string {
  return `${m.name}（${m.code}）${m.phone}`;
}
