import type { DueRow } from '@shared/schemas/maintenance';

/** The intake, opened on the plan's customer and device, as 保养 with the plan's name as the fault. */
export function intakeLink(row: Pick<DueRow, 'customerId' | 'deviceId' | 'name'>): string {
  const params = new URLSearchParams({
    customerId: row.customerId,
    deviceId: row.deviceId,
    serviceType: 'maintenance',
    fault: row.name,
  });
  return `/intake?${params.toString()}`;
}

/** The appointments page's booking form, prefilled (its parameter names are the appointments page's). */
export function bookingLink(row: Pick<DueRow, 'customerId' | 'deviceId' | 'name'>): string {
  return (
    `/appointments?book=1&customerId=${encodeURIComponent(row.customerId)}` +
    `&deviceId=${encodeURIComponent(row.deviceId)}&serviceType=maintenance` +
    `&fault=${encodeURIComponent(row.name)}`
  );
}
