import { Button, DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction } from '@shared/schemas/audit';
import { useAuditFacets } from '../../api/audit';
import { entityLabel } from './labels';

export interface AuditFilterValues {
  userId?: string;
  entity?: string;
  action?: AuditAction;
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface AuditFiltersProps {
  onChange: (values: AuditFilterValues) => void;
}

/** Filters apply as soon as they change; the server does the filtering and paging. */
export function AuditFilters({ onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
  const facets = useAuditFacets();

  const clear = () => {
    form.resetFields();
    onChange({});
  };

  return (
    <Form<AuditFilterValues>
      form={form}
      name="auditFilters"
      layout="inline"
      data-testid="audit-filters"
      onValuesChange={(_, all) => onChange(all)}
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item label={t('audit.user')} name="userId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.anyUser')}
          style={{ width: 160 }}
          loading={facets.isPending}
          options={facets.data?.users.map((u) => ({ value: u.id, label: u.username }))}
          data-testid="audit-filter-user"
        />
      </Form.Item>
      <Form.Item label={t('audit.entity')} name="entity">
        <Select
          allowClear
          placeholder={t('audit.anyEntity')}
          style={{ width: 140 }}
          loading={facets.isPending}
          options={facets.data?.entities.map((e) => ({ value: e, label: entityLabel(e, t) }))}
          data-testid="audit-filter-entity"
        />
      </Form.Item>
      <Form.Item label={t('audit.action')} name="action">
        <Select
          allowClear
          placeholder={t('audit.anyAction')}
          style={{ width: 140 }}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`auditActions.${a}`) }))}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      <Form.Item label={t('audit.dateRange')} name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="audit-filter-range" />
      </Form.Item>
      <Form.Item>
        <Button onClick={clear} data-testid="audit-filter-clear">
          {t('audit.clear')}
        </Button>
      </Form.Item>
    </Form>
  );
}
