import { z } from 'zod';
import { isIsoDate } from '../dates';
import { id } from './common';
import { periodInput } from './reports';

/**
 * The printed forms whose prints are counted. A form's paper sizes are one form: the intake receipt on
 * A5 or A4 is the same 接机单, the settlement on A5 or A4 the same 结算单; the 80 mm slips are forms
 * of their own.
 */
export const PRINT_FORMS = [
  'intakeReceipt',
  'claimTicket',
  'jobSheet',
  'settlement',
  'settlementReceipt',
  'stockDocument',
  'stockList',
  'deviceLabel',
  'dayClose',
  'reportSummary',
  'reportTechnicians',
  'reportWarranty',
  'reportServiceQuality',
  /** 上门: the day's route sheets (document: the day), one visit's service report (the order). */
  'routeSheet',
  'onsiteReport',
] as const;
export type PrintForm = (typeof PRINT_FORMS)[number];

/** Forms of a stored record: the document id is the record's id. */
const RECORD_FORMS: readonly PrintForm[] = [
  'intakeReceipt',
  'claimTicket',
  'jobSheet',
  'settlement',
  'settlementReceipt',
  'stockDocument',
  'deviceLabel',
  'onsiteReport',
];
const REPORT_FORMS: readonly PrintForm[] = [
  'reportSummary',
  'reportTechnicians',
  'reportWarranty',
  'reportServiceQuality',
];

/** The stock list has one document: the list as it stands (its print route's `all`). */
export const STOCK_LIST_DOCUMENT = 'all';

/** A report's document is its period as the print route names it: `from_to_bucket`. */
function isPeriodSegment(value: string): boolean {
  const [from = '', to = '', bucket = '', ...rest] = value.split('_');
  return rest.length === 0 && periodInput.safeParse({ from, to, bucket }).success;
}

function documentOk(form: PrintForm, documentId: string): boolean {
  if (RECORD_FORMS.includes(form)) return id.safeParse(documentId).success;
  if (REPORT_FORMS.includes(form)) return isPeriodSegment(documentId);
  if (form === 'dayClose' || form === 'routeSheet') return isIsoDate(documentId);
  return documentId === STOCK_LIST_DOCUMENT;
}

/** One form of one document: the work order, settlement or stock document id, a day, a period. */
export const printRef = z
  .object({ form: z.enum(PRINT_FORMS), documentId: z.string().max(60) })
  .strict()
  .superRefine((v, ctx) => {
    if (!documentOk(v.form, v.documentId)) {
      ctx.addIssue({ code: 'custom', path: ['documentId'], message: `not a document of the ${v.form} form` });
    }
  });
export type PrintRef = z.infer<typeof printRef>;

/** How many times the form of the document has been printed (with this print, for prints.record). */
export const printCount = z.object({ count: z.int().nonnegative() });
