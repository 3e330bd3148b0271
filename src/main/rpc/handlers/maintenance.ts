import type { HandlersFor } from '../handlerTypes';
import * as maintenance from '../../services/maintenance';

export const maintenanceHandlers: HandlersFor<'maintenance.'> = {
  'maintenance.plans': (input, ctx) => maintenance.devicePlans(ctx, input.deviceId),
  'maintenance.createPlan': (input, ctx) => maintenance.createPlan(ctx, input),
  'maintenance.updatePlan': (input, ctx) => maintenance.updatePlan(ctx, input),
  'maintenance.reportReading': (input, ctx) => maintenance.reportReading(ctx, input),
  'maintenance.due': (input, ctx) => maintenance.dueList(ctx, input),
  'maintenance.warrantyExpiring': (input, ctx) => maintenance.warrantyExpiring(ctx, input),
};

export const contractHandlers: HandlersFor<'contracts.'> = {
  'contracts.create': (input, ctx) => maintenance.createContract(ctx, input),
  'contracts.list': (input, ctx) => maintenance.listContracts(ctx, input),
  'contracts.get': (input, ctx) => maintenance.getContract(ctx, input.id),
};
