import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { counterError } from '../../components/counterErrors';
import { showFieldErrors } from '../../components/formErrors';

/** The on-hand figure a refusal names ("only 2 of SCR-01 on hand"); the picker's figure if it names none. */
export function onHandOf(error: ApiError, fallback: number): number {
  const texts = [error.message, ...(error.details?.fields ?? []).map((f) => f.message)];
  for (const text of texts) {
    const match = /only (\d+)/.exec(text);
    if (match) return Number(match[1]);
  }
  return fallback;
}

/**
 * Put a refused part-line save where the person looks: too few on the shelf on the quantity field,
 * fields the server names on those fields, and one sentence for the rest.
 */
export function showPartError(
  form: FormInstance,
  error: unknown,
  t: TFunction,
  shelf: { onHand: number; unit: string } | null,
): string | null {
  if (error instanceof ApiError && error.code === 'INSUFFICIENT_STOCK') {
    const qty = onHandOf(error, shelf?.onHand ?? 0);
    form.setFields([
      {
        name: 'qty',
        errors: [t('orderParts.onlyOnHand', { qty, unit: shelf?.unit ?? t('orderParts.unitFallback') })],
      },
    ]);
    return null;
  }
  showFieldErrors(form, error, t);
  return counterError(error, t);
}
