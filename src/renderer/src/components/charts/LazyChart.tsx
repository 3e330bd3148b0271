import { lazy, Suspense, type ComponentProps } from 'react';

/** echarts loads in its own chunk, the first time a chart is shown, not with the app. */
const ChartImpl = lazy(() => import('./Chart').then((m) => ({ default: m.Chart })));

type ChartProps = ComponentProps<typeof ChartImpl>;

/** A chart that keeps its box while echarts loads, so the page does not jump. */
export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<div style={{ width: props.width ?? '100%', height: props.height }} />}>
      <ChartImpl {...props} />
    </Suspense>
  );
}
