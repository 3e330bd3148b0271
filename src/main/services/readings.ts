import { and, desc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '@shared/errors';
import type { ReadingSource, ReadingUnit } from '@shared/schemas/readings';
import { deviceReadings, type DeviceReadingRecord } from '../db/schema';
import type { Queryable, Tx } from './context';

/** The device's newest reading in this unit (by the time the meter showed it), or null. */
export function latestReading(q: Queryable, deviceId: string, unit: ReadingUnit): DeviceReadingRecord | null {
  return (
    q
      .select()
      .from(deviceReadings)
      .where(and(eq(deviceReadings.deviceId, deviceId), eq(deviceReadings.unit, unit)))
      .orderBy(desc(deviceReadings.readAt), desc(deviceReadings.id))
      .limit(1)
      .get() ?? null
  );
}

export interface ReadingWrite {
  deviceId: string;
  unit: ReadingUnit;
  value: number;
  readAt: number;
  source: ReadingSource;
  workOrderId?: string | null;
  /** Needed only when the value is below the last reading; kept on the row as the log of why. */
  reason?: string;
  recordedBy: string | null;
  recordedAt: number;
  /** The form field the refusal names (e.g. `reading.value`). */
  field?: string;
}

/**
 * Appends a reading. A meter never silently goes backwards: a value below the device's last reading
 * is refused (`readingBackwards`, naming the last value) unless a reason is given.
 */
export function recordReading(tx: Tx, w: ReadingWrite): DeviceReadingRecord {
  const last = latestReading(tx, w.deviceId, w.unit);
  const reason = (w.reason ?? '').trim();
  if (last && w.value < last.value && !reason) {
    throw fieldError(
      w.field ?? 'value',
      'readingBackwards',
      { last: last.value },
      'reading below the last one needs a reason',
    );
  }
  const row: DeviceReadingRecord = {
    id: uuidv7(),
    deviceId: w.deviceId,
    unit: w.unit,
    value: w.value,
    readAt: w.readAt,
    source: w.source,
    workOrderId: w.workOrderId ?? null,
    reason,
    recordedBy: w.recordedBy,
    recordedAt: w.recordedAt,
  };
  tx.insert(deviceReadings).values(row).run();
  return row;
}
