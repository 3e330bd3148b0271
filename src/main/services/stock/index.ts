/** Parts and stock (配件库存): catalog, posted documents, the ledger, alerts and stock reports. */
export * from './catalog';
export { averageCost } from './post';
export { postStock, adjustStock, reverseStock } from './documents';
export { adjustCost } from './cost';
export { readDocument, listDocuments, listMovements, checkStock } from './read';
export { stockAlerts } from './alerts';
export { stockValuation, stockUsage } from './reports';
