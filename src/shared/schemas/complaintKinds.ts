/** 投诉 codes shared by the complaint schemas, settings and labels (no zod, so settings may import it). */

/** Where a complaint came from; `followUp` when a follow-up call opened it. */
export const COMPLAINT_CHANNELS = ['counter', 'phone', 'online', 'followUp'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_CATEGORIES = [
  'quality',
  'attitude',
  'timeliness',
  'price',
  'dataLoss',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** 一般 / 较重 / 严重: decides the deadlines (settings, `afterSales.complaintHours`). */
export const COMPLAINT_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** 已受理 → 处理中 → 待客户确认 → 已关闭, or 已撤销 (the customer withdrew it). Never deleted. */
export const COMPLAINT_STATUSES = [
  'received',
  'inProgress',
  'awaitingConfirmation',
  'closed',
  'withdrawn',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** What the shop did about it; refund and rework link the payment or the rework order. */
export const RESOLUTION_KINDS = ['refund', 'rework', 'compensation', 'apology', 'explanation'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

const COMPLAINT_MOVES: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  received: ['inProgress', 'withdrawn'],
  inProgress: ['awaitingConfirmation', 'withdrawn'],
  // The customer is not satisfied with the answer: back to work on it.
  awaitingConfirmation: ['closed', 'inProgress', 'withdrawn'],
  closed: [],
  withdrawn: [],
};

/** The complaint's one state machine: services and screens both ask it. */
export function nextComplaintStatuses(from: ComplaintStatus): readonly ComplaintStatus[] {
  return COMPLAINT_MOVES[from];
}

export function isComplaintOpen(status: ComplaintStatus): boolean {
  return status !== 'closed' && status !== 'withdrawn';
}
