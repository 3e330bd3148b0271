/** Settlements (结算单): totals, payments and refunds, voids, manager approval, and the day close (日结). */
export { previewSettlement, createSettlement } from './create';
export { readSettlement, settlementForOrder, listSettlements, loadSettlement } from './read';
export { paySettlement, refundSettlement } from './payments';
export { voidSettlement } from './void';
export { getDay, closeDay, reopenDay, dayReport, isDayClosed, requireDayOpen } from './dayClose';
export { approverFor, requireApprover } from './approval';
export { computeTotals, discountAmount, roundDue, settlementLines } from './totals';
export { orderLines, orderTotals } from './lines';
export { activeSettlement, paidOn, paymentStatusOf, settlementSummaryOf } from './records';
