import { fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { StockDocument } from '@shared/schemas/stock';
import { writeAudit } from '../audit';
import type { CallContext } from '../context';
import { actorOf } from '../users';
import { partRecord } from './catalog';
import { post, PREFIX } from './post';
import { readDocument } from './read';

/**
 * 成本调整: a manager corrects a part's moving-average cost (a cost typed wrong at creation, a
 * supplier's credit note). It is a posted stock document of its own kind, not a plain edit of the
 * part: numbered, immutable, with who, when, why and the cost before → after on its line, and a
 * zero-quantity movement in the part's ledger. That ledger entry matters beyond showing it: a later
 * reversal of an older receipt must see that the cost has moved since, or it would put the old cost
 * back over the correction. The stock on hand does not change, so `stock.check` still holds; the
 * valuation and every later movement use the new cost. An audit row on the part records the change
 * with its reason in the same transaction.
 */
export function adjustCost(ctx: CallContext, input: ParsedInputOf<'parts.adjustCost'>): StockDocument {
  return ctx.deps.db.transaction((tx) => {
    const part = partRecord(tx, input.id);
    if (part.archivedAt !== null) {
      throw fieldError('id', 'partArchived', { partCode: part.code }, 'the part is archived');
    }
    if (part.costPrice === input.unitCost) {
      throw fieldError('unitCost', 'costUnchanged', {}, 'the cost is already that');
    }
    const posted = post(tx, ctx, {
      kind: 'costAdjustment',
      prefix: PREFIX.costAdjustment,
      supplierId: null,
      reason: input.reason,
      reversesId: null,
      lines: [
        {
          partId: part.id,
          qty: 0,
          countedQty: null,
          unitCost: input.unitCost,
          movesAverage: false,
          setCost: input.unitCost,
          path: '',
        },
      ],
    });
    writeAudit(tx, {
      at: posted.at,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'part',
      entityId: part.id,
      before: { costPrice: part.costPrice },
      after: { costPrice: input.unitCost, reason: input.reason, docNo: posted.docNo },
    });
    return readDocument(tx, posted.id);
  });
}
