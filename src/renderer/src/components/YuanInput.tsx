import { InputNumber, type InputNumberProps } from 'antd';

/**
 * An amount typed in 元 with two decimals (the form converts to fen on save). The ceiling matches
 * the contract's money limit, 1亿元.
 */
export function YuanInput(props: InputNumberProps<number>) {
  return (
    <InputNumber<number>
      min={0}
      max={100_000_000}
      precision={2}
      prefix="¥"
      style={{ width: '100%' }}
      {...props}
    />
  );
}
