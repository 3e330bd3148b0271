import { z } from 'zod';
import { contract, isMethod } from '@shared/contract';
import { xlsxFile } from '@shared/schemas/excel';
import { historyFile } from '@shared/schemas/history';

/** Any call but an upload: a 256 KB logo as base64 inside JSON fits with room to spare. */
export const DEFAULT_BODY_BYTES = 1024 * 1024;

/** The JSON around a workbook: field names, the file name (120 characters, escaped), dryRun. */
const AROUND_WORKBOOK_BYTES = 64 * 1024;

/** The largest workbook the contract accepts, as the base64 text it travels in. */
const WORKBOOK_BYTES = (xlsxFile.shape.base64.maxLength ?? 0) + AROUND_WORKBOOK_BYTES;

/** A history file (.xlsx or .csv, larger: years of orders) with its mapping around it. */
const HISTORY_BYTES = (historyFile.shape.base64.maxLength ?? 0) + AROUND_WORKBOOK_BYTES;

function carriesWorkbook(input: z.ZodType): boolean {
  return input instanceof z.ZodObject && Object.values(input.shape).includes(xlsxFile);
}

/**
 * How large a body a method may send, from its own contract: a method whose input carries an .xlsx
 * file (customers.import, parts.import) may send the largest file its schema allows; everything
 * else gets DEFAULT_BODY_BYTES. An unknown method gets the default too (dispatch refuses it).
 */
export function bodyLimitOf(method: string): number {
  if (!isMethod(method)) return DEFAULT_BODY_BYTES;
  const input = contract[method].input;
  if (input instanceof z.ZodObject && Object.values(input.shape).includes(historyFile)) return HISTORY_BYTES;
  return carriesWorkbook(input) ? WORKBOOK_BYTES : DEFAULT_BODY_BYTES;
}
