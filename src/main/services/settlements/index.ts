/** Settlements (结算单): totals, payments and refunds, voids, manager approval, and the day close (日结). */
export { previewSettlement, createSettlement } from './create';
export { readSettlement, settlementForOrder, listSettlements } from './read';
export { paySettlement, refundSettlement } from './payments';
export { voidSettlement } from './void';
export { getDay, closeDay, reopenDay } from './dayClose';
export { takeDeposit, refundDeposit } from './deposits';
