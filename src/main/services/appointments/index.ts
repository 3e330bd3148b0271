export { bookAppointment } from './book';
export { cancelAppointment, markArrived, markNoShow } from './close';
export { callList, getAppointment, listAppointments } from './list';
export { scheduleAppointmentReminders } from './reminders';
