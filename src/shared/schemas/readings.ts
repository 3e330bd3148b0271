/**
 * A usage reading of a device: the odometer of a vehicle (km), the hour meter or the counter of a
 * machine. Kept as a history (device_readings), so a maintenance plan knows the current reading and
 * an intake can refuse a reading that goes backwards unless the clerk gives a reason.
 */
export const READING_UNITS = ['km', 'hours', 'count'] as const;
export type ReadingUnit = (typeof READING_UNITS)[number];
/** Where a reading came from: taken at intake, told by the customer, corrected by a manager, imported. */
export const READING_SOURCES = ['intake', 'reported', 'correction', 'import'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];
/** The largest reading kept: 10 million km/hours/counts is past any real meter. */
export const READING_MAX = 10_000_000;
