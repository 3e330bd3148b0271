import { z } from 'zod';
import { WARRANTY_STATUSES } from '../warranty';
import { isValidPlate, normalizePlate } from '../plate';
import { normalizeVin, vinProblem } from '../vin';
import type { Reason } from '../errors';
import { epochMs, id, isoDate, recordVersion } from './common';
import { DEVICE_KINDS } from '../deviceKinds';

const deviceFields = {
  category: z.string().trim().min(1).max(20),
  brand: z.string().trim().max(40).default(''),
  model: z.string().trim().max(60).default(''),
  /** Serial number, IMEI or VIN: whatever identifies this one device. */
  serialNo: z.string().trim().toUpperCase().max(40).default(''),
  purchaseDate: isoDate.nullable().default(null),
  invoiceNo: z.string().trim().max(40).default(''),
  notes: z.string().trim().max(1000).default(''),
  // Vehicles (kind `vehicle`): the plate and VIN, normalised; make and model are brand and model.
  plateNo: z
    .string()
    .max(20)
    .transform(normalizePlate)
    .refine((p) => p === '' || isValidPlate(p), {
      message: 'not a Chinese plate number',
      params: { reason: 'plateInvalid' satisfies Reason },
    })
    .default(''),
  vin: z.string().max(30).transform(normalizeVin).default(''),
  /** The clerk confirms an imported vehicle whose VIN has no check digit; logged when it is used. */
  vinNoCheckDigit: z.boolean().default(false),
  modelYear: z.int().min(1900).max(2100).nullable().default(null),
  // Appliances (kind `appliance`): where and when it was installed.
  installAddress: z.string().trim().max(120).default(''),
  installDate: isoDate.nullable().default(null),
};

/**
 * A VIN is refused with its own reason (length, I/O/Q, other characters, check digit); a wrong check
 * digit passes only with the clerk's confirmation of an import without one (vinNoCheckDigit).
 */
function vinChecked(v: { vin: string; vinNoCheckDigit: boolean }, ctx: z.RefinementCtx): void {
  if (v.vin === '') return;
  const problem = vinProblem(v.vin);
  if (problem === null || (problem === 'vinCheckDigit' && v.vinNoCheckDigit)) return;
  ctx.addIssue({
    code: 'custom',
    path: ['vin'],
    message: problem,
    params: { reason: problem satisfies Reason },
  });
}

/**
 * A device is known by at least one of brand, model or serial: a bare "手机" cannot be told apart
 * from the customer's other phones, found by search or printed usefully. Each of the three fields
 * carries the issue, so the form marks them all.
 */
function identified(v: { brand: string; model: string; serialNo: string }, ctx: z.RefinementCtx): void {
  if (v.brand || v.model || v.serialNo) return;
  // The reason gives the issue its own words (errors.deviceIdentity); dispatch carries it over.
  const params = { reason: 'deviceIdentity' satisfies Reason };
  for (const path of ['brand', 'model', 'serialNo']) {
    ctx.addIssue({ code: 'custom', path: [path], message: 'brand, model or serial needed', params });
  }
}

/** Months of the maker's warranty, from the purchase date. */
export const warrantyMonths = z.int().min(1).max(120);
/** The maker's warranty: an end date, or a number of months from the purchase date. */
const warrantyInput = z.union([
  z.object({ end: isoDate }).strict(),
  z.object({ months: warrantyMonths }).strict(),
  z.null(),
]);

export const createDeviceInput = z
  .object({ customerId: id, ...deviceFields, warranty: warrantyInput.default(null) })
  .strict()
  .refine((v) => !(v.warranty && 'months' in v.warranty) || v.purchaseDate !== null, {
    path: ['warranty'],
    message: 'months need a purchase date',
  })
  .superRefine(identified)
  .superRefine(vinChecked);

export const updateDeviceInput = z
  .object({ id, version: recordVersion, ...deviceFields, warranty: warrantyInput.default(null) })
  .strict()
  .refine((v) => !(v.warranty && 'months' in v.warranty) || v.purchaseDate !== null, {
    path: ['warranty'],
    message: 'months need a purchase date',
  })
  .superRefine(identified)
  .superRefine(vinChecked);

export const device = z.object({
  id,
  customerId: id,
  category: z.string(),
  brand: z.string(),
  model: z.string(),
  serialNo: z.string(),
  purchaseDate: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  invoiceNo: z.string(),
  notes: z.string(),
  plateNo: z.string(),
  vin: z.string(),
  /** True when the VIN's check digit is wrong and the clerk confirmed an import without one. */
  vinNoCheckDigit: z.boolean(),
  modelYear: z.int().nullable(),
  installAddress: z.string(),
  installDate: z.string().nullable(),
  /** From the shop's category → kind mapping: which of the fields above the forms show. */
  kind: z.enum(DEVICE_KINDS),
  /** The newest odometer reading (km) of a vehicle, for the intake form; null when none. */
  lastMileageKm: z.int().nullable(),
  /** The maker's warranty today (`in` / `out`); our repair warranty shows on work orders. */
  warrantyToday: z.enum(WARRANTY_STATUSES),
  archivedAt: epochMs.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
  version: recordVersion,
});
export type Device = z.infer<typeof device>;
