import { DatePicker, Flex, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  BUCKETS,
  defaultBucket,
  presetDays,
  PRESETS,
  type Bucket,
  type PeriodState,
  type Preset,
} from '../../lib/reportPeriod';
import { fromIsoDate, toIsoDate } from '../../lib/format';

/** 今日 / 本周 / 本月 / 本年 / 自定义, the custom days, and the chart's bucket (day / week / month). */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: PeriodState;
  onChange: (next: PeriodState) => void;
}) {
  const { t } = useTranslation();
  const { preset, period } = value;

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
            onChange({ preset: 'custom', period: { ...period, from: toIsoDate(r[0]), to: toIsoDate(r[1]) } });
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
    </Flex>
  );
}
