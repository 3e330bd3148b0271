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
  /** 无法修复: the bench gave up; the device goes back to the customer (via ready). */
  'unrepairable',
  /** 待客户 / 挂起: parked until the customer acts (sources a part, decides); not overdue. */
  'onHold',
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
 * a failed check goes back to the bench (qc → inRepair). The customer may refuse (declined) from a
 * diagnosis or a quote; the bench may give up (unrepairable) from diagnosing up to the repair; both
 * return the device unrepaired (→ ready). An order in work may be parked (onHold) and resumes where
 * it was parked (see `nextStatuses`). Any open order can be cancelled with a reason.
 */
const FORWARD: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  received: ['diagnosing'],
  diagnosing: ['quoted', 'awaitingParts', 'inRepair', 'declined', 'unrepairable', 'onHold'],
  quoted: ['awaitingParts', 'inRepair', 'declined', 'unrepairable', 'onHold'],
  awaitingParts: ['inRepair', 'unrepairable', 'onHold'],
  inRepair: ['qc', 'awaitingParts', 'unrepairable', 'onHold'],
  qc: ['ready', 'inRepair'],
  ready: ['delivered'],
  declined: ['ready'],
  unrepairable: ['ready'],
  // Besides these, an order on hold resumes to the status it was parked from.
  onHold: ['declined', 'unrepairable'],
  delivered: [],
  cancelled: [],
};

/** Where an order may be parked from, and so where it may resume to. */
export const HOLDABLE_STATUSES: readonly WorkOrderStatus[] = [
  'diagnosing',
  'quoted',
  'awaitingParts',
  'inRepair',
];

/**
 * The legal moves from a status. `heldFrom` is the status an order on hold was parked from (the
 * order's `held_from`); it is the one status it may resume to.
 */
export function nextStatuses(
  from: WorkOrderStatus,
  heldFrom: WorkOrderStatus | null = null,
): WorkOrderStatus[] {
  const moves = [...FORWARD[from]];
  if (from === 'onHold' && heldFrom && HOLDABLE_STATUSES.includes(heldFrom)) moves.unshift(heldFrom);
  if (!CLOSED_STATUSES.includes(from)) moves.push('cancelled');
  return moves;
}

export function canTransition(
  from: WorkOrderStatus,
  to: WorkOrderStatus,
  heldFrom: WorkOrderStatus | null = null,
): boolean {
  return nextStatuses(from, heldFrom).includes(to);
}

export function isOpen(status: WorkOrderStatus): boolean {
  return !CLOSED_STATUSES.includes(status);
}

/** Open and on the promise's clock: an order on hold is waiting for the customer, not late. */
export function isOnTheClock(status: WorkOrderStatus): boolean {
  return isOpen(status) && status !== 'onHold';
}

/** Moves that need a reason in the note: a cancellation, a refusal, giving up, parking. */
export function needsReason(to: WorkOrderStatus): boolean {
  return to === 'cancelled' || to === 'declined' || to === 'unrepairable' || to === 'onHold';
}

/** 维修结果: how a closed order ended. Decided by the move that ends the work (`outcomeOfMove`). */
export const OUTCOMES = ['repaired', 'unrepairable', 'declined', 'cancelled'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Why the bench gave up (无法修复的原因). */
export const UNREPAIRABLE_REASONS = ['noParts', 'uneconomic', 'endOfLife', 'noFaultFound', 'other'] as const;
export type UnrepairableReason = (typeof UNREPAIRABLE_REASONS)[number];

/**
 * The outcome a move decides, or null when it decides none: passing the check (qc → ready) is
 * repaired; a refusal, giving up and cancelling are theirs. ready → delivered keeps what was decided.
 */
export function outcomeOfMove(from: WorkOrderStatus, to: WorkOrderStatus): Outcome | null {
  if (from === 'qc' && to === 'ready') return 'repaired';
  if (to === 'declined' || to === 'unrepairable' || to === 'cancelled') return to;
  return null;
}

/** Leaving a quote for the bench means the customer said yes: who, how and when is recorded. */
export function needsApproval(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return from === 'quoted' && (to === 'inRepair' || to === 'awaitingParts');
}

/**
 * Where an order can be settled (结算): the work is done or under way, or it goes back unrepaired
 * (a refused quote, or an inspection fee for a device that could not be fixed).
 */
const SETTLEABLE: readonly WorkOrderStatus[] = ['inRepair', 'qc', 'ready', 'declined', 'unrepairable'];

export function isSettleable(status: WorkOrderStatus): boolean {
  return SETTLEABLE.includes(status);
}
