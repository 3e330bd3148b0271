import type { z } from 'zod';
import { boundsOf } from '@shared/fieldLimits';
import { formatYuan } from '../lib/money';
import { scaledOf } from '../lib/numberText';

/**
 * One check per kind of field, against the field's own zod schema (the one dispatch parses with):
 * the form refuses exactly what the server would, with a message that says what to type. Nothing
 * here changes what was typed.
 */

/** A `validation.*` message and its values. */
export interface Problem {
  key:
    | 'required'
    | 'maxLength'
    | 'minLength'
    | 'tooMany'
    | 'invalid'
    | 'phone'
    | 'email'
    | 'branchCode'
    | 'username'
    | 'notAmount'
    | 'amountPlaces'
    | 'amountNegative'
    | 'amountMin'
    | 'amountMax'
    | 'notWhole'
    | 'wholeRange'
    | 'notNumber'
    | 'decimalPlaces'
    | 'numberRange';
  values?: Record<string, string | number>;
}

/** Money in 元 (2 places, saved as fen), whole numbers, or decimals such as hours (1 place). */
export type NumberKind = { kind: 'money' } | { kind: 'whole' } | { kind: 'decimal'; places: number };

function placesOf(kind: NumberKind): number {
  return kind.kind === 'money' ? 2 : kind.kind === 'whole' ? 0 : kind.places;
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** What is wrong with typed text, or a list of texts such as tags (null when it is fine). */
export function textProblem(
  schema: z.ZodType,
  typed: unknown,
  format: Problem['key'] = 'invalid',
): Problem | null {
  const value = typed === undefined || typed === null ? '' : typed;
  const result = schema.safeParse(value);
  if (result.success) return null;
  // An empty field the schema refuses is a required one, whatever rule refused it.
  if (typeof value === 'string' && value.trim() === '') return { key: 'required' };
  const issue = result.error.issues[0];
  if (issue?.code === 'too_big') {
    const max = Number(issue.maximum);
    return issue.origin === 'array'
      ? { key: 'tooMany', values: { max } }
      : { key: 'maxLength', values: { max } };
  }
  if (issue?.code === 'too_small') {
    return Number(issue.minimum) <= 1
      ? { key: 'required' }
      : { key: 'minLength', values: { min: Number(issue.minimum) } };
  }
  return { key: format };
}

/** What is wrong with a typed number (null when it is fine, or empty and not required). */
export function numberProblem(
  schema: z.ZodType,
  number: NumberKind,
  typed: unknown,
  required: boolean,
): Problem | null {
  const places = placesOf(number);
  const read = scaledOf(typeof typed === 'string' ? typed : '', places);
  const money = number.kind === 'money';
  if (!read.ok) {
    if (money) return { key: read.problem === 'places' ? 'amountPlaces' : 'notAmount' };
    if (number.kind === 'whole') return { key: 'notWhole' };
    return read.problem === 'places' ? { key: 'decimalPlaces', values: { places } } : { key: 'notNumber' };
  }
  if (read.value === null) return required ? { key: 'required' } : null;
  const value = money ? read.value : read.value / 10 ** places;
  const { min, max } = boundsOf(schema);
  if (money) {
    if (value < min) {
      return min === 0 ? { key: 'amountNegative' } : { key: 'amountMin', values: { min: formatYuan(min) } };
    }
    if (value > max) return { key: 'amountMax', values: { max: formatYuan(max) } };
  } else if (value < min || value > max) {
    return {
      key: number.kind === 'whole' ? 'wholeRange' : 'numberRange',
      values: { min: grouped(min), max: grouped(max) },
    };
  }
  // Anything else the schema asks (not zero, a multiple of 0.1 …).
  return schema.safeParse(value).success ? null : { key: 'invalid' };
}
