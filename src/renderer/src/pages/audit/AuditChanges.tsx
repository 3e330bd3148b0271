import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/schemas/audit';

type Json = Record<string, unknown>;
const MAX_FIELDS = 3;
const MAX_TEXT = 32;

function show(value: unknown): string {
  if (value === undefined) return '∅';
  if (value === '') return '""';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function changedKeys(before: Json | null, after: Json | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]));
}

/** One line per changed field, `field: before → after`; the expanded row shows the full JSON. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const keys = changedKeys(entry.before, entry.after);
  if (keys.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <div>
      {keys.slice(0, MAX_FIELDS).map((key) => (
        <div key={key}>
          <Typography.Text type="secondary">{key}: </Typography.Text>
          {entry.before && <Typography.Text delete>{show(entry.before[key])}</Typography.Text>}
          {entry.before && entry.after && ' → '}
          {entry.after && <Typography.Text>{show(entry.after[key])}</Typography.Text>}
        </div>
      ))}
      {keys.length > MAX_FIELDS && (
        <Typography.Text type="secondary">… +{keys.length - MAX_FIELDS}</Typography.Text>
      )}
    </div>
  );
}

/** The whole before and after, for the expanded row. */
export function AuditDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const block = (title: string, value: Json | null) => (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="audit-json">{value ? JSON.stringify(value, null, 2) : t('common.none')}</pre>
    </div>
  );
  return (
    <div style={{ display: 'flex', gap: 24 }} data-testid={`audit-detail-${entry.id}`}>
      {block(t('audit.before'), entry.before)}
      {block(t('audit.after'), entry.after)}
    </div>
  );
}
