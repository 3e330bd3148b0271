import { addDays, localDate, type IsoDate } from './dates';

export const WARRANTY_STATUSES = ['in', 'out', 'repair'] as const;
/** in: the maker's warranty; out: none; repair: our own warranty on an earlier repair. */
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number];

/** The maker's warranty on a day: in force through `warrantyEnd` inclusive. */
export function makerWarrantyOn(warrantyEnd: IsoDate | null, day: IsoDate): boolean {
  return warrantyEnd !== null && day <= warrantyEnd;
}

/**
 * Our repair warranty: the same device came back within `days` days of an earlier delivery. It runs
 * from the original delivery, so a rework never restarts the clock.
 */
export function repairWarrantyOn(deliveredAt: number | null, days: number, day: IsoDate): boolean {
  return deliveredAt !== null && days > 0 && day <= addDays(localDate(deliveredAt), days);
}

export function warrantyAtIntake(input: {
  warrantyEnd: IsoDate | null;
  /** Delivery of the order this one reworks (the original's, for a rework of a rework). */
  originalDeliveredAt: number | null;
  repairWarrantyDays: number;
  at: number;
}): WarrantyStatus {
  const day = localDate(input.at);
  if (repairWarrantyOn(input.originalDeliveredAt, input.repairWarrantyDays, day)) return 'repair';
  return makerWarrantyOn(input.warrantyEnd, day) ? 'in' : 'out';
}
