/** reports.export: one .xlsx of a report's tables, in the chosen language, via the Excel helpers. */
import type { Language } from '@shared/languages';
import type { ParsedInputOf } from '@shared/contract';
import type { XlsxFile } from '@shared/schemas/excel';
import type { CallContext } from '../context';
import type { Db } from '../../db/open';
import type { CellKind } from '../excel/columns';
import { LABELS } from '@shared/labels';
import { workbookFile, type CellOut, type SheetOut } from '../excel/workbook';
import { REPORTS } from './reports';
import { warrantyClaimsReport } from './warrantyClaims';
import { REPORT_TITLES, W, say, type Words } from './labels';
import { CHANNELS, SERVICE_TYPES } from '@shared/schemas/workOrders';
import { SATISFACTION_DIMENSIONS } from '@shared/schemas/followUps';
import { OUTCOMES } from '@shared/workOrderStatus';
import type {
  ByCategoryReport,
  OutcomeSplit,
  PartsReport,
  QualityReport,
  RevenueReport,
  ServiceQualityFigures,
  ServiceQualityReport,
  TechnicianReport,
  TurnaroundReport,
  VolumeReport,
  WarrantyClaimsReport,
} from '@shared/schemas/reports';

interface Col {
  h: Words | string;
  kind?: CellKind;
  width?: number;
}

function sheet(lang: Language, name: Words, cols: Col[], rows: CellOut[][], footer?: CellOut[]): SheetOut {
  return {
    name: say(name, lang),
    columns: cols.map((c) => ({
      header: typeof c.h === 'string' ? c.h : say(c.h, lang),
      width: c.width ?? (c.kind === 'money' ? 14 : c.kind === 'int' ? 10 : 16),
      kind: c.kind,
    })),
    rows,
    footer,
  };
}

const money = (h: Words): Col => ({ h, kind: 'money' });
const int = (h: Words | string): Col => ({ h, kind: 'int' });
const hours = (h: Words): Col => ({ h, kind: 'decimal' });
const rate = (h: Words): Col => ({ h, kind: 'percent' });

function volumeSheets(r: VolumeReport, lang: Language): SheetOut[] {
  const cols: Col[] = [
    { h: W.date, width: 12 },
    int(W.total),
    ...CHANNELS.map((c) => int(LABELS.channels[lang][c])),
    ...SERVICE_TYPES.map((s) => int(LABELS.serviceTypes[lang][s])),
  ];
  const cells = (p: VolumeReport['totals']) => [
    p.total,
    ...CHANNELS.map((c) => p.byChannel[c]),
    ...SERVICE_TYPES.map((s) => p.byServiceType[s]),
  ];
  return [
    sheet(
      lang,
      REPORT_TITLES.volume,
      cols,
      r.points.map((p) => [p.key, ...cells(p)]),
      [say(W.total, lang), ...cells(r.totals)],
    ),
  ];
}

const TURNAROUND_COLS: Col[] = [
  int(W.delivered),
  hours(W.avgToDelivered),
  hours(W.medianToDelivered),
  int(W.readied),
  hours(W.avgToReady),
  hours(W.medianToReady),
  int(W.onTime),
  rate(W.onTimeRate),
];
function turnaroundCells(f: TurnaroundReport['overall']): CellOut[] {
  return [
    f.delivered,
    f.avgToDeliveredHours,
    f.medianToDeliveredHours,
    f.readied,
    f.avgToReadyHours,
    f.medianToReadyHours,
    f.onTime,
    f.onTimeRate,
  ];
}

function turnaroundSheets(r: TurnaroundReport, lang: Language): SheetOut[] {
  return [
    sheet(
      lang,
      W.byServiceType,
      [{ h: W.serviceType }, ...TURNAROUND_COLS],
      [
        ...r.byServiceType.map((s) => [LABELS.serviceTypes[lang][s.serviceType], ...turnaroundCells(s)]),
        [say(W.overall, lang), ...turnaroundCells(r.overall)],
      ],
    ),
    sheet(
      lang,
      W.byTechnician,
      [{ h: W.technician }, ...TURNAROUND_COLS],
      r.byTechnician.map((t) => [t.technicianName ?? say(W.unassigned, lang), ...turnaroundCells(t)]),
    ),
  ];
}

/** The outcome split's columns: each outcome by its own words, then the still open. */
const OUTCOME_COLS = (lang: Language): Col[] => [
  ...OUTCOMES.map((o) => int(LABELS.outcomes[lang][o])),
  int(W.open),
];
const outcomeCells = (o: OutcomeSplit): CellOut[] => [...OUTCOMES.map((k) => o[k]), o.open];

function qualitySheets(r: QualityReport, lang: Language): SheetOut[] {
  return [
    // One row of the period's figures, each column with its own number format.
    sheet(
      lang,
      W.summary,
      [
        int(W.received),
        int(W.completed),
        int(W.cancelled),
        rate(W.completionRate),
        ...OUTCOME_COLS(lang),
        int(W.reworks),
        rate(W.reworkRate),
        int(W.delivered),
        int(W.fixedFirstTime),
        rate(W.firstTimeFixRate),
        int(W.appointmentsArrived),
        int(W.appointmentsNoShow),
        rate(W.noShowRate),
      ],
      [
        [
          r.received,
          r.completed,
          r.cancelled,
          r.completionRate,
          ...outcomeCells(r.outcomes),
          r.reworks,
          r.reworkRate,
          r.delivered,
          r.fixedFirstTime,
          r.firstTimeFixRate,
          r.appointments.arrived,
          r.appointments.noShow,
          r.appointments.noShowRate,
        ],
      ],
    ),
    sheet(
      lang,
      W.byServiceType,
      [
        { h: W.serviceType },
        int(W.received),
        int(W.completed),
        int(W.reworks),
        rate(W.completionRate),
        rate(W.reworkRate),
        ...OUTCOME_COLS(lang),
      ],
      r.byServiceType.map((s) => [
        LABELS.serviceTypes[lang][s.serviceType],
        s.received,
        s.completed,
        s.reworks,
        s.completionRate,
        s.reworkRate,
        ...outcomeCells(s.outcomes),
      ]),
    ),
  ];
}

function brandSheet(rows: RevenueReport['warrantyByBrand'], lang: Language): SheetOut {
  return sheet(
    lang,
    W.warrantyByBrand,
    [{ h: W.brand }, int(W.orders), int(W.lines), money(W.amountYuan)],
    rows.map((b) => [b.brand, b.orders, b.lines, b.amount]),
    [
      say(W.total, lang),
      ...(['orders', 'lines', 'amount'] as const).map((k) => rows.reduce((s, b) => s + b[k], 0)),
    ],
  );
}

function revenueSheets(r: RevenueReport, lang: Language): SheetOut[] {
  const t = r.totals;
  return [
    sheet(
      lang,
      REPORT_TITLES.revenue,
      [{ h: W.date, width: 12 }, money(W.labor), money(W.parts), money(W.fees), money(W.billed)],
      r.points.map((p) => [p.key, p.labor, p.parts, p.fees, p.total]),
      [say(W.total, lang), t.labor, t.parts, t.fees, t.billed],
    ),
    sheet(
      lang,
      W.summary,
      [{ h: W.figure, width: 20 }, money(W.amountYuan)],
      [
        [say(W.labor, lang), t.labor],
        [say(W.parts, lang), t.parts],
        [say(W.fees, lang), t.fees],
        [say(W.discount, lang), t.discount],
        [say(W.billed, lang), t.billed],
        [say(W.collected, lang), t.collected],
        [say(W.refunds, lang), t.refunds],
      ],
    ),
    sheet(
      lang,
      W.byMethod,
      [{ h: W.method }, money(W.amountYuan), money(W.refunds), money(W.net), int(W.count)],
      r.byMethod.map((m) => [LABELS.paymentMethods[lang][m.method], m.amount, m.refunds, m.net, m.count]),
      [
        say(W.total, lang),
        t.collected + t.refunds,
        t.refunds,
        t.collected,
        r.byMethod.reduce((s, m) => s + m.count, 0),
      ],
    ),
    brandSheet(r.warrantyByBrand, lang),
  ];
}

function warrantySheets(r: WarrantyClaimsReport, lang: Language): SheetOut[] {
  return [
    sheet(
      lang,
      W.claims,
      [
        { h: W.settlementNo, width: 22 },
        { h: W.settledAt, kind: 'dateTime', width: 17 },
        { h: W.orderNo, width: 22 },
        { h: W.customer },
        { h: W.brand, width: 12 },
        { h: W.model },
        { h: W.serialNo, width: 20 },
        { h: W.kind, width: 8 },
        { h: W.item, width: 24 },
        int(W.quantity),
        money(W.amountYuan),
      ],
      r.rows.map((c) => [
        c.settlementNo,
        c.settledAt,
        c.orderNo,
        c.customerName,
        c.brand,
        c.model,
        c.serialNo,
        LABELS.lineKinds[lang][c.kind],
        c.name,
        c.quantity,
        c.amount,
      ]),
      [say(W.total, lang), null, null, null, null, null, null, null, null, null, r.total],
    ),
    brandSheet(r.byBrand, lang),
  ];
}

function technicianSheets(r: TechnicianReport, lang: Language): SheetOut[] {
  return [
    sheet(
      lang,
      REPORT_TITLES.technicians,
      [
        { h: W.technician },
        int(W.completed),
        money(W.laborAmount),
        hours(W.laborHours),
        hours(W.avgRepairHours),
        int(W.reworks),
      ],
      r.rows.map((t) => [
        t.technicianName ?? say(W.unassigned, lang),
        t.completed,
        t.laborAmount,
        t.laborHours,
        t.avgRepairHours,
        t.reworks,
      ]),
    ),
  ];
}

function partsSheets(r: PartsReport, lang: Language): SheetOut[] {
  return [
    sheet(
      lang,
      W.mostUsed,
      [{ h: W.code }, { h: W.name, width: 28 }, int(W.quantity), money(W.costYuan), int(W.orders)],
      r.mostUsed.map((p) => [p.code, p.name, p.quantity, p.amount, p.orders]),
    ),
    sheet(
      lang,
      W.stockValue,
      [{ h: W.category }, int(W.partsCount), int(W.onHand), money(W.amountYuan)],
      r.stockValue.byCategory.map((c) => [c.category, c.parts, c.quantity, c.value]),
      [
        say(W.total, lang),
        r.stockValue.byCategory.reduce((s, c) => s + c.parts, 0),
        r.stockValue.byCategory.reduce((s, c) => s + c.quantity, 0),
        r.stockValue.total,
      ],
    ),
    sheet(
      lang,
      W.slowMovers,
      [
        { h: W.code },
        { h: W.name, width: 28 },
        int(W.onHand),
        money(W.amountYuan),
        { h: W.lastOut, kind: 'dateTime', width: 17 },
      ],
      r.slowMovers.map((p) => [p.code, p.name, p.onHand, p.value, p.lastOutAt]),
    ),
  ];
}

const QUALITY_COLS = (lang: Language): Col[] => [
  int(W.received),
  hours(W.firstResponseHours),
  int(W.readied),
  hours(W.turnaroundHours),
  rate(W.onTimeRate),
  ...OUTCOME_COLS(lang),
  rate(W.fixRate),
  int(W.reworks),
  rate(W.reworkRate),
  int(W.followUpsDue),
  int(W.followUpsDone),
  rate(W.followUpRate),
  rate(W.reachRate),
  hours(W.satisfactionMean),
  rate(W.satisfactionGood),
  int(W.complaints),
  hours(W.complaintsPer100),
  hours(W.complaintFirstResponseHours),
  hours(W.complaintResolutionHours),
  rate(W.resolvedInTimeRate),
];
function qualityCells(f: ServiceQualityFigures): CellOut[] {
  return [
    f.received,
    f.firstResponseHours,
    f.readied,
    f.turnaroundHours,
    f.onTimeRate,
    ...outcomeCells(f.outcomes),
    f.fixRate,
    f.reworks,
    f.reworkRate,
    f.followUpsDue,
    f.followUpsDone,
    f.followUpRate,
    f.reachRate,
    f.satisfaction.overall.mean,
    f.satisfaction.overall.good,
    f.complaints,
    f.complaintsPer100,
    f.complaintFirstResponseHours,
    f.complaintResolutionHours,
    f.resolvedInTimeRate,
  ];
}

function serviceQualitySheets(r: ServiceQualityReport, lang: Language): SheetOut[] {
  const dims = [...SATISFACTION_DIMENSIONS, 'overall'] as const;
  return [
    sheet(
      lang,
      W.byServiceType,
      [{ h: W.serviceType }, ...QUALITY_COLS(lang)],
      [
        ...r.byServiceType.map((s) => [LABELS.serviceTypes[lang][s.serviceType], ...qualityCells(s)]),
        [say(W.overall, lang), ...qualityCells(r.overall)],
      ],
    ),
    sheet(
      lang,
      W.byTechnician,
      [{ h: W.technician }, ...QUALITY_COLS(lang)],
      r.byTechnician.map((t) => [t.technicianName ?? say(W.unassigned, lang), ...qualityCells(t)]),
    ),
    sheet(
      lang,
      W.satisfactionMean,
      [{ h: W.dimension }, int(W.scores), hours(W.satisfactionMean), rate(W.satisfactionGood)],
      dims.map((d) => {
        const s = r.overall.satisfaction[d];
        const name = d === 'overall' ? say(W.overallScore, lang) : LABELS.satisfactionDimensions[lang][d];
        return [name, s.n, s.mean, s.good];
      }),
    ),
  ];
}

const CATEGORY_COLS = (lang: Language): Col[] => [
  int(W.received),
  ...OUTCOME_COLS(lang),
  rate(W.fixRate),
  int(W.readied),
  hours(W.turnaroundHours),
  money(W.revenueYuan),
];
const categoryCells = (f: Omit<ByCategoryReport['byBrand'][number], 'brand'>): CellOut[] => [
  f.received,
  ...outcomeCells(f.outcomes),
  f.fixRate,
  f.readied,
  f.turnaroundHours,
  f.revenue,
];

function byCategorySheets(r: ByCategoryReport, lang: Language): SheetOut[] {
  return [
    sheet(
      lang,
      W.byDeviceCategory,
      [{ h: W.deviceCategory }, ...CATEGORY_COLS(lang)],
      r.byCategory.map((c) => [c.category, ...categoryCells(c)]),
    ),
    sheet(
      lang,
      W.byBrand,
      [{ h: W.brand }, ...CATEGORY_COLS(lang)],
      r.byBrand.map((b) => [b.brand, ...categoryCells(b)]),
    ),
    sheet(
      lang,
      W.byBrandCategory,
      [{ h: W.brand }, { h: W.deviceCategory }, ...CATEGORY_COLS(lang)],
      r.byBrandCategory.map((b) => [b.brand, b.category, ...categoryCells(b)]),
    ),
  ];
}

/** `营收-20260101-20261231.xlsx`: the report and its period. */
export async function exportReport(
  ctx: CallContext,
  input: ParsedInputOf<'reports.export'>,
): Promise<XlsxFile> {
  const q: Db = ctx.deps.db;
  const { lang, period } = input;
  const sheets = ((): SheetOut[] => {
    switch (input.report) {
      case 'volume':
        return volumeSheets(REPORTS.volume(q, period), lang);
      case 'turnaround':
        return turnaroundSheets(REPORTS.turnaround(q, period), lang);
      case 'quality':
        return qualitySheets(REPORTS.quality(q, period), lang);
      case 'revenue':
        return revenueSheets(REPORTS.revenue(q, period), lang);
      case 'warrantyClaims':
        return warrantySheets(warrantyClaimsReport(q, period, -1), lang);
      case 'technicians':
        return technicianSheets(REPORTS.technicians(q, period), lang);
      case 'parts':
        return partsSheets(REPORTS.parts(q, period), lang);
      case 'serviceQuality':
        return serviceQualitySheets(REPORTS.serviceQuality(q, period), lang);
      case 'byCategory':
        return byCategorySheets(REPORTS.byCategory(q, period), lang);
    }
  })();
  const base = `${say(REPORT_TITLES[input.report], lang)}-${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}`;
  return workbookFile(`${base}.xlsx`, sheets);
}
