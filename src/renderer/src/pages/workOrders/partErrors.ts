import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isReason } from '@shared/errors';
import { showFieldErrors } from '../../components/formErrors';
import { errorMessage, refusalOf } from '../../i18n/errorMessage';

/**
 * Put a refused part-line save where the person looks: too few on the shelf on the quantity field
 * (with the unit the picker shows), fields the server names on those fields, and one sentence for
 * the rest.
 */
export function showPartError(
  form: FormInstance,
  error: unknown,
  t: TFunction,
  shelf: { onHand: number; unit: string } | null,
): string | null {
  const refusal = refusalOf(error);
  if (refusal && isReason(refusal, 'insufficientStock')) {
    const unit = shelf?.unit ?? t('orderParts.unitFallback');
    form.setFields([
      { name: 'qty', errors: [t('orderParts.onlyOnHand', { qty: refusal.params.onHand, unit })] },
    ]);
    return null;
  }
  showFieldErrors(form, error, t);
  return errorMessage(error, t);
}
