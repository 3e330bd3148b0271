import { useState } from 'react';
import { DatePicker, Flex, Segmented, Select, Typography } from 'antd';
import { warrantyEndFrom } from '@shared/dates';
import { MAX_PERIOD_YEARS } from '@shared/schemas/reports';
import { useTranslation } from 'react-i18next';
import {
  BUCKETS,
  bucketFor,
  defaultBucket,
  presetDays,
  PRESETS,
  type Bucket,
  type PeriodState,
  type Preset,
} from '../../lib/reportPeriod';
import { fromIsoDate, toIsoDate } from '../../lib/format';

/**
 * 今日 / 本周 / 本月 / 本年 / 自定义, the custom days, and the chart's bucket (day … year). A custom
 * range takes the bucket that suits its length (the user may pick another); a range over ten years
 * is refused with a message, never cut short.
 */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: PeriodState;
  onChange: (next: PeriodState) => void;
}) {
  const { t } = useTranslation();
  const { preset, period } = value;
  // The period shown when a too-long range was refused: the message goes once the period changes.
  const [refusedAt, setRefusedAt] = useState<PeriodState['period'] | null>(null);
  const tooLong = refusedAt === period;

  const pickPreset = (next: Preset) => {
    const bucket: Bucket = defaultBucket(next);
    if (next === 'custom') {
      onChange({ preset: next, period: { ...period } });
      return;
    }
    const [from, to] = presetDays(next);
    onChange({ preset: next, period: { from, to, bucket } });
  };

  return (
    <Flex gap="middle" wrap align="center" data-testid="report-period">
      <Typography.Text type="secondary">{t('reports.period.label')}</Typography.Text>
      <Segmented<Preset>
        value={preset}
        onChange={pickPreset}
        data-testid="period-preset"
        options={PRESETS.map((p) => ({
          value: p,
          label: <span data-testid={`period-${p}`}>{t(`reports.period.presets.${p}`)}</span>,
        }))}
      />
      <DatePicker.RangePicker
        value={[fromIsoDate(period.from), fromIsoDate(period.to)]}
        allowClear={false}
        data-testid="period-range"
        onChange={(r) => {
          if (r?.[0] && r[1]) {
            const [from, to] = [toIsoDate(r[0]), toIsoDate(r[1])];
            const over = to > warrantyEndFrom(from, MAX_PERIOD_YEARS * 12);
            setRefusedAt(over ? period : null);
            if (!over) onChange({ preset: 'custom', period: { from, to, bucket: bucketFor(from, to) } });
          }
        }}
      />
      <Select<Bucket>
        value={period.bucket}
        style={{ width: 100 }}
        aria-label={t('reports.period.bucket')}
        data-testid="period-bucket"
        onChange={(bucket) => onChange({ preset, period: { ...period, bucket } })}
        options={BUCKETS.map((b) => ({ value: b, label: t(`reports.period.buckets.${b}`) }))}
      />
      {tooLong && (
        <Typography.Text type="danger" data-testid="period-too-long">
          {t('reports.period.tooLong', { years: MAX_PERIOD_YEARS })}
        </Typography.Text>
      )}
    </Flex>
  );
}
