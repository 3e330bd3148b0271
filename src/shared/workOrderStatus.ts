/** The work order's one state machine. Services and screens both ask it; nothing else decides a move. */
export const WORK_ORDER_STATUSES = [
  'received',
  'diagnosing',
  'quoted',
  'awaitingParts',
  'inRepair',
  'qc',
  'ready',
  'delivered',
  'cancelled',
  'declined',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const CLOSED_STATUSES: readonly WorkOrderStatus[] = ['delivered', 'cancelled'];
export const OPEN_STATUSES: readonly WorkOrderStatus[] = WORK_ORDER_STATUSES.filter(
  (s) => !CLOSED_STATUSES.includes(s),
);

/**
 * The main path is received → diagnosing → quoted → awaitingParts → inRepair → qc → ready → delivered.
 * Shortcuts a real bench needs: a warranty job skips the quote (diagnosing → inRepair) or the parts
 * wait (quoted → inRepair); a repair that finds a missing part waits for it (inRepair → awaitingParts);
 * a failed check goes back to the bench (qc → inRepair). A declined quote is returned unrepaired
 * (declined → ready). Any open order can be cancelled with a reason.
 */
const FORWARD: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  received: ['diagnosing'],
  diagnosing: ['quoted', 'awaitingParts', 'inRepair'],
  quoted: ['awaitingParts', 'inRepair', 'declined'],
  awaitingParts: ['inRepair'],
  inRepair: ['qc', 'awaitingParts'],
  qc: ['ready', 'inRepair'],
  ready: ['delivered'],
  declined: ['ready'],
  delivered: [],
  cancelled: [],
};

export function nextStatuses(from: WorkOrderStatus): WorkOrderStatus[] {
  const moves = [...FORWARD[from]];
  if (!CLOSED_STATUSES.includes(from)) moves.push('cancelled');
  return moves;
}

export function canTransition(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return nextStatuses(from).includes(to);
}

export function isOpen(status: WorkOrderStatus): boolean {
  return !CLOSED_STATUSES.includes(status);
}

/** Moves that need a reason in the note: a cancellation and a customer's refusal. */
export function needsReason(to: WorkOrderStatus): boolean {
  return to === 'cancelled' || to === 'declined';
}

/** Leaving a quote for the bench means the customer said yes: who, how and when is recorded. */
export function needsApproval(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return from === 'quoted' && (to === 'inRepair' || to === 'awaitingParts');
}

/** Where an order can be settled (结算): the work is done or under way, or the quote was refused. */
const SETTLEABLE: readonly WorkOrderStatus[] = ['inRepair', 'qc', 'ready', 'declined'];

export function isSettleable(status: WorkOrderStatus): boolean {
  return SETTLEABLE.includes(status);
}
