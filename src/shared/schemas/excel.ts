import { z } from 'zod';
import { epochMs } from './common';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../languages';

/** An .xlsx file as base64, both ways over the API (about 10 MB at most). */
export const MAX_XLSX_BYTES = 10 * 1024 * 1024;
export const xlsxFile = z.object({
  fileName: z.string().min(1).max(120),
  base64: z
    .string()
    .max(Math.ceil(MAX_XLSX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});
export type XlsxFile = z.infer<typeof xlsxFile>;

/**
 * All or nothing: every row is checked first; if any row has an error nothing is written and
 * every error comes back with its row and column. `dryRun` checks without writing.
 */
/** A file that is not a readable workbook is refused as a whole (VALIDATION on `file`). */
export const importInput = z.object({ file: xlsxFile, dryRun: z.boolean().default(false) }).strict();

export const IMPORT_ERROR_CODES = [
  /** A required column is missing from the header row. */
  'missingColumn',
  'noRows',
  'tooManyRows',
  'required',
  'tooLong',
  /** Not a whole number in range. */
  'notInteger',
  /** Not an amount in yuan with at most two decimals. */
  'notMoney',
  /** Not one of the allowed values (type, level, category…). */
  'notAllowed',
  'badEmail',
  'badPhone',
  /** The same code or phone appears on two rows of the file. */
  'duplicateInFile',
  /** The phone already belongs to another customer. */
  'phoneTaken',
  /** The supplier named is not in the supplier list. */
  'unknownSupplier',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export const importError = z.object({
  /** The worksheet row number as Excel shows it (the header is row 1). */
  row: z.int().nonnegative(),
  /** The column's header text as found in the file (or as expected, when it is missing). */
  column: z.string(),
  code: z.enum(IMPORT_ERROR_CODES),
  /** The offending value, or the other row / customer it clashes with. */
  value: z.string(),
});
export type ImportError = z.infer<typeof importError>;

export const importResult = z.object({
  /** Data rows read (blank rows skipped). */
  rows: z.int().nonnegative(),
  created: z.int().nonnegative(),
  updated: z.int().nonnegative(),
  errors: z.array(importError),
  /** True only when the rows were written: no errors and not a dry run. */
  committed: z.boolean(),
});
export type ImportResult = z.infer<typeof importResult>;

/** Exports: column headers follow the UI language. */
const lang = z.enum(LANGUAGES).default(DEFAULT_LANGUAGE);
export const exportInput = z.object({ lang }).strict();
export const exportMovementsInput = z.object({ lang, from: epochMs, to: epochMs }).strict();
