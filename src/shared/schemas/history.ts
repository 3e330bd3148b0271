/**
 * 历史导入: past work orders from an .xlsx or .csv file, with their real dates. The file's columns
 * are mapped onto HISTORY_FIELDS (a mapping can be saved and reused), every row is checked first
 * (dry run), and the real run writes every accepted row in one transaction or nothing.
 */
import { z } from 'zod';
import { epochMs, id } from './common';
import { OUTCOMES } from '../workOrderStatus';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../languages';

/** An .xlsx or .csv file as base64 (about 20 MB at most: 20,000 rows of history). */
export const MAX_HISTORY_BYTES = 20 * 1024 * 1024;
/** More rows than this and the file is refused as a whole: split it. */
export const MAX_HISTORY_ROWS = 50_000;

export const historyFile = z.object({
  fileName: z.string().min(1).max(200),
  base64: z
    .string()
    .max(Math.ceil(MAX_HISTORY_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});

/** A CSV's text encoding: UTF-8, or GB18030 (what Chinese Excel saves as "CSV"); auto tries UTF-8 first. */
export const CSV_ENCODINGS = ['auto', 'utf8', 'gb18030'] as const;

/** What a row of the file can say, in the template's column order. */
export const HISTORY_FIELDS = [
  'sourceNo',
  'customerName',
  'customerPhone',
  'category',
  'brand',
  'model',
  'serialNo',
  'warrantyEnd',
  'receivedAt',
  'deliveredAt',
  'outcome',
  'technician',
  'reportedFault',
  'diagnosis',
  'laborAmount',
  'partsAmount',
  'paidAmount',
  'paymentMethod',
  'paidAt',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];
/** Without these an order cannot be made; the mapping must name a column for each. */
export const REQUIRED_HISTORY_FIELDS: readonly HistoryField[] = [
  'customerName',
  'category',
  'receivedAt',
  'outcome',
  'reportedFault',
];

/**
 * Field → the file's column header (as in the file). One column may feed several fields (an event
 * date that is both received and delivered). `outcomes` maps the file's own words to outcomes
 * ("Fixed" → repaired), tried before the built-in words; `categories` does the same for device kinds.
 */
/** What a blank fault records, as the importer typed it (see `blankFault`). */
export const blankFaultText = z.string().trim().max(100);

export const historyMapping = z
  .object({
    columns: z.partialRecord(z.enum(HISTORY_FIELDS), z.string().min(1).max(200)),
    outcomes: z.record(z.string().min(1).max(100), z.enum(OUTCOMES)).default({}),
    /** The file's device kinds → the shop's categories ("Mobile" → 手机); others are taken as written. */
    categories: z.record(z.string().min(1).max(100), z.string().trim().min(1).max(20)).default({}),
    /**
     * What a row with no fault description records instead (old sheets often left it blank), chosen
     * by the person importing, e.g. "（原记录未填写）"; '' (the default) refuses such a row.
     */
    blankFault: blankFaultText.default(''),
  })
  .strict();
export type HistoryMapping = z.infer<typeof historyMapping>;

export const historyImportInput = z
  .object({
    file: historyFile,
    encoding: z.enum(CSV_ENCODINGS).default('auto'),
    /** Omitted: the template's headers (Chinese or English) are matched as they are. */
    mapping: historyMapping.optional(),
    dryRun: z.boolean().default(true),
    /**
     * false (the default): a single refused row keeps the whole file out. true: the accepted rows are
     * written (still in one transaction) and the refused ones listed, to fix and import later.
     */
    skipRefused: z.boolean().default(false),
  })
  .strict();

/** Only the header row and a few rows: what the mapping step shows. */
export const historyPreviewInput = z
  .object({ file: historyFile, encoding: z.enum(CSV_ENCODINGS).default('auto') })
  .strict();
export const historyPreview = z.object({
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  rows: z.int().nonnegative(),
  /** The encoding the CSV was read in ('utf8' for an .xlsx). */
  encoding: z.enum(['utf8', 'gb18030']),
  /** The fields the template's headers already give (the mapping to start from). */
  suggested: historyMapping.shape.columns,
});
export type HistoryPreview = z.infer<typeof historyPreview>;

export const HISTORY_ERROR_CODES = [
  /** A required field has no column in the mapping, or the mapping names a column the file lacks. */
  'missingColumn',
  'noRows',
  'tooManyRows',
  'required',
  'tooLong',
  /** Not a date (YYYY-MM-DD, YYYY/M/D, with an optional HH:mm). */
  'notDate',
  /** Not an amount in yuan with at most two decimals. */
  'notMoney',
  /** Not one of the allowed values (outcome, payment method). */
  'notAllowed',
  'badPhone',
  /** Delivered before received, paid before received, or a date after today. */
  'badOrder',
  /** Paid more than the labor and parts billed. */
  'paidOverTotal',
  /** The payment's day is closed (日结): an import never touches a closed day. */
  'dayClosed',
] as const;
export type HistoryErrorCode = (typeof HISTORY_ERROR_CODES)[number];

export const historyError = z.object({
  /** The file's row number (the header is row 1). */
  row: z.int().nonnegative(),
  /** The column's header as in the file. */
  column: z.string(),
  code: z.enum(HISTORY_ERROR_CODES),
  value: z.string(),
});
export type HistoryError = z.infer<typeof historyError>;

/** What a row would do or did: its customer and device created or matched, or the row refused. */
export const historyRowResult = z.object({
  row: z.int().positive(),
  customer: z.enum(['created', 'matched']).nullable(),
  device: z.enum(['created', 'matched']).nullable(),
  /** The technician named was found among the users; false keeps the name as text. */
  technicianMatched: z.boolean().nullable(),
  refused: z.boolean(),
});

export const historyImportResult = z.object({
  rows: z.int().nonnegative(),
  accepted: z.int().nonnegative(),
  refused: z.int().nonnegative(),
  customersCreated: z.int().nonnegative(),
  customersMatched: z.int().nonnegative(),
  devicesCreated: z.int().nonnegative(),
  devicesMatched: z.int().nonnegative(),
  errors: z.array(historyError),
  /** The first rows' results (at most 500) for the dry-run table; the counts above cover them all. */
  preview: z.array(historyRowResult),
  /** True only when written: no refused row, or `skipRefused` and no file-level error. */
  committed: z.boolean(),
  importId: id.nullable(),
  ms: z.int().nonnegative(),
});
export type HistoryImportResult = z.infer<typeof historyImportResult>;

export const historyImportRecord = z.object({
  id,
  fileName: z.string(),
  orders: z.int().nonnegative(),
  customers: z.int().nonnegative(),
  devices: z.int().nonnegative(),
  at: epochMs,
  userName: z.string(),
  undoneAt: epochMs.nullable(),
  /** The server's answer: undo is still possible (not undone, no day closed since). */
  undoable: z.boolean(),
});
export type HistoryImportRecord = z.infer<typeof historyImportRecord>;

export const savedMapping = z.object({ name: z.string().trim().min(1).max(60), mapping: historyMapping });
export type SavedMapping = z.infer<typeof savedMapping>;
export const saveMappingInput = savedMapping.strict();
export const deleteMappingInput = z.object({ name: z.string().min(1).max(60) }).strict();

export const historyTemplateInput = z.object({ lang: z.enum(LANGUAGES).default(DEFAULT_LANGUAGE) }).strict();

export const historyProgress = z
  .object({
    phase: z.enum(['reading', 'checking', 'writing', 'done']),
    done: z.int().nonnegative(),
    total: z.int().nonnegative(),
  })
  .nullable();
