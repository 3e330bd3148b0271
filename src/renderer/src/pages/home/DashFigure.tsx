import { Children, type ReactNode } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router-dom';

interface DashFigureProps {
  title: ReactNode;
  value: string | number;
  to?: string;
  testId: string;
  warn?: boolean;
  extra?: ReactNode;
}

/** One headline figure; with `to` it opens the list behind it. */
export function DashFigure({ title, value, to, testId, warn = false, extra }: DashFigureProps) {
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

/** A row of headline figures: four across on a wide screen, two on a narrow one. */
export function DashFigures({ children, gapBelow = false }: { children: ReactNode; gapBelow?: boolean }) {
  return (
    <Row gutter={[12, 12]} style={gapBelow ? { marginBottom: 12 } : undefined}>
      {Children.map(children, (figure) => (
        <Col xs={12} lg={6}>
          {figure}
        </Col>
      ))}
    </Row>
  );
}
