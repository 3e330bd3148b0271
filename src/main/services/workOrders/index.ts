/**
 * Work orders (维修工单): intake, the state machine's moves, edits, timeline, photos, parts, labor
 * and fee lines, waits and lists.
 */
export { createWorkOrder, reworkClock } from './create';
export { transitionWorkOrder } from './transition';
export { renewApproval } from './renewApproval';
export { updateWorkOrder, assignWorkOrder, addNote, overrideWarranty } from './edit';
export { addAttachment, readAttachment, decodeImage } from './attachments';
export { getWorkOrder, listTechnicians, readDetail, readOrderParts, readCharges } from './read';
export { addOrderPart, updateOrderPart, removeOrderPart, returnAllParts } from './parts';
export { addCharge, updateCharge, removeCharge } from './charges';
export { flagArrivals, openWaits, closeWaits, readWaits, partsArrivedWhere } from './waits';
export { listWorkOrders } from './list';
export {
  listWorkOrderRows,
  workOrderRowsByIds,
  workOrderRowQuery,
  workOrderRowSelect,
  workOrderOrderBy,
  toWorkOrderRow,
  deviceLabel,
  isOverdue,
} from './rows';
export { formatOrderNo, nextOrderNo } from './numbers';
export { addEvent } from './events';
