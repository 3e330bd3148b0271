import type { HandlersFor } from '../handlerTypes';
import * as workOrders from '../../services/workOrders';

export const workOrderHandlers: HandlersFor<'workOrders.'> = {
  'workOrders.list': (input, ctx) => workOrders.listWorkOrders(ctx, input),
  'workOrders.get': (input, ctx) => workOrders.getWorkOrder(ctx, input.id),
  'workOrders.create': (input, ctx) => workOrders.createWorkOrder(ctx, input),
  'workOrders.update': (input, ctx) => workOrders.updateWorkOrder(ctx, input),
  'workOrders.transition': (input, ctx) => workOrders.transitionWorkOrder(ctx, input),
  'workOrders.renewApproval': (input, ctx) => workOrders.renewApproval(ctx, input),
  'workOrders.assign': (input, ctx) => workOrders.assignWorkOrder(ctx, input),
  'workOrders.addNote': (input, ctx) => workOrders.addNote(ctx, input),
  'workOrders.overrideWarranty': (input, ctx) => workOrders.overrideWarranty(ctx, input),
  'workOrders.addAttachment': (input, ctx) => workOrders.addAttachment(ctx, input),
  'workOrders.signIntake': (input, ctx) => workOrders.signIntake(ctx, input),
  'workOrders.addPart': (input, ctx) => workOrders.addOrderPart(ctx, input),
  'workOrders.updatePart': (input, ctx) => workOrders.updateOrderPart(ctx, input),
  'workOrders.removePart': (input, ctx) => workOrders.removeOrderPart(ctx, input),
  'workOrders.addCharge': (input, ctx) => workOrders.addCharge(ctx, input),
  'workOrders.updateCharge': (input, ctx) => workOrders.updateCharge(ctx, input),
  'workOrders.removeCharge': (input, ctx) => workOrders.removeCharge(ctx, input),
  'workOrders.attachment': (input, ctx) => workOrders.readAttachment(ctx, input.id),
  'workOrders.technicians': (_, ctx) => workOrders.listTechnicians(ctx.deps.db),
};
