import type { Ref } from 'react';
import { Input, type InputProps, type InputRef } from 'antd';

/**
 * A whole or decimal number (a quantity, hours, days). Like YuanInput it keeps exactly what was
 * typed; the form's whole / decimal rule refuses what is not a number in range, and numberOf reads
 * it on save.
 */
export function NumberInput({
  decimal = false,
  ...props
}: Omit<InputProps, 'type'> & { decimal?: boolean; ref?: Ref<InputRef> }) {
  return (
    <Input
      inputMode={decimal ? 'decimal' : 'numeric'}
      autoComplete="off"
      style={{ width: '100%' }}
      {...props}
    />
  );
}
