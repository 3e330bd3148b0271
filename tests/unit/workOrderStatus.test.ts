import { describe, expect, it } from 'vitest';
import {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  OUTCOMES,
  WORK_ORDER_STATUSES,
  canTransition,
  isOnTheClock,
  isOpen,
  isSettleable,
  needsApproval,
  needsReason,
  nextStatuses,
  outcomeOfMove,
  type WorkOrderStatus,
} from '@shared/workOrderStatus';

/**
 * The legal moves, written out by hand from the issue: the code must agree with this table. An
 * order on hold (onHold) may also resume to the status it was parked from (see HELD_RESUMES).
 */
const LEGAL: Record<WorkOrderStatus, WorkOrderStatus[]> = {
  received: ['diagnosing', 'cancelled'],
  diagnosing: ['quoted', 'awaitingParts', 'inRepair', 'declined', 'unrepairable', 'onHold', 'cancelled'],
  quoted: ['awaitingParts', 'inRepair', 'declined', 'unrepairable', 'onHold', 'cancelled'],
  awaitingParts: ['inRepair', 'unrepairable', 'onHold', 'cancelled'],
  inRepair: ['qc', 'awaitingParts', 'unrepairable', 'onHold', 'cancelled'],
  qc: ['ready', 'inRepair', 'cancelled'],
  ready: ['delivered', 'cancelled'],
  declined: ['ready', 'cancelled'],
  unrepairable: ['ready', 'cancelled'],
  onHold: ['declined', 'unrepairable', 'cancelled'],
  delivered: [],
  cancelled: [],
};

/** Where an order may be parked from: exactly where it may resume to. */
const HELD_RESUMES: WorkOrderStatus[] = ['diagnosing', 'quoted', 'awaitingParts', 'inRepair'];

describe('work-order state machine', () => {
  it('allows exactly the legal moves, for every ordered pair of statuses', () => {
    for (const from of WORK_ORDER_STATUSES) {
      for (const to of WORK_ORDER_STATUSES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(LEGAL[from].includes(to));
      }
      expect([...nextStatuses(from)].sort(), from).toEqual([...LEGAL[from]].sort());
    }
  });

  it('resumes an order on hold only to where it was parked from', () => {
    for (const heldFrom of WORK_ORDER_STATUSES) {
      const resumes = HELD_RESUMES.includes(heldFrom);
      for (const to of WORK_ORDER_STATUSES) {
        const legal = LEGAL.onHold.includes(to) || (resumes && to === heldFrom);
        expect(canTransition('onHold', to, heldFrom), `onHold(${heldFrom}) → ${to}`).toBe(legal);
      }
      // Parking is legal from exactly the statuses it resumes to.
      expect(canTransition(heldFrom, 'onHold'), heldFrom).toBe(resumes);
    }
    // Another status's held_from changes nothing: only an order on hold resumes.
    expect(nextStatuses('inRepair', 'diagnosing').sort()).toEqual([...LEGAL.inRepair].sort());
  });

  it('keeps an order on hold, and only closed ones, off the promise clock', () => {
    for (const s of WORK_ORDER_STATUSES) {
      expect(isOnTheClock(s), s).toBe(s !== 'onHold' && s !== 'delivered' && s !== 'cancelled');
    }
  });

  it('decides the outcome on the moves that end the work, and on no other', () => {
    const decided: string[] = [];
    for (const from of WORK_ORDER_STATUSES) {
      for (const to of WORK_ORDER_STATUSES) {
        const outcome = outcomeOfMove(from, to);
        if (outcome && canTransition(from, to, 'diagnosing')) decided.push(`${from}→${to}=${outcome}`);
      }
    }
    expect(decided.sort()).toEqual(
      [
        'qc→ready=repaired',
        'diagnosing→declined=declined',
        'quoted→declined=declined',
        'onHold→declined=declined',
        'diagnosing→unrepairable=unrepairable',
        'quoted→unrepairable=unrepairable',
        'awaitingParts→unrepairable=unrepairable',
        'inRepair→unrepairable=unrepairable',
        'onHold→unrepairable=unrepairable',
        ...WORK_ORDER_STATUSES.filter((s) => s !== 'delivered' && s !== 'cancelled').map(
          (s) => `${s}→cancelled=cancelled`,
        ),
      ].sort(),
    );
    // A device returned unrepaired keeps its outcome through ready and delivery.
    expect(outcomeOfMove('declined', 'ready')).toBeNull();
    expect(outcomeOfMove('unrepairable', 'ready')).toBeNull();
    expect(outcomeOfMove('ready', 'delivered')).toBeNull();
    expect([...OUTCOMES].sort()).toEqual(['cancelled', 'declined', 'repaired', 'unrepairable']);
  });

  it('settles an unrepairable order (an inspection fee) as it does a declined one', () => {
    expect(WORK_ORDER_STATUSES.filter(isSettleable).sort()).toEqual(
      ['declined', 'inRepair', 'qc', 'ready', 'unrepairable'].sort(),
    );
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

  it('returns a declined or unrepairable device unrepaired through ready, never back to the bench', () => {
    for (const s of ['declined', 'unrepairable'] as const) {
      expect(canTransition(s, 'ready'), s).toBe(true);
      expect(canTransition(s, 'inRepair'), s).toBe(false);
      expect(canTransition(s, 'quoted'), s).toBe(false);
      expect(canTransition(s, 'delivered'), s).toBe(false);
    }
  });

  it('asks for a reason to cancel, decline, give up or park', () => {
    const needing = WORK_ORDER_STATUSES.filter(needsReason);
    expect(needing.sort()).toEqual(['cancelled', 'declined', 'onHold', 'unrepairable']);
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
