import { DatePicker } from 'antd';
import type { DayRange } from './periods';

/** A report's period: whole days, both ends always set (it cannot be cleared). */
export function DayRangePicker({
  value,
  onChange,
  testId,
}: {
  value: DayRange;
  onChange: (range: DayRange) => void;
  testId: string;
}) {
  return (
    <DatePicker.RangePicker
      value={value}
      allowClear={false}
      onChange={(r) => {
        if (r?.[0] && r[1]) onChange([r[0], r[1]]);
      }}
      data-testid={testId}
    />
  );
}
