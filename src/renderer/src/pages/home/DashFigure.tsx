import type { ReactNode } from 'react';
import { Card, Statistic } from 'antd';
import { useNavigate } from 'react-router-dom';

/** One headline figure; with `to` it opens the list behind it. */
export function DashFigure({
  title,
  value,
  to,
  testId,
  warn = false,
  extra,
}: {
  title: ReactNode;
  value: string | number;
  to?: string;
  testId: string;
  warn?: boolean;
  extra?: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      hoverable={Boolean(to)}
      onClick={to ? () => void navigate(to) : undefined}
      data-testid={`${testId}-card`}
      style={{ height: '100%' }}
    >
      <Statistic
        title={title}
        value={value}
        styles={warn ? { content: { color: '#cf1322' } } : undefined}
        valueRender={(node) => <span data-testid={testId}>{node}</span>}
      />
      {extra}
    </Card>
  );
}
