/**
 * Work orders (维修工单): intake, the state machine's moves, edits, timeline, photos, parts, labor
 * and fee lines, waits and lists.
 */
export { createWorkOrder } from './create';
export { transitionWorkOrder } from './transition';
export { renewApproval } from './renewApproval';
export { updateWorkOrder, assignWorkOrder, addNote, overrideWarranty } from './edit';
export { addAttachment, readAttachment } from './attachments';
export { signIntake } from './handover';
export { getWorkOrder, listTechnicians } from './read';
export { addOrderPart, updateOrderPart, removeOrderPart } from './parts';
export { addCharge, updateCharge, removeCharge } from './charges';
export { listWorkOrders } from './list';
