import { amountInWords } from '@shared/money/amountInWords';
import type { SettingsView } from '@shared/schemas/settings';
import type { StockDocument } from '@shared/schemas/stock';
import { Code128 } from './Barcode';
import { formatMinute } from '../lib/format';
import { formatYuan } from '../lib/money';
import type { PrintLabels } from './labels';
import { Cell, FieldTable, ShopHeader, SignLine } from './parts';
import { ReprintMark } from './reprint';
import './stockTable.css';
import './stockDocument.css';

/** 25 lines fit one A4 sheet with the header, totals and signatures; longer documents go on. */
const LINES_PER_SHEET = 25;

interface StockDocumentFormProps {
  doc: StockDocument;
  settings: SettingsView;
  labels: PrintLabels;
  /** The UI language: the amount in Chinese capitals is for Chinese forms. */
  chinese: boolean;
}

type Line = StockDocument['lines'][number];

/**
 * Receipts, returns, scraps and work-order issues print plain quantities (the title says which way
 * they go); counts, adjustments and reversals print the signed change, since the sign is the point.
 */
function signedKind(doc: StockDocument): boolean {
  return doc.reversesId !== null || doc.kind === 'count' || doc.kind === 'adjustment';
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

function titleOf(doc: StockDocument, labels: PrintLabels): string {
  const kind = labels.codes.stockDocuments[doc.kind];
  return doc.reversesId === null ? kind : `${labels.stock.reversal} · ${kind}`;
}

/** 大写 of an amount; a negative one (a reversal, a loss) is written 负…. */
function inWords(fen: number): string {
  return fen < 0 ? `负${amountInWords(-fen)}` : amountInWords(fen);
}

function LinesTable({
  lines,
  first,
  signed,
  isCount,
  labels,
}: {
  lines: Line[];
  first: number;
  signed: boolean;
  isCount: boolean;
  labels: PrintLabels;
}) {
  const s = labels.stock;
  const shown = (n: number) => (signed ? n : Math.abs(n));
  const rows = [
    ...lines.map((line) => ({ line })),
    ...Array.from({ length: LINES_PER_SHEET - lines.length }, () => null),
  ];
  return (
    <table className="pf-stock-lines">
      <colgroup>
        <col className="pf-stock-lines__no" />
        <col className="pf-stock-lines__code" />
        <col />
        <col className="pf-stock-lines__spec" />
        <col className="pf-stock-lines__unit" />
        {isCount ? <col className="pf-stock-lines__qty" /> : null}
        <col className="pf-stock-lines__qty" />
        <col className="pf-stock-lines__money" />
        <col className="pf-stock-lines__money" />
      </colgroup>
      <thead>
        <tr>
          <th>{s.no}</th>
          <th>{s.code}</th>
          <th>{s.name}</th>
          <th>{s.spec}</th>
          <th>{s.unit}</th>
          {isCount ? <th className="pf-num">{s.counted}</th> : null}
          <th className="pf-num">{isCount ? s.difference : s.qty}</th>
          <th className="pf-num">{s.unitCost}</th>
          <th className="pf-num">{s.amount}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) =>
          row ? (
            <tr key={row.line.lineNo} data-testid="print-stock-line">
              <td className="pf-center">{first + i + 1}</td>
              <td className="pf-mono-cell">{row.line.partCode}</td>
              <td>
                <div className="pf-nowrap">{row.line.partName}</div>
              </td>
              <td>
                <div className="pf-nowrap">{row.line.partSpec}</div>
              </td>
              <td className="pf-center">{row.line.unit}</td>
              {isCount ? <td className="pf-num">{row.line.countedQty ?? ''}</td> : null}
              <td className="pf-num">{shown(row.line.qty)}</td>
              <td className="pf-num">{formatYuan(row.line.unitCost)}</td>
              <td className="pf-num">{formatYuan(shown(row.line.qty * row.line.unitCost))}</td>
            </tr>
          ) : (
            // Empty ruled rows keep every sheet the same height and leave room for a note.
            <tr key={`blank-${i}`}>
              <td />
              <td />
              <td />
              <td />
              <td />
              {isCount ? <td /> : null}
              <td />
              <td />
              <td />
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

/**
 * 入库单 and the other stock documents on A4: shop, title by kind, number with its barcode, who and
 * when, the lines, totals (with the amount in capitals in Chinese) and three signatures. Up to
 * 25 lines is one sheet; a longer document continues on further sheets, totals on the last.
 */
export function StockDocumentForm({ doc, settings, labels, chinese }: StockDocumentFormProps) {
  const s = labels.stock;
  const signed = signedKind(doc);
  const isCount = doc.kind === 'count' && doc.reversesId === null;
  const sheets = chunks(doc.lines, LINES_PER_SHEET);
  const totalQty = signed ? doc.totalQty : Math.abs(doc.totalQty);
  const totalCost = signed ? doc.totalCost : Math.abs(doc.totalCost);
  const title = titleOf(doc, labels);

  return (
    <>
      {sheets.map((lines, index) => {
        const last = index === sheets.length - 1;
        return (
          <div key={index} className="pf-sheet pf-sheet--a4" data-testid="print-stock-document">
            <div className="pf-stockdoc">
              <header className="pf-head">
                <ShopHeader shop={settings.shop} labels={labels} />
                <div className="pf-head__title">
                  <div className="pf-title" data-testid="print-stock-title">
                    {title}
                  </div>
                  <ReprintMark />
                </div>
                <div className="pf-head__codes">
                  <div className="pf-barcode-block">
                    <Code128 value={doc.docNo} moduleMm={0.26} heightMm={10} />
                    <div className="pf-order-no">{doc.docNo}</div>
                  </div>
                </div>
              </header>

              <FieldTable>
                <tr>
                  <Cell label={s.docNo}>{doc.docNo}</Cell>
                  <Cell label={s.postedAt}>{formatMinute(doc.postedAt)}</Cell>
                  <Cell label={s.createdBy}>{doc.createdByName ?? '—'}</Cell>
                </tr>
                <tr>
                  {doc.orderNo ? (
                    <Cell label={s.orderNo}>{doc.orderNo}</Cell>
                  ) : (
                    <Cell label={s.supplier}>{doc.supplierName ?? '—'}</Cell>
                  )}
                  <Cell label={doc.reversesDocNo ? s.reverses : s.reason}>
                    {doc.reversesDocNo ?? (doc.reason || '—')}
                  </Cell>
                  <Cell label={s.total}>{s.lines(doc.lines.length)}</Cell>
                </tr>
                {doc.reversesDocNo && doc.reason ? (
                  <tr>
                    <th scope="row">{s.reason}</th>
                    <td colSpan={5}>
                      <div className="pf-nowrap">{doc.reason}</div>
                    </td>
                  </tr>
                ) : null}
              </FieldTable>

              <LinesTable
                lines={lines}
                first={index * LINES_PER_SHEET}
                signed={signed}
                isCount={isCount}
                labels={labels}
              />

              {last ? (
                <div className="pf-stock-totals" data-testid="print-stock-totals">
                  <span>
                    <strong>{s.total}</strong> {s.qty} <strong className="pf-mono-cell">{totalQty}</strong>
                  </span>
                  <span>
                    {s.amount} <strong className="pf-mono-cell">{formatYuan(totalCost)}</strong>
                  </span>
                  {chinese ? (
                    <span className="pf-stock-totals__words">
                      {s.amountInWords} <strong>{inWords(totalCost)}</strong>
                    </span>
                  ) : null}
                </div>
              ) : null}

              <div className="pf-stock-foot">
                {last ? (
                  <div className="pf-signs">
                    <SignLine label={s.handledBy} />
                    <SignLine label={s.keeper} />
                    <SignLine label={s.approver} />
                  </div>
                ) : null}
                {sheets.length > 1 ? (
                  <div className="pf-stock-page">{s.page(index + 1, sheets.length)}</div>
                ) : null}
              </div>
            </div>
          </div>
        );
      })}
    </>
  );
}
