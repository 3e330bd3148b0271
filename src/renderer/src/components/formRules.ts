import type { FormRule } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { phoneNumber } from '@shared/schemas/customers';
import { password as passwordSchema } from '@shared/schemas/users';
import { numberProblem, textProblem, type NumberKind, type Problem } from './fieldChecks';

interface FormRules {
  /** For fields without a schema rule (selects, pickers); text rules say required themselves. */
  required: FormRule;
  /** Text checked against its schema: required when the schema refuses '', length, format. */
  text: (schema: z.ZodType, format?: Problem['key']) => FormRule;
  /** A phone number, by the same rule as a customer's (an empty one passes if the schema allows it). */
  phone: (schema?: z.ZodType) => FormRule;
  /** An amount typed in 元, checked against the schema's fen limits; saved with yuanToFen. */
  money: (schema: z.ZodType, options?: { required?: boolean }) => FormRule;
  /** A whole number (a quantity, days, minutes) within the schema's range. */
  whole: (schema: z.ZodType, options?: { required?: boolean }) => FormRule;
  /** A number with at most `places` decimals (hours, a percentage) within the schema's range. */
  decimal: (schema: z.ZodType, places: number, options?: { required?: boolean }) => FormRule;
  password: FormRule[];
  /** The repeat of a password field must match it. */
  confirmOf: (field: NamePath) => FormRule[];
}

/** The words for a problem with a field. */
export function problemText(problem: Problem, t: TFunction): string {
  return t(`validation.${problem.key}`, problem.values ?? {});
}

/**
 * The one set of form rules: each checks what was typed against the very zod schema dispatch parses
 * the field with (src/shared/schemas), so the form refuses what the server would and never needs a
 * limit of its own. Values are never changed here: a problem is a message on the field.
 */
export function useFormRules(): FormRules {
  const { t } = useTranslation();
  const refuse = (problem: Problem | null) =>
    problem ? Promise.reject(new Error(problemText(problem, t))) : Promise.resolve();
  const required: FormRule = { required: true, whitespace: true, message: t('validation.required') };
  // `required` here only marks the label (antd runs the validator alone when one is given); the
  // validator says whether an empty field is refused, so one field never shows two messages.
  const text = (schema: z.ZodType, format: Problem['key'] = 'invalid'): FormRule => ({
    required: !schema.safeParse('').success && !schema.safeParse([]).success,
    validator: (_rule, value: unknown) => refuse(textProblem(schema, value, format)),
  });
  const number =
    (kind: NumberKind) =>
    (schema: z.ZodType, options?: { required?: boolean }): FormRule => ({
      required: options?.required ?? false,
      validator: (_rule, value: unknown) =>
        refuse(numberProblem(schema, kind, value, options?.required ?? false)),
    });
  return {
    required,
    text,
    phone: (schema: z.ZodType = phoneNumber) => text(schema, 'phone'),
    money: number({ kind: 'money' }),
    whole: number({ kind: 'whole' }),
    decimal: (schema, places, options) => number({ kind: 'decimal', places })(schema, options),
    password: [text(passwordSchema)],
    confirmOf: (field: NamePath): FormRule[] => [
      { required: true, message: t('validation.required') },
      ({ getFieldValue }) => ({
        validator: (_rule, value: unknown) =>
          !value || getFieldValue(field) === value
            ? Promise.resolve()
            : Promise.reject(new Error(t('validation.passwordMismatch'))),
      }),
    ],
  };
}

/** Trim and upper-case what is typed into a branch-code field. */
export function normalizeBranchCode(value: unknown): string {
  return typeof value === 'string' ? value.trim().toUpperCase() : '';
}
