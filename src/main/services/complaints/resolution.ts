import { eq } from 'drizzle-orm';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import { can } from '@shared/roles';
import { createWorkOrderInput } from '@shared/schemas/workOrders';
import { payments, settlements, workOrders, type ComplaintRecord } from '../../db/schema';
import type { CallContext, Tx } from '../context';
import { createWorkOrder } from '../workOrders';

type Resolution = NonNullable<ParsedInputOf<'complaints.move'>['resolution']>;

/** What the answer stores on the complaint, and what its step records. */
export interface CheckedResolution {
  patch: Pick<ComplaintRecord, 'resolutionKind' | 'refundPaymentId' | 'reworkOrderId' | 'compensationAmount'>;
  data: Record<string, unknown>;
}

function refused(
  path: string,
  problem: 'refundNotOfOrder' | 'reworkNotOfOrder' | 'needsOrder',
  message: string,
) {
  return fieldError(`resolution.${path}`, 'complaintLinkRefused', { problem }, message);
}

/**
 * Check an answer's link to the money or the work it caused: a refund is a refund (a negative
 * payment) of the complaint's order; a rework is an order opened as a rework of it, named or opened
 * here in the same transaction (the work-order service does the opening, with its own checks).
 */
export function applyResolution(
  tx: Tx,
  ctx: CallContext,
  c: ComplaintRecord,
  r: Resolution,
): CheckedResolution {
  const base = {
    resolutionKind: r.kind,
    refundPaymentId: null,
    reworkOrderId: null,
    compensationAmount: null,
  };
  if (r.kind === 'refund' || r.kind === 'rework') {
    if (!c.workOrderId) {
      throw refused(
        r.kind === 'refund' ? 'refundPaymentId' : 'reworkOrderId',
        'needsOrder',
        'no order linked',
      );
    }
  }
  if (r.kind === 'refund' && r.refundPaymentId && c.workOrderId) {
    const p = tx
      .select({ amount: payments.amount, workOrderId: settlements.workOrderId })
      .from(payments)
      .innerJoin(settlements, eq(settlements.id, payments.settlementId))
      .where(eq(payments.id, r.refundPaymentId))
      .get();
    if (!p || p.amount >= 0 || p.workOrderId !== c.workOrderId) {
      throw refused('refundPaymentId', 'refundNotOfOrder', 'not a refund of the complaint’s order');
    }
    return {
      patch: { ...base, refundPaymentId: r.refundPaymentId },
      data: { kind: r.kind, refundPaymentId: r.refundPaymentId, amount: p.amount },
    };
  }
  if (r.kind === 'rework' && c.workOrderId) {
    if (r.reworkOrderId) {
      const o = tx.select().from(workOrders).where(eq(workOrders.id, r.reworkOrderId)).get();
      if (!o || o.reworkOfId !== c.workOrderId) {
        throw refused('reworkOrderId', 'reworkNotOfOrder', 'not a rework of the complaint’s order');
      }
      return {
        patch: { ...base, reworkOrderId: o.id },
        data: { kind: r.kind, reworkOrderId: o.id, reworkOrderNo: o.orderNo },
      };
    }
    if (r.openRework) {
      if (!ctx.user || !can(ctx.user.role, 'workOrders.write')) {
        throw new AppError('forbidden', {}, 'opening a rework order needs workOrders.write');
      }
      const original = tx.select().from(workOrders).where(eq(workOrders.id, c.workOrderId)).get();
      if (!original) throw new Error(`complaint ${c.id} names a missing order`);
      const opened = createWorkOrder(
        ctx,
        createWorkOrderInput.parse({
          customerId: original.customerId,
          deviceId: original.deviceId,
          serviceType: original.serviceType,
          priority: r.openRework.priority,
          technicianId: r.openRework.technicianId,
          reportedFault: r.openRework.reportedFault,
          reworkOfId: original.id,
        }),
      );
      return {
        patch: { ...base, reworkOrderId: opened.id },
        data: { kind: r.kind, reworkOrderId: opened.id, reworkOrderNo: opened.orderNo, opened: true },
      };
    }
  }
  if (r.kind === 'compensation') {
    return {
      patch: { ...base, compensationAmount: r.compensationAmount ?? null },
      data: { kind: r.kind, compensationAmount: r.compensationAmount },
    };
  }
  return { patch: base, data: { kind: r.kind } };
}
