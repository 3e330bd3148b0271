import type { HandlersFor } from '../handlerTypes';
import * as appointments from '../../services/appointments';

export const appointmentHandlers: HandlersFor<'appointments.'> = {
  'appointments.list': (input, ctx) => appointments.listAppointments(ctx, input),
  'appointments.get': (input, ctx) => appointments.getAppointment(ctx, input.id),
  'appointments.callList': (_input, ctx) => appointments.callList(ctx),
  'appointments.book': (input, ctx) => appointments.bookAppointment(ctx, input),
  'appointments.cancel': (input, ctx) => appointments.cancelAppointment(ctx, input),
  'appointments.noShow': (input, ctx) => appointments.markNoShow(ctx, input.id),
};
