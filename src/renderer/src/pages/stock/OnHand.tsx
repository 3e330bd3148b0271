import { Typography } from 'antd';

/** At or below the minimum stock (with a minimum set), the figure is red: time to reorder. */
function isLow(onHand: number, minStock: number): boolean {
  return minStock > 0 && onHand <= minStock;
}

/** An on-hand figure, red and bold when low. */
export function OnHand({ onHand, minStock, testId }: { onHand: number; minStock: number; testId?: string }) {
  const low = isLow(onHand, minStock);
  return (
    <Typography.Text
      type={low ? 'danger' : undefined}
      strong={low}
      data-testid={testId}
      data-low={low ? 'true' : 'false'}
    >
      {onHand}
    </Typography.Text>
  );
}
