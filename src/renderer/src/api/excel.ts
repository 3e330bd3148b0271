import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportExisting, ImportResult, XlsxFile } from '@shared/schemas/excel';
import { currentLanguage } from '../i18n';
import { invoke } from './client';
import { afterCounterChange } from './customers';
import { afterStockChange } from './stock';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file's bytes as base64, in chunks so a large workbook does not overflow the call stack. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * Save a workbook through an <a download>: the browser's download in browser mode, Electron's
 * save dialog in the app. Nothing else is needed from the main process.
 */
export function downloadXlsx(file: XlsxFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; give it a moment before letting the bytes go.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Workbooks that take only the language of their column headers. */
export type PlainExport =
  | 'parts.export'
  | 'parts.importTemplate'
  | 'customers.export'
  | 'customers.importTemplate'
  | 'stock.exportOnHand';

export type ExportRequest =
  { method: PlainExport } | { method: 'stock.exportMovements'; from: number; to: number };

function fetchWorkbook(request: ExportRequest): Promise<XlsxFile> {
  const lang = currentLanguage();
  if (request.method === 'stock.exportMovements') {
    return invoke('stock.exportMovements', { lang, from: request.from, to: request.to });
  }
  return invoke(request.method, { lang });
}

/** Ask the server for a workbook (headers in the UI language) and download it. */
export function useExport() {
  return useMutation({
    mutationFn: async (request: ExportRequest) => {
      const file = await fetchWorkbook(request);
      downloadXlsx(file);
      return file;
    },
  });
}

export type ImportMethod = 'parts.import' | 'customers.import';

/** Check (dryRun) or import a workbook; a committed import refreshes what it wrote into. */
export function useImport(method: ImportMethod) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      file: XlsxFile;
      dryRun: boolean;
      existing: ImportExisting;
    }): Promise<ImportResult> => invoke(method, input),
    onSuccess: async (result) => {
      if (!result.committed) return;
      await (method === 'parts.import' ? afterStockChange(queryClient) : afterCounterChange(queryClient));
    },
  });
}
