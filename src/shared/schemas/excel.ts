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
/**
 * What to do with a row that meets a record already on file (a customer by code or phone, a part by
 * code): refuse the file (the row is an error), skip the row, or update the record from the row.
 * Left out, each import keeps its earlier rule: customers refuse, parts update.
 */
export const IMPORT_EXISTING = ['refuse', 'skip', 'update'] as const;
export type ImportExisting = (typeof IMPORT_EXISTING)[number];

/** A file that is not a readable workbook is refused as a whole (VALIDATION on `file`). */
export const importInput = z
  .object({
    file: xlsxFile,
    dryRun: z.boolean().default(false),
    existing: z.enum(IMPORT_EXISTING).optional(),
  })
  .strict();

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
  /** The part code is already in the catalog (when existing parts are refused). */
  'codeTaken',
  /** The row's code and phones point at different customers: value = their codes. */
  'ambiguousMatch',
  /** Not a date (2019-03-08, 2019/3/8 or 2019-03-08 14:30, or a date cell). */
  'badDate',
  /** A date after today on the server's clock. */
  'futureDate',
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

/** One field a row would change on the record it matched, as the file shows it (old → new). */
export const importFieldChange = z.object({
  /** The column's header as in the file. */
  column: z.string(),
  before: z.string(),
  after: z.string(),
});

/**
 * A row that met a record already on file and what it does to it: `update` with the fields that
 * change, `unchanged` (nothing differs), or `skip` (existing records skipped).
 */
export const importRowChange = z.object({
  row: z.int().positive(),
  /** The record's code (KH000123, the part code). */
  code: z.string(),
  name: z.string(),
  action: z.enum(['update', 'unchanged', 'skip']),
  fields: z.array(importFieldChange),
});
export type ImportRowChange = z.infer<typeof importRowChange>;

export const importResult = z.object({
  /** Data rows read (blank rows skipped). */
  rows: z.int().nonnegative(),
  created: z.int().nonnegative(),
  updated: z.int().nonnegative(),
  /** Rows that met an existing record and were skipped (existing: 'skip'). */
  skipped: z.int().nonnegative(),
  /** Every row that met an existing record, in row order (rows that create are only counted). */
  changes: z.array(importRowChange),
  errors: z.array(importError),
  /** True only when the rows were written: no errors and not a dry run. */
  committed: z.boolean(),
});
export type ImportResult = z.infer<typeof importResult>;

/** Exports: column headers follow the UI language. */
const lang = z.enum(LANGUAGES).default(DEFAULT_LANGUAGE);
export const exportInput = z.object({ lang }).strict();
export const exportMovementsInput = z.object({ lang, from: epochMs, to: epochMs }).strict();
