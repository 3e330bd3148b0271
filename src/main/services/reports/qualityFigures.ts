import type { OutcomeSplit, ServiceQualityFigures } from '@shared/schemas/reports';
import { SATISFACTION_DIMENSIONS } from '@shared/schemas/followUps';
import { OUTCOMES, type Outcome } from '@shared/workOrderStatus';
import type { FollowUpSums, OrderSums } from './groupSums';
import { hoursOf } from './period';

/** A share, null when there is nothing to divide by. */
export const rateOf = (part: number, whole: number): number | null => (whole ? part / whole : null);

/** The outcome split from a count per outcome code (0–3 = OUTCOMES, 4 = none yet). */
export function splitOf(byCode: ArrayLike<number>): OutcomeSplit {
  return {
    repaired: byCode[0] ?? 0,
    unrepairable: byCode[1] ?? 0,
    declined: byCode[2] ?? 0,
    cancelled: byCode[3] ?? 0,
    open: byCode[4] ?? 0,
  };
}

/** Fix rate: repaired / orders with an outcome. */
export function fixRateOf(split: OutcomeSplit): number | null {
  return rateOf(split.repaired, split.repaired + split.unrepairable + split.declined + split.cancelled);
}

/** Code of an outcome for the packed reads: its place in OUTCOMES, 4 for none. */
export function outcomeCode(outcome: string | null): number {
  const i = OUTCOMES.indexOf(outcome as Outcome);
  return i < 0 ? OUTCOMES.length : i;
}

type Dimension = (typeof SATISFACTION_DIMENSIONS)[number];

/** Sums for one group (the shop, a technician, a service type), turned into figures at the end. */
export class QualityTally {
  received = 0;
  outcomes = new Float64Array(OUTCOMES.length + 1);
  diagnosed = 0;
  diagnosedMs = 0;
  readied = 0;
  readyMs = 0;
  onTime = 0;
  reworks = 0;
  due = 0;
  done = 0;
  reached = 0;
  scores: Record<Dimension, { n: number; sum: number; good: number }> = {
    attitude: { n: 0, sum: 0, good: 0 },
    quality: { n: 0, sum: 0, good: 0 },
    timeliness: { n: 0, sum: 0, good: 0 },
    price: { n: 0, sum: 0, good: 0 },
  };
  complaints = 0;
  complaintsCounted = 0;
  responded = 0;
  respondedMs = 0;
  resolved = 0;
  resolvedMs = 0;
  inTime = 0;

  /** A group's orders; their reworks are the caller's, as a technician's are those of the orders they did. */
  addOrders(o: OrderSums): void {
    this.received += o.received;
    o.outcomes.forEach((n, i) => (this.outcomes[i] = (this.outcomes[i] ?? 0) + n));
    this.diagnosed += o.diagnosed;
    this.diagnosedMs += o.diagnosedMs;
    this.readied += o.readied;
    this.readyMs += o.readyMs;
    this.onTime += o.onTime;
  }

  addFollowUps(f: FollowUpSums): void {
    this.due += f.due;
    this.done += f.done;
    this.reached += f.reached;
    SATISFACTION_DIMENSIONS.forEach((d, i) => {
      const from = f.scores[i];
      if (!from) return;
      this.scores[d].n += from.n;
      this.scores[d].sum += from.sum;
      this.scores[d].good += from.good;
    });
  }

  figures(): ServiceQualityFigures {
    const outcomes = splitOf(this.outcomes);
    const mean = (n: number, sum: number) => ({ n, mean: n ? sum / n : null });
    const dim = (s: { n: number; sum: number; good: number }) => ({
      ...mean(s.n, s.sum),
      good: rateOf(s.good, s.n),
    });
    const all = SATISFACTION_DIMENSIONS.reduce(
      (t, d) => ({
        n: t.n + this.scores[d].n,
        sum: t.sum + this.scores[d].sum,
        good: t.good + this.scores[d].good,
      }),
      { n: 0, sum: 0, good: 0 },
    );
    return {
      received: this.received,
      firstResponse: this.diagnosed,
      firstResponseHours: hoursOf(this.diagnosed ? this.diagnosedMs / this.diagnosed : null),
      readied: this.readied,
      turnaroundHours: hoursOf(this.readied ? this.readyMs / this.readied : null),
      onTime: this.onTime,
      onTimeRate: rateOf(this.onTime, this.readied),
      outcomes,
      fixRate: fixRateOf(outcomes),
      reworks: this.reworks,
      reworkRate: rateOf(this.reworks, this.received),
      followUpsDue: this.due,
      followUpsDone: this.done,
      followUpsReached: this.reached,
      followUpRate: rateOf(this.done, this.due),
      reachRate: rateOf(this.reached, this.done),
      satisfaction: {
        attitude: dim(this.scores.attitude),
        quality: dim(this.scores.quality),
        timeliness: dim(this.scores.timeliness),
        price: dim(this.scores.price),
        overall: dim(all),
      },
      complaints: this.complaints,
      complaintsPer100: this.received ? (this.complaints * 100) / this.received : null,
      complaintFirstResponseHours: hoursOf(this.responded ? this.respondedMs / this.responded : null),
      complaintResolutionHours: hoursOf(this.resolved ? this.resolvedMs / this.resolved : null),
      complaintsResolvedInTime: this.inTime,
      resolvedInTimeRate: rateOf(this.inTime, this.complaintsCounted),
    };
  }

  /** Nothing at all happened in this group during the period. */
  get empty(): boolean {
    return this.received + this.due + this.complaints + this.scores.attitude.n + this.reworks === 0;
  }
}
