/** Parts and stock (配件库存): catalog, posted documents, the ledger, alerts and stock reports. */
export * from './catalog';
export { averageCost, divideHalfUp, post, PREFIX, REVERSAL_PREFIX, ORDER_KINDS } from './post';
export type { DocSpec, LineSpec, Posted, PostedLine } from './post';
export { postStock, adjustStock, reverseStock } from './documents';
export { adjustCost } from './cost';
export { readDocument, listDocuments, listMovements, checkStock } from './read';
export { stockAlerts, suggestedReorder } from './alerts';
export { stockValuation, stockUsage } from './reports';
