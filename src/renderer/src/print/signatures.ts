import type { SignatureKind } from '@shared/schemas/handover';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';

/** The order's signature of one kind, as a data URL to print, if the customer signed. */
export function signatureOf(
  order: Pick<WorkOrderDetail, 'signatures'> | null,
  kind: SignatureKind,
): string | undefined {
  return order?.signatures.find((s) => s.kind === kind)?.dataUrl;
}
