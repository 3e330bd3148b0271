import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintRef } from '@shared/schemas/prints';
import { usePrintCount, useRecordPrint } from '../api/prints';
import { errorMessage } from '../i18n/errorMessage';
import { usePrintLabels } from './labels';

export interface PrintIssue {
  /** The print number the form shows (补打 from 2): the one just issued, else the next. Null until counted. */
  number: number | null;
  /** Counted, and no print being recorded: 打印 may be pressed once the form is ready. */
  canIssue: boolean;
  /** Record a print on the server; the frame prints once the form shows the number it answered. */
  issue(): Promise<void>;
  /** Recorded and not yet sent to the printer. */
  pending: boolean;
  /** The frame has sent it to the printer. */
  done(): void;
  /** Why the print could not be recorded (and so was not printed). */
  failure: string | null;
}

/**
 * A form's prints as the server counts them — several windows and terminals print the same
 * document, so the number is never the window's own. The preview shows the number the next print
 * will have; after 打印, the number just printed. A print that cannot be recorded is not printed.
 * The form's prepare key should carry `number`, so a slip is measured again with its mark.
 */
export function usePrintIssue(record: PrintRef | null): PrintIssue {
  const { t } = useTranslation();
  const labels = usePrintLabels();
  const count = usePrintCount(record);
  const recordPrint = useRecordPrint();
  const key = record ? `${record.form}|${record.documentId}` : null;
  const [issued, setIssued] = useState<{ key: string; n: number } | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const next = count.data ? count.data.count + 1 : null;
  const number = issued && issued.key === key ? issued.n : next;
  const canIssue = record !== null && count.data !== undefined && !recordPrint.isPending && !pending;

  const issue = async () => {
    if (!record || !key || !canIssue) return;
    setFailure(null);
    try {
      const { count: n } = await recordPrint.mutateAsync(record);
      setIssued({ key, n });
      setPending(true);
    } catch (error) {
      setFailure(`${labels.toolbar.recordFailed}: ${errorMessage(error, t)}`);
    }
  };
  const countFailure = count.isError
    ? `${labels.toolbar.recordFailed}: ${errorMessage(count.error, t)}`
    : null;
  return {
    number,
    canIssue,
    issue,
    pending,
    done: () => setPending(false),
    failure: failure ?? countFailure,
  };
}
