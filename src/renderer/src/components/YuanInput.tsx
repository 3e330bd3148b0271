import { Input, type InputProps } from 'antd';

/**
 * An amount typed in 元. It keeps exactly what was typed (a text field, not a number box that
 * rounds, clamps or drops letters on blur): the form's money rule refuses what is not an amount
 * within the limits, and yuanToFen converts it to fen on save.
 */
export function YuanInput(props: Omit<InputProps, 'type'>) {
  return <Input prefix="¥" inputMode="decimal" autoComplete="off" style={{ width: '100%' }} {...props} />;
}
