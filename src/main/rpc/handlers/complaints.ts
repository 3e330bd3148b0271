import type { HandlersFor } from '../handlerTypes';
import * as complaints from '../../services/complaints';

export const complaintHandlers: HandlersFor<'complaints.'> = {
  'complaints.create': (input, ctx) => complaints.createComplaint(ctx, input),
  'complaints.list': (input, ctx) => complaints.listComplaints(ctx.deps.db, input, ctx.deps.now()),
  'complaints.get': (input, ctx) => complaints.readComplaint(ctx.deps.db, input.id, ctx.deps.now()),
  'complaints.move': (input, ctx) => complaints.moveComplaint(ctx, input),
  'complaints.addNote': (input, ctx) => complaints.addComplaintNote(ctx, input),
  'complaints.staff': (_input, ctx) => complaints.listComplaintStaff(ctx.deps.db),
  'complaints.assign': (input, ctx) => complaints.assignComplaint(ctx, input),
};
