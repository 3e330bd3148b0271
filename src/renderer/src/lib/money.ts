import { scaledOf } from './numberText';

/** 123450 fen → "¥1,234.50". Money lives in integer fen everywhere; this is the only way it is shown. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** What a 元 field shows for an amount in fen, to edit: 1230 → "12.30" (null stays empty). */
export function fenToYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const abs = Math.abs(Math.trunc(fen));
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A 元 amount as typed → integer fen, exactly ("12.3" → 1230, no float drift). Null when nothing
 * was typed or the text is not an amount: the form's money rule refuses such text before saving.
 */
export function yuanToFen(yuan: string | null | undefined): number | null {
  const read = scaledOf(yuan, 2);
  return read.ok ? read.value : null;
}

/** Fen as yuan for a chart axis (charts draw numbers, tables show formatYuan). */
export function fenToChartYuan(fen: number): number {
  return Math.round(fen) / 100;
}
