import { z } from 'zod';

/**
 * The limits of a field, read from the same zod schema dispatch parses with, so a form's counter
 * and messages can never disagree with what the server accepts.
 */

/** The schema under optional / nullable / default wrappers and a pipe's input: the one with the checks. */
function checked(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) {
      s = s.in as z.ZodType;
    } else {
      return s;
    }
  }
}

/** The most characters a text field takes. */
export function maxLengthOf(schema: z.ZodType): number {
  const s = checked(schema);
  if (s instanceof z.ZodString && s.maxLength !== null) return s.maxLength;
  throw new Error('the schema sets no maximum length');
}

/** The smallest and largest value a number field takes. */
export function boundsOf(schema: z.ZodType): { min: number; max: number } {
  const s = checked(schema);
  if (s instanceof z.ZodNumber && s.minValue !== null && s.maxValue !== null) {
    return { min: s.minValue, max: s.maxValue };
  }
  throw new Error('the schema sets no range');
}
