import type { FormRule } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';

export interface FormRules {
  required: FormRule;
  max: (n: number) => FormRule;
  shopName: FormRule[];
  branchCode: FormRule[];
  username: FormRule[];
  displayName: FormRule[];
  password: FormRule[];
  /** The repeat of a password field must match it. */
  confirmOf: (field: NamePath) => FormRule[];
}

/**
 * Form rules that mirror the zod schemas in src/shared/schemas. They give quick feedback;
 * the server parses every input again and is the authority.
 */
export function useFormRules(): FormRules {
  const { t } = useTranslation();
  const required: FormRule = { required: true, whitespace: true, message: t('validation.required') };
  const max = (n: number): FormRule => ({ max: n, message: t('validation.maxLength', { max: n }) });
  return {
    required,
    max,
    shopName: [required, max(60)],
    branchCode: [required, { pattern: /^[A-Z0-9]{2,8}$/, message: t('validation.branchCode') }],
    username: [required, { pattern: /^[A-Za-z0-9._-]{2,32}$/, message: t('validation.username') }],
    displayName: [required, max(40)],
    password: [
      { required: true, message: t('validation.required') },
      { min: 8, message: t('validation.minLength', { min: 8 }) },
      max(128),
    ],
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
