import { useEffect, useRef, type CSSProperties } from 'react';
import { echarts, type ChartOption } from './echarts';

interface ChartProps {
  option: ChartOption;
  /** Screen charts fill their box's width; a printed chart has a fixed size in px. */
  height: number;
  width?: number;
  /** SVG prints sharp on paper; canvas is lighter on screen. */
  renderer?: 'canvas' | 'svg';
  testId?: string;
  /** Called once the chart has drawn this option (print waits for it). */
  onFinished?: () => void;
  /** A click on a bar or point, by its index on the category axis. */
  onClick?: (dataIndex: number) => void;
  style?: CSSProperties;
}

/** One echarts instance in a div: created on mount, disposed on unmount, resized with its box. */
export function Chart({
  option,
  height,
  width,
  renderer = 'canvas',
  testId,
  onFinished,
  onClick,
  style,
}: ChartProps) {
  const divRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const finishedRef = useRef(onFinished);
  const clickRef = useRef(onClick);
  useEffect(() => {
    finishedRef.current = onFinished;
    clickRef.current = onClick;
  });

  useEffect(() => {
    const div = divRef.current;
    if (!div) return;
    const chart = echarts.init(div, null, { renderer, ...(width ? { width, height } : {}) });
    chartRef.current = chart;
    chart.on('finished', () => finishedRef.current?.());
    chart.on('click', (event) => clickRef.current?.(event.dataIndex));
    const observer = new ResizeObserver(() => chart.resize());
    if (!width) observer.observe(div);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [renderer, width, height]);

  useEffect(() => {
    // A new option replaces the old one whole: a series that went away must not linger.
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option, renderer, width, height]);

  return (
    <div
      ref={divRef}
      data-testid={testId}
      style={{ width: width ?? '100%', height, cursor: onClick ? 'pointer' : undefined, ...style }}
    />
  );
}
