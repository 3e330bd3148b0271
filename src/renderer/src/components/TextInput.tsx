import { Input, type InputProps } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import type { z } from 'zod';
import { maxLengthOf } from '@shared/fieldLimits';

/** Fields this long or longer always show their counter; shorter ones once they near the limit. */
const ALWAYS_COUNT = 200;

/**
 * The character counter for a field: "1,020 / 1,000" turns red past the limit. The text is never
 * cut (no maxLength, no exceedFormatter): the form's text rule refuses it with a message instead.
 */
function lengthCount(schema: z.ZodType): NonNullable<InputProps['count']> {
  const max = maxLengthOf(schema);
  return {
    max,
    show: ({ count }) => (max >= ALWAYS_COUNT || count > max * 0.8 ? `${count} / ${max}` : null),
  };
}

/** A one-line text field with the limit of its schema shown as a counter. */
export function TextInput({ schema, ...props }: InputProps & { schema: z.ZodType }) {
  return <Input {...props} count={lengthCount(schema)} />;
}

/** A text area with the limit of its schema shown as a counter. */
export function TextArea({ schema, ...props }: TextAreaProps & { schema: z.ZodType }) {
  return <Input.TextArea {...props} count={lengthCount(schema)} />;
}
