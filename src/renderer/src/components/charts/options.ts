import { formatRate } from '../../lib/format';
import { formatYuan } from '../../lib/money';
import type { ChartOption } from './echarts';

interface Series {
  name: string;
  data: number[];
}

interface AxisChart {
  categories: string[];
  series: Series[];
  kind?: 'bar' | 'line';
  /** Bars on top of each other (parts of a whole) rather than side by side. */
  stacked?: boolean;
  /** Values are yuan: the axis and tooltip show ¥. */
  yuan?: boolean;
  /** Values are shares 0–1: shown as %. */
  percent?: boolean;
  /** Printed charts draw at once. */
  animation?: boolean;
  /** Bars sideways, for long category names (technicians, parts). */
  horizontal?: boolean;
}

function valueFormatter(yuan: boolean, percent: boolean) {
  return (value: unknown) => {
    const n = typeof value === 'number' ? value : Number(value);
    if (percent) return formatRate(n);
    // The chart draws yuan (fenToChartYuan); back to fen, it reads as the tables beside it do.
    if (yuan) return formatYuan(Math.round(n * 100));
    return String(n);
  };
}

/** Bars or lines over categories (chart points, service types, technicians). */
export function axisChart({
  categories,
  series,
  kind = 'bar',
  stacked = false,
  yuan = false,
  percent = false,
  animation = true,
  horizontal = false,
}: AxisChart): ChartOption {
  const format = valueFormatter(yuan, percent);
  const category = { type: 'category' as const, data: categories, axisTick: { alignWithLabel: true } };
  const value = {
    type: 'value' as const,
    minInterval: yuan || percent ? undefined : 1,
    max: percent ? 1 : undefined,
    axisLabel: {
      formatter: (v: number) => (percent ? `${Math.round(v * 100)}%` : yuan ? `¥${v}` : String(v)),
    },
  };
  return {
    animation,
    grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    tooltip: { trigger: 'axis', valueFormatter: format },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: series.map((s) => ({
      type: kind,
      name: s.name,
      data: s.data,
      stack: stacked ? 'total' : undefined,
      barMaxWidth: 36,
      emphasis: { focus: 'series' as const },
    })),
  };
}

/** Shares of a whole (service types, payment methods, stock by category). */
export function pieChart({
  items,
  yuan = false,
  animation = true,
}: {
  items: { name: string; value: number }[];
  yuan?: boolean;
  animation?: boolean;
}): ChartOption {
  const format = valueFormatter(yuan, false);
  // No legend: each slice carries its name and share outside, which reads the same on paper.
  return {
    animation,
    tooltip: { trigger: 'item', valueFormatter: format },
    series: [
      {
        type: 'pie',
        radius: ['32%', '62%'],
        center: ['50%', '52%'],
        percentPrecision: 1,
        avoidLabelOverlap: true,
        data: items.filter((i) => i.value > 0),
        label: { formatter: '{b}\n{d}%', overflow: 'none' },
        labelLine: { length: 8, length2: 8 },
      },
    ],
  };
}

/** A small line with no axes: the dashboard's 7-day takings. */
export function sparkline(categories: string[], data: number[]): ChartOption {
  return {
    animation: false,
    grid: { left: 2, right: 2, top: 6, bottom: 2 },
    tooltip: { trigger: 'axis', valueFormatter: valueFormatter(true, false) },
    xAxis: { type: 'category', data: categories, show: false, boundaryGap: false },
    yAxis: { type: 'value', show: false, min: 0 },
    series: [
      { type: 'line', data, smooth: true, symbol: 'circle', symbolSize: 4, areaStyle: { opacity: 0.15 } },
    ],
  };
}
