/**
 * Complaints (投诉): taken, worked along their state machine, answered (linked to the refund or
 * rework they caused), confirmed by the customer. Never deleted.
 */
export { createComplaint } from './create';
export { listComplaints, readComplaint } from './read';
export { moveComplaint, addComplaintNote, assignComplaint } from './move';
export { openComplaint } from './open';
export { listComplaintStaff } from './links';
