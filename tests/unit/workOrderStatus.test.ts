import { describe, expect, it } from 'vitest';
import {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  WORK_ORDER_STATUSES,
  canTransition,
  isOpen,
  needsApproval,
  needsReason,
  nextStatuses,
  type WorkOrderStatus,
} from '@shared/workOrderStatus';

/** The legal moves, written out by hand from the issue: the code must agree with this table. */
const LEGAL: Record<WorkOrderStatus, WorkOrderStatus[]> = {
  received: ['diagnosing', 'cancelled'],
  diagnosing: ['quoted', 'awaitingParts', 'inRepair', 'cancelled'],
  quoted: ['awaitingParts', 'inRepair', 'declined', 'cancelled'],
  awaitingParts: ['inRepair', 'cancelled'],
  inRepair: ['qc', 'awaitingParts', 'cancelled'],
  qc: ['ready', 'inRepair', 'cancelled'],
  ready: ['delivered', 'cancelled'],
  declined: ['ready', 'cancelled'],
  delivered: [],
  cancelled: [],
};

describe('work-order state machine', () => {
  it('allows exactly the legal moves, for every ordered pair of statuses', () => {
    for (const from of WORK_ORDER_STATUSES) {
      for (const to of WORK_ORDER_STATUSES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(LEGAL[from].includes(to));
      }
      expect([...nextStatuses(from)].sort(), from).toEqual([...LEGAL[from]].sort());
    }
  });

  it('never moves an order onto its own status', () => {
    for (const s of WORK_ORDER_STATUSES) expect(canTransition(s, s), s).toBe(false);
  });

  it('closes delivered and cancelled orders for good; every open order can be cancelled', () => {
    expect([...CLOSED_STATUSES].sort()).toEqual(['cancelled', 'delivered']);
    expect(OPEN_STATUSES).toHaveLength(WORK_ORDER_STATUSES.length - 2);
    for (const s of CLOSED_STATUSES) {
      expect(isOpen(s)).toBe(false);
      expect(nextStatuses(s)).toEqual([]);
    }
    for (const s of OPEN_STATUSES) {
      expect(isOpen(s)).toBe(true);
      expect(canTransition(s, 'cancelled'), s).toBe(true);
    }
  });

  it('reaches delivery from intake along the main path', () => {
    const path: WorkOrderStatus[] = [
      'received',
      'diagnosing',
      'quoted',
      'awaitingParts',
      'inRepair',
      'qc',
      'ready',
      'delivered',
    ];
    for (let i = 1; i < path.length; i++) {
      expect(canTransition(path[i - 1] as WorkOrderStatus, path[i] as WorkOrderStatus)).toBe(true);
    }
  });

  it('returns a declined device unrepaired through ready, never back to the bench', () => {
    expect(canTransition('declined', 'ready')).toBe(true);
    expect(canTransition('declined', 'inRepair')).toBe(false);
    expect(canTransition('declined', 'quoted')).toBe(false);
  });

  it('asks for a reason only to cancel or decline', () => {
    const needing = WORK_ORDER_STATUSES.filter(needsReason);
    expect(needing.sort()).toEqual(['cancelled', 'declined']);
  });

  it("asks for the customer's approval exactly when a quote goes to the bench", () => {
    const pairs: string[] = [];
    for (const from of WORK_ORDER_STATUSES)
      for (const to of WORK_ORDER_STATUSES) if (needsApproval(from, to)) pairs.push(`${from}→${to}`);
    expect(pairs.sort()).toEqual(['quoted→awaitingParts', 'quoted→inRepair']);
    // Every move that needs an approval is a legal one.
    for (const p of pairs) {
      const [from, to] = p.split('→') as [WorkOrderStatus, WorkOrderStatus];
      expect(canTransition(from, to)).toBe(true);
    }
  });
});
