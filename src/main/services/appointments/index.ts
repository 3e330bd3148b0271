export { bookAppointment } from './book';
export { cancelAppointment, markArrived, markNoShow } from './close';
export { callList, listAppointments } from './list';
export { scheduleAppointmentReminders } from './reminders';
