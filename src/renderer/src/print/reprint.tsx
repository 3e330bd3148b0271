import { createContext, useContext } from 'react';
import { usePrintLabels } from './labels';

/**
 * The number of the print a form is shown for: the one just issued, or the one 打印 will issue next.
 * Null until the server has said how often the form was printed.
 */
const PrintNumber = createContext<number | null>(null);
export const PrintNumberProvider = PrintNumber.Provider;

/** 补打 (第 N 次) on every reprint (the second print and on) of a form; nothing on the first. */
export function ReprintMark() {
  const n = useContext(PrintNumber);
  const labels = usePrintLabels();
  if (n === null || n < 2) return null;
  return (
    <span className="pf-reprint" data-testid="print-reprint">
      {labels.toolbar.reprint(n)}
    </span>
  );
}
